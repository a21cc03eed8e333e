"""The Python half of the city parking plugin: an indicator TOML cannot add, the share of
car spaces with a charger built now. Its name is the pack's, so ``--rules city_parking``
(or the project's rules) turns on both."""

from planner.i18n import Msg
from planner.plugins import PluginIndicator, hookimpl

NAME = "city_parking"


@hookimpl
def planner_indicators(site):
    attrs = [placed.facility.attrs for placed in site.placed]
    spaces = sum(a.get("parking_spaces", 0) for a in attrs)
    built = sum(a.get("charging_spaces", 0) for a in attrs)
    return [PluginIndicator("city_parking.charging_built_share",
                            Msg("已建充电车位占比", "Spaces with a charger built"),
                            built / spaces if spaces else 0.0, "percent")]
