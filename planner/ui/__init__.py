"""The Qt shell: everything that imports PySide6 lives here."""
