"""The scene mirrors the Document: one FeatureItem per feature, updated only for the
features a change touched, restyled when the evaluation or the selection changes."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene
from shapely.geometry import Point

from planner.commands import Change
from planner.document import Document
from planner.evaluation import Evaluation
from planner.ui.canvas.items import POINT_RADIUS_M, FeatureItem
from planner.ui.canvas.planning import PlanningLayer
from planner.ui.canvas.pins import CommentPinsLayer
from planner.ui.canvas.underlay import UnderlayLayer
from planner.ui.state import UiState

WORLD = QRectF(-50_000, -50_000, 100_000, 100_000)  # metres: room to pan anywhere


class LayoutScene(QGraphicsScene):
    def __init__(self, document: Document, state: UiState, parent=None):
        super().__init__(parent)
        self.document, self.state = document, state
        self.setSceneRect(WORLD)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.feature_items: dict[str, FeatureItem] = {}
        self.warned: set[str] = set()
        self.px_per_m = 1.0
        document.events.project_changed.connect(self.on_project_changed)
        document.events.evaluation_changed.connect(self.on_evaluation_changed)
        document.events.selection_changed.connect(self.on_selection_changed)
        state.layers_changed.connect(self.apply_layers)
        state.language_changed.connect(self.relabel)
        self.rebuild()
        self.underlay_layer = UnderlayLayer(self, document)  # the background image, if any
        self.planning_layer = PlanningLayer(self, document)  # envelope, spacing dimensions
        self.pins = CommentPinsLayer(self, document)  # residents' comments
        self.on_evaluation_changed(document.evaluation)

    # -- following the document ----------------------------------------------------------
    def rebuild(self) -> None:
        for item in self.feature_items.values():
            self.removeItem(item)
        self.feature_items.clear()
        for feature in self.document.project.features():
            self._put(feature.id)
        self.on_selection_changed(self.document.selection)

    def on_project_changed(self, change: Change | None) -> None:
        if change is None:
            self.rebuild()
            return
        for fid in change.feature_ids:
            self._put(fid)

    def _put(self, fid: str) -> None:
        """Adds, updates or removes the item of one feature to match the document."""
        feature = self.document.feature(fid)
        item = self.feature_items.get(fid)
        kinds = self.document.kinds
        if feature is None or feature.kind not in kinds:
            if item is not None:
                self.removeItem(self.feature_items.pop(fid))
            return
        if item is None:
            item = self.feature_items[fid] = FeatureItem(feature, kinds[feature.kind])
            item.set_label_text(self.state.lang)
            self.addItem(item)
        else:
            item.update_feature(feature, kinds[feature.kind], self.state.lang)
        item.set_state(selected=fid in self.document.selection, warning=fid in self.warned)
        item.setVisible(feature.kind not in self.state.hidden_kinds)
        item.update_label_visibility(self.px_per_m)

    def on_evaluation_changed(self, evaluation: Evaluation | None) -> None:
        warned = set()
        if evaluation is not None:
            site = evaluation.site
            warned = set(site.outside) | {i for pair in site.overlaps + site.crossings
                                          for i in pair}
            warned |= {fid for fid, problem in site.invalid.items()}
        for fid in warned ^ self.warned:
            if fid in self.feature_items:
                self.feature_items[fid].set_state(warning=fid in warned)
        self.warned = warned

    def on_selection_changed(self, selection: tuple[str, ...]) -> None:
        chosen = set(selection)
        for fid, item in self.feature_items.items():
            if item.selected != (fid in chosen):
                item.set_state(selected=fid in chosen)

    def apply_layers(self) -> None:
        for item in self.feature_items.values():
            item.setVisible(item.facility.kind not in self.state.hidden_kinds)

    def relabel(self, lang: str) -> None:
        for item in self.feature_items.values():
            item.set_label_text(lang)
            item.update_label_visibility(self.px_per_m)

    def set_zoom(self, px_per_m: float) -> None:
        self.px_per_m = px_per_m
        for item in self.feature_items.values():
            item.update_label_visibility(px_per_m)

    # -- questions from the tools ----------------------------------------------------------
    def editable(self, fid: str) -> bool:
        item = self.feature_items.get(fid)
        return item is not None and item.isVisible() and \
            item.facility.kind not in self.state.locked_kinds

    def feature_at(self, x: float, y: float, tolerance: float) -> str | None:
        """The topmost visible, unlocked feature at (x, y), within ``tolerance`` metres of
        a line or point. The parcel is picked by its outline only, so that clicks and
        rubber bands inside it reach the facilities and the empty ground."""
        rect = QRectF(x - tolerance, y - tolerance, 2 * tolerance, 2 * tolerance)
        point = Point(x, y)
        hits = []
        for item in self.items(rect):
            if not isinstance(item, FeatureItem) or not self.editable(item.fid):
                continue
            geometry = item.facility.geometry
            if item.is_parcel:
                hit = geometry.boundary.distance(point) <= tolerance
            elif item.has_label:
                hit = geometry.distance(point) <= tolerance
            else:
                hit = geometry.distance(point) <= tolerance + POINT_RADIUS_M
            if hit:
                hits.append(item)
        hits.sort(key=lambda i: (i.is_parcel, -i.zValue()))
        return hits[0].fid if hits else None

    def features_in(self, rect: QRectF) -> list[str]:
        """Visible, unlocked features wholly inside a rectangle (rubber-band selection)."""
        return [fid for fid, item in self.feature_items.items()
                if self.editable(fid) and rect.contains(item.sceneBoundingRect())]

    def bounds(self) -> QRectF:
        rect = QRectF()
        for item in self.feature_items.values():
            rect = rect.united(item.sceneBoundingRect())
        return rect
