"""The small dialog that records the designer's answer to a manual check item (met / not
met / not answered yet, with a note), as the project's ``Settings.manual``."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QLabel, QLineEdit, QRadioButton, QVBoxLayout,
    QWidget,
)

from planner.model import ManualAnswer
from planner.rules import CheckResult

#: button id -> ManualAnswer.answer
ANSWERS = {0: True, 1: False, 2: None}


class ManualAnswerDialog(QDialog):
    def __init__(self, check: CheckResult, answer: ManualAnswer | None, lang: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("确认检查项 {id}").format(id=check.id))
        heading = QLabel(f"<b>{check.id} {check.title.text(lang)}</b><br>{check.clause}", self)
        heading.setWordWrap(True)
        self.setMinimumWidth(460)
        self.choices = QButtonGroup(self)
        self.met = QRadioButton(self.tr("满足"), self)
        self.not_met = QRadioButton(self.tr("不满足"), self)
        self.unanswered = QRadioButton(self.tr("尚未确认"), self)
        for button_id, button in enumerate((self.met, self.not_met, self.unanswered)):
            self.choices.addButton(button, button_id)
        current = None if answer is None else answer.answer
        self.choices.button(next(i for i, a in ANSWERS.items() if a is current)).setChecked(True)
        self.note = QLineEdit(answer.note if answer else "", self)
        self.note.setPlaceholderText(self.tr("说明(可选),例如依据的文件或现场情况"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        for button in (self.met, self.not_met, self.unanswered):
            layout.addWidget(button)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def answer(self) -> ManualAnswer | None:
        """What to record: None removes the answer (the item awaits one again)."""
        chosen = ANSWERS[self.choices.checkedId()]
        note = self.note.text().strip()
        if chosen is None and not note:
            return None
        return ManualAnswer(chosen, note)
