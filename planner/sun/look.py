"""How sunlight looks on the canvas and the sheet: one set of colours for both."""

PASS = "#2e7d32"  # a façade point with at least the required hours
FAIL = "#d32f2f"  # below the requirement
SHADOW = "#28285a"  # shadows and the ground below the standard (drawn translucent)
CONTOURS = {1.0: "#1565c0", 2.0: "#6a1b9a", 3.0: "#00838f"}  # 等时线 by hours
STANDARD_LINE = "#e65100"  # the contour at the homes' requirement: the standard shadow line


def contour_colour(hours: float, required: float) -> str:
    if abs(hours - required) < 1e-9:
        return STANDARD_LINE
    return CONTOURS.get(hours, "#455a64")
