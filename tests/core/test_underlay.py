"""The background image: placement, two-point calibration, refusal of what is not an image."""

import math
import struct
import zlib

import pytest

from planner.errors import InputError
from planner.model import Underlay
from planner.model.underlay import image_size


def png(width: int, height: int) -> bytes:
    """A real (grey) PNG file of that size."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def jpeg_header(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def test_image_size_and_type_from_the_header():
    assert image_size(png(300, 200)) == (300, 200)
    assert image_size(jpeg_header(640, 480)) == (640, 480)
    underlay = Underlay.from_image(png(300, 200), "/scans/总图.png")
    assert (underlay.media_type, underlay.pixel_size, underlay.scale) == ("image/png", (300, 200), 1.0)
    with pytest.raises(InputError) as err:
        Underlay.from_image(b"GIF89a....", "C:\\scans\\plan.gif")
    assert err.value.msg.en == "plan.gif is not a PNG or JPEG image"


def test_two_points_and_a_typed_distance_set_the_scale_keeping_the_first_point():
    underlay = Underlay.from_image(png(1000, 800))
    before = underlay.to_local((100, 700))
    # The scale bar on the scan: 400 pixels are 50 m.
    calibrated = underlay.calibrated((100, 700), (500, 700), 50.0)
    assert calibrated.scale == pytest.approx(0.125)
    assert calibrated.to_local((100, 700)) == pytest.approx(before)
    a, b = calibrated.to_local((100, 700)), calibrated.to_local((500, 700))
    assert math.dist(a, b) == pytest.approx(50.0)
    assert calibrated.rotation == 0.0


def test_two_points_placed_on_the_layout_set_scale_rotation_and_position():
    underlay = Underlay.from_image(png(1000, 800))
    # Two parcel corners on the scan, and where they are on the layout: 30° turned.
    first_at = (10.0, 20.0)
    angle = math.radians(30)
    second_at = (10.0 + 200 * math.cos(angle), 20.0 + 200 * math.sin(angle))
    placed = underlay.calibrated((100, 700), (900, 700), None, first_at, second_at)
    assert placed.scale == pytest.approx(0.25)
    assert placed.rotation == pytest.approx(30.0)
    assert placed.to_local((100, 700)) == pytest.approx(first_at)
    assert placed.to_local((900, 700)) == pytest.approx(second_at)
    # A typed distance wins over the clicked one (the layout points only place and turn).
    typed = underlay.calibrated((100, 700), (900, 700), 100.0, first_at, second_at)
    assert typed.scale == pytest.approx(0.125) and typed.rotation == pytest.approx(30.0)
    for pixel in [(0, 0), (1000, 800), (321, 45)]:
        assert placed.to_pixel(placed.to_local(pixel)) == pytest.approx(pixel)


def test_image_axes_put_row_zero_at_the_top():
    underlay = Underlay.from_image(png(100, 50))
    top_left, top_right, bottom_right, bottom_left = underlay.corners()
    assert top_left == (0.0, 0.0) and top_right == (100.0, 0.0)
    assert bottom_left == (0.0, -50.0) and bottom_right == (100.0, -50.0)


@pytest.mark.parametrize("args,message", [
    (((10, 10), (10, 10), 5.0), "the two calibration points are the same"),
    (((0, 0), (10, 0), 0.0), "invalid distance 0.0"),
    (((0, 0), (10, 0), None), "type the real distance"),
])
def test_bad_calibration_is_explained(args, message):
    with pytest.raises(InputError) as err:
        Underlay.from_image(png(20, 20)).calibrated(*args)
    assert message in err.value.msg.en
