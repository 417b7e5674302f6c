"""The evaluation track list: which style, tempo, length, soundfont and seed each rendered track gets.

The split is fixed by rule, never by score: dev tracks take seeds 1000+, test tracks 2000+, and the MuseScore
soundfont is used only in test, so the test split has timbres the tracker was never tuned on.
"""

import random

SOUNDFONTS = {
    "fluidr3": "/usr/share/sounds/sf2/FluidR3_GM.sf2",
    "timgm6mb": "/usr/share/sounds/sf2/TimGM6mb.sf2",
    "musescore": "/usr/share/sounds/sf3/MuseScore_General_Lite.sf3",
}
SPLIT_SOUNDFONTS = {"dev": ["fluidr3", "timgm6mb"], "test": ["fluidr3", "timgm6mb", "musescore"]}
SPLIT_SEED_BASE = {"dev": 1000, "test": 2000}

# style: (lowest BPM, highest BPM); ramp and step styles end at a second tempo chosen by compose.py.
STYLES = {
    "rock": (96, 144),
    "house": (118, 130),
    "hiphop": (84, 98),
    "halftime": (66, 84),
    "waltz": (96, 180),
    "latin": (94, 116),
    "dnb": (168, 188),
    "breakbeat": (126, 140),
    "shuffle": (110, 176),
    "piano": (60, 96),
    "pads": (64, 100),
    "ramp": (96, 112),
    "step": (112, 124),
    "drop": (120, 132),
}
TRACKS_PER_STYLE = 3


def tracks(split):
    """The split's tracks, the same on every run."""
    out = []
    seed = SPLIT_SEED_BASE[split]
    fonts = SPLIT_SOUNDFONTS[split]
    for style, (low, high) in STYLES.items():
        for i in range(TRACKS_PER_STYLE):
            rng = random.Random(seed)
            out.append(
                {
                    "name": f"{split}-{style}-{i}",
                    "split": split,
                    "style": style,
                    "bpm": round(rng.uniform(low, high), 1),
                    "seconds": rng.choice([32, 40, 48]),
                    "soundfont": fonts[(i + len(out)) % len(fonts)],
                    "seed": seed,
                }
            )
            seed += 1
    return out
