"""Reading and writing other formats (GeoJSON scenarios, coordinate systems…)."""
