"""The layout canvas: a QGraphicsScene in metres (y up) mirroring the Document, a view
with zoom, pan and grid, and the editing tools."""
