"""The project model (no Qt, no I/O)."""

from planner.model.attributes import ATTRIBUTES, AttributeSpec
from planner.model.conditions import CONDITION_KEYS, Conditions, is_local_key
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
from planner.model.schemes import COMMENT_STATUSES, DEFAULT_SCHEME, Comment, Round, Scheme
from planner.model.underlay import Underlay

__all__ = [
    "ATTRIBUTES",
    "AttributeSpec",
    "CLIMATE_ZONES",
    "COMMENT_STATUSES",
    "CONDITION_KEYS",
    "is_local_key",
    "Conditions",
    "COMMUNITIES",
    "Comment",
    "DEFAULT_SCHEME",
    "Facility",
    "GeoReference",
    "Kind",
    "KindRegistry",
    "ManualAnswer",
    "Project",
    "Round",
    "Scheme",
    "Settings",
    "Underlay",
]
