"""The project model (no Qt, no I/O)."""

from planner.model.attributes import ATTRIBUTES, AttributeSpec
from planner.model.conditions import CONDITION_KEYS, Conditions
from planner.model.kinds import Kind, KindRegistry
from planner.model.project import (
    CLIMATE_ZONES,
    COMMUNITIES,
    Facility,
    GeoReference,
    ManualAnswer,
    Project,
    Settings,
)
from planner.model.underlay import Underlay

__all__ = [
    "ATTRIBUTES",
    "AttributeSpec",
    "CLIMATE_ZONES",
    "CONDITION_KEYS",
    "Conditions",
    "COMMUNITIES",
    "Facility",
    "GeoReference",
    "Kind",
    "KindRegistry",
    "ManualAnswer",
    "Project",
    "Settings",
    "Underlay",
]
