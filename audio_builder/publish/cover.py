"""Podcast cover art: the user's square image, checked, or a clean one made from the title."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

from audio_builder.errors import AudioBuilderError

SIZE = 1400  # directories want squares of 1400 to 3000 pixels
MIN_SIZE, MAX_SIZE = 1400, 3000
BACKGROUND = (20, 70, 90)
ACCENT = (250, 190, 60)
INK = (255, 255, 255)


def load_cover(path: Path) -> tuple[bytes, str]:
    """The image's bytes and extension (png or jpg), once it passes the directories' rules."""
    try:
        data = path.read_bytes()
        with Image.open(io.BytesIO(data)) as image:
            width, height, kind = image.width, image.height, image.format
    except (OSError, UnidentifiedImageError) as exc:
        raise AudioBuilderError(f"{path}: not a readable image ({exc})") from None
    if kind not in ("PNG", "JPEG"):
        raise AudioBuilderError(f"{path}: the cover must be a PNG or JPEG, got {kind}")
    if width != height or not MIN_SIZE <= width <= MAX_SIZE:
        raise AudioBuilderError(
            f"{path}: the cover must be square, {MIN_SIZE} to {MAX_SIZE} pixels a side; "
            f"got {width}x{height}"
        )
    return data, "png" if kind == "PNG" else "jpg"


def make_cover(title: str, subtitle: str = "Voice-coached workouts") -> bytes:
    """A plain square PNG: the title large, a rule, and a subtitle."""
    image = Image.new("RGB", (SIZE, SIZE), BACKGROUND)
    draw = ImageDraw.Draw(image)
    big = ImageFont.load_default(size=150)
    small = ImageFont.load_default(size=64)
    lines = textwrap.wrap(title, width=14)[:4] or [" "]
    y = SIZE // 2 - 95 * len(lines)
    for line in lines:
        draw.text((120, y), line, font=big, fill=INK)
        y += 190
    draw.rectangle((120, y + 30, 520, y + 46), fill=ACCENT)
    draw.text((120, y + 90), subtitle, font=small, fill=INK)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
