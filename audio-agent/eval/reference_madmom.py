"""The second reference tracker: madmom's recurrent-network beat activation with its DBN beat tracker, a
trained offline tracker (its network learned from hand-annotated recordings), with its defaults.

Usage: reference_madmom.py [--force]  (setup.sh runs it after render.py, in a venv of its own)
Writes each manifest track's `madmom` file, {"beats": [s, ...], "bpm": the median inter-beat tempo}, for the
tracks that lack it, with one progress line each on stderr.
"""

import argparse
import collections
import collections.abc
import json
import os
import sys
import time

import numpy as np

# madmom 0.16.1 (the release on PyPI) predates Python 3.10 and numpy 1.24: it imports these ABCs from
# `collections` and uses numpy's removed scalar aliases. Restored here, before madmom is imported.
for _name in ("MutableSequence", "Mapping", "Sequence", "Iterable"):
    setattr(collections, _name, getattr(collections.abc, _name))
for _name, _type in (("float", float), ("int", int), ("complex", complex), ("bool", bool)):
    setattr(np, _name, _type)

from madmom.features.beats import DBNBeatTrackingProcessor, RNNBeatProcessor  # noqa: E402

MANIFEST = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".artifacts", "agent-eval",
                        "manifest.json")

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="run it again on tracks that have its beats")
    force = parser.parse_args().force
    with open(MANIFEST) as f:
        entries = json.load(f)["tracks"]
    todo = [e for e in entries if force or not os.path.exists(e["madmom"])]
    if not todo:
        return
    activation = RNNBeatProcessor()
    tracker = DBNBeatTrackingProcessor(fps=100)
    started = time.monotonic()
    for i, entry in enumerate(todo, 1):
        beats = tracker(activation(entry["wav"]))
        bpm = 60.0 / float(np.median(np.diff(beats))) if len(beats) > 2 else 0.0
        part = entry["madmom"] + ".part"
        with open(part, "w") as f:
            json.dump({"beats": [round(float(b), 4) for b in beats], "bpm": bpm}, f)
        # Renamed only when whole, so an interrupted run never leaves a half-written reference.
        os.replace(part, entry["madmom"])
        print(f"[{i}/{len(todo)} {time.monotonic() - started:5.0f} s] madmom {entry['name']}", file=sys.stderr,
              flush=True)


if __name__ == "__main__":
    main()
