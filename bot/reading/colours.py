"""Read a photo's mood from its colours alone, so the bot never answers with silence.

When no caption can be had, the recommender still gets an English phrase to
embed and a valence/arousal estimate, computed from a small RGB thumbnail.

The mapping is a heuristic grounded in colour-emotion studies. Valdez &
Mehrabian (1994) found pleasure rising mostly with brightness and a little
with saturation, and arousal rising with saturation; warm hues are commonly
rated more pleasant and more arousing than cool ones. Each measure is centred
on a typical photo and divided by its typical spread, so a term reads in
standard-deviation units; the weighted sums are then squashed smoothly into
[-1.5, 1.5], the recommender's scale:

    valence = 0.60 brightness + 0.25 saturation + 0.15 warmth
    arousal = 0.45 saturation + 0.30 colourfulness + 0.15 contrast + 0.10 warmth

Saturation is measured as mean chroma (max - min of R, G, B), which is closer
to the Munsell chroma Valdez & Mehrabian varied than HSV's S, which calls a
near-black navy sky fully saturated. Brightness is left out of arousal: for
colour chips they found a small negative effect, but in photos darkness comes
with low chroma and contrast, which already lower arousal.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

AFFECT_LIMIT = 1.5
EXTREMELY_COLOURFUL = 109.0  # Hasler & Süsstrunk's (2003) "extremely colourful" level

TYPICAL = {
    "brightness": 0.45,
    "saturation": 0.25,
    "warmth": 0.03,
    "colourfulness": 0.35,
    "contrast": 0.40,
}
SPREAD = {
    "brightness": 0.15,
    "saturation": 0.12,
    "warmth": 0.08,
    "colourfulness": 0.20,
    "contrast": 0.15,
}
VALENCE_WEIGHTS = {"brightness": 0.60, "saturation": 0.25, "warmth": 0.15}
AROUSAL_WEIGHTS = {"saturation": 0.45, "colourfulness": 0.30, "contrast": 0.15, "warmth": 0.10}


@dataclass(frozen=True)
class ColourReading:
    """What the colours say: a phrase to embed, affect, and the raw measures.

    ``brightness`` (mean luma), ``saturation`` (mean chroma), ``colourfulness``
    and ``contrast`` (luma spread) lie in [0, 1]; ``warmth`` (mean red minus
    blue) in [-1, 1].
    """

    description: str
    valence: float
    arousal: float
    brightness: float
    saturation: float
    warmth: float
    colourfulness: float
    contrast: float


def read_colours(pixels: np.ndarray) -> ColourReading:
    """Measure an RGB image of shape (h, w, 3), uint8 or 0..255 floats."""
    measures = colour_measures(pixels)
    return ColourReading(
        description=describe_colours(**measures),
        valence=_affect(measures, VALENCE_WEIGHTS),
        arousal=_affect(measures, AROUSAL_WEIGHTS),
        **measures,
    )


def colour_measures(pixels: np.ndarray) -> dict[str, float]:
    """Brightness, saturation, warmth, colourfulness and contrast of (h, w, 3) pixels."""
    rgb = np.asarray(pixels, dtype=np.float64).reshape(-1, 3) / 255.0
    red, green, blue = rgb.T
    luma = 0.299 * red + 0.587 * green + 0.114 * blue
    chroma = rgb.max(axis=1) - rgb.min(axis=1)
    return {
        "brightness": float(luma.mean()),
        "saturation": float(chroma.mean()),
        "warmth": float((red - blue).mean()),
        "colourfulness": min(1.0, hasler_susstrunk_colourfulness(pixels) / EXTREMELY_COLOURFUL),
        "contrast": min(1.0, float(luma.std()) / 0.5),
    }


def hasler_susstrunk_colourfulness(pixels: np.ndarray) -> float:
    """Hasler & Süsstrunk's (2003) colourfulness M on the 0..255 scale."""
    red, green, blue = np.asarray(pixels, dtype=np.float64).reshape(-1, 3).T
    red_green = red - green
    yellow_blue = 0.5 * (red + green) - blue
    spread = np.hypot(red_green.std(), yellow_blue.std())
    offset = np.hypot(red_green.mean(), yellow_blue.mean())
    return float(spread + 0.3 * offset)


def describe_colours(
    brightness: float, saturation: float, warmth: float, colourfulness: float, contrast: float
) -> str:
    """An English phrase like "a dim, cool, muted photo" for the recommender to embed."""
    monochrome = saturation < 0.04 and colourfulness < 0.08
    words = [_lightness_word(brightness, contrast)]
    if not monochrome:
        words.append(_temperature_word(warmth))
    words.append("monochrome" if monochrome else _colour_word(saturation, colourfulness))
    article = "an" if words[0][0] in "aeiou" else "a"
    return f"{article} {', '.join(words)} photo"


def _lightness_word(brightness: float, contrast: float) -> str:
    if brightness < 0.2:
        return "dark"
    if brightness < 0.36:
        return "dim"
    if brightness > 0.6:
        return "bright"
    return "high-contrast" if contrast > 0.6 else "softly lit"


def _temperature_word(warmth: float) -> str:
    if warmth > 0.08:
        return "warm"
    if warmth < -0.03:
        return "cool"
    return "neutral"


def _colour_word(saturation: float, colourfulness: float) -> str:
    if saturation > 0.45 or colourfulness > 0.6:
        return "vivid"
    if saturation > 0.22 or colourfulness > 0.35:
        return "colourful"
    return "muted"


def _affect(measures: dict[str, float], weights: dict[str, float]) -> float:
    raw = sum(
        weight * (measures[name] - TYPICAL[name]) / SPREAD[name] for name, weight in weights.items()
    )
    return float(AFFECT_LIMIT * np.tanh(raw / AFFECT_LIMIT))
