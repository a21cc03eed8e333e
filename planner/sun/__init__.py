"""Sunlight (日照): sun positions, façade and ground hours of buildings as prisms, the
standard as rule-pack data (docs/sunlight.md). Pure core: no Qt."""
