"""The bundled list of Chinese cities (resources/cities/cities.csv, sources in its header):
picking one gives the project its latitude, climate zone and city population."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from planner.resources import resource


@dataclass(frozen=True)
class City:
    name_zh: str
    name_en: str
    province: str
    latitude: float
    longitude: float
    climate_zone: str
    population: int
    population_class: str
    capital: bool

    def settings(self) -> dict:
        """The project settings picking this city fills."""
        return {"latitude": self.latitude, "climate_zone": self.climate_zone,
                "city_population": self.population}


@lru_cache(maxsize=1)
def cities() -> tuple[City, ...]:
    path = resource("cities") / "cities.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return tuple(City(r["name_zh"], r["name_en"], r["province"], float(r["latitude"]),
                          float(r["longitude"]), r["climate_zone"], int(r["population"]),
                          r["population_class"], r["capital"] == "1") for r in rows)


def find_city(name: str) -> City | None:
    """A city by its Chinese or English name (case-insensitive)."""
    wanted = name.strip().casefold()
    return next((c for c in cities()
                 if wanted in (c.name_zh.casefold(), c.name_en.casefold())), None)
