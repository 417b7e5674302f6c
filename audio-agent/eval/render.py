"""Renders the evaluation set into .artifacts/agent-eval/ and runs the reference tracker on it.

Per track: <name>.wav (mono, 44.1 kHz), <name>.beats.txt (the label: one beat time per line) and
<name>.ref.json (librosa's beats and tempo). manifest.json lists everything, with the path of each track's
<name>.madmom.json, which reference_madmom.py writes (the second reference, in its own venv). Real recordings from Debian's
game-music packages are cut to one excerpt each and get a reference run but no label.
Run through setup.sh, which installs what this needs.
"""

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile

import numpy as np
import soundfile

from compose import compose
from reference import reference_beats
from tracks import SOUNDFONTS, tracks

RATE = 44100
# The repository-level .artifacts/ is where every generated, ignored file of the project lives.
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".artifacts", "agent-eval")
# Free game music shipped by Debian: (package, folder or .pk3 archive). Each piece gives one excerpt.
REAL_MUSIC = [
    ("asc-music", "/usr/share/games/asc/music"),
    ("hyperrogue-music", "/usr/share/hyperrogue/music"),
    ("nexuiz-music", "/usr/share/games/nexuiz/data/music.pk3"),
]
REAL_EXCERPT_S = (20, 80)
# Pieces shorter than this (jingles) are skipped: too little left after the tracker's first seconds, s.
REAL_MIN_S = 40
AUDIO_SUFFIXES = (".ogg", ".mp3", ".flac", ".wav")


def write_mono(path, samples):
    peak = float(np.max(np.abs(samples))) or 1.0
    soundfile.write(path, (samples * (0.9 / peak)).astype(np.float32), RATE, subtype="PCM_16")


def render_track(track, folder, force=False):
    midi, beats, end_bpm = compose(track)
    wav = os.path.join(folder, track["name"] + ".wav")
    entry = {**track, "end_bpm": end_bpm, "wav": wav, "beats": wav[:-4] + ".beats.txt"}
    with open(entry["beats"], "w") as f:
        f.write("".join(f"{b:.6f}\n" for b in beats))
    if not force and os.path.exists(wav):
        return entry
    with tempfile.TemporaryDirectory() as tmp:
        mid = os.path.join(tmp, "track.mid")
        stereo = os.path.join(tmp, "track.wav")
        midi.save(mid)
        subprocess.run(
            ["fluidsynth", "-ni", "-q", "-g", "0.5", "-r", str(RATE), "-F", stereo,
             SOUNDFONTS[track["soundfont"]], mid],
            check=True, stdout=subprocess.DEVNULL,
        )
        audio, _ = soundfile.read(stereo, always_2d=True)
    write_mono(wav, audio.mean(axis=1)[: int(track["seconds"] * RATE)])
    return entry


def real_pieces(source):
    """(name, readable file) of every piece in a folder or a Quake-style .pk3 (zip) archive."""
    if source.endswith(".pk3"):
        with zipfile.ZipFile(source) as archive:
            for info in sorted(archive.infolist(), key=lambda i: i.filename):
                if info.filename.lower().endswith(AUDIO_SUFFIXES):
                    yield os.path.basename(info.filename), io.BytesIO(archive.read(info))
        return
    for name in sorted(os.listdir(source)):
        if name.lower().endswith(AUDIO_SUFFIXES):
            yield name, os.path.join(source, name)


def real_recordings(folder, force):
    out = []
    for package, source in REAL_MUSIC:
        if not os.path.exists(source):
            print(f"skipping {package}: not installed", file=sys.stderr)
            continue
        for name, readable in real_pieces(source):
            stem = f"real-{package}-{os.path.splitext(name)[0]}"
            wav = os.path.join(folder, stem + ".wav")
            if force or not os.path.exists(wav):
                audio, rate = soundfile.read(readable, always_2d=True)
                if audio.shape[0] < REAL_MIN_S * rate:
                    print(f"skipping {stem}: shorter than {REAL_MIN_S} s", file=sys.stderr)
                    continue
                start, end = (int(s * rate) for s in REAL_EXCERPT_S)
                if audio.shape[0] < end:  # a short piece: its last 60 s or all of it
                    start = max(0, audio.shape[0] - (end - start))
                mono = audio.mean(axis=1)[start:end]
                if rate != RATE:
                    import librosa

                    mono = librosa.resample(mono, orig_sr=rate, target_sr=RATE)
                write_mono(wav, mono)
                print(f"cut {stem}", file=sys.stderr)
            out.append({"name": stem, "split": "real", "style": "real", "package": package, "wav": wav})
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="render and run the reference again")
    force = parser.parse_args().force
    os.makedirs(OUT, exist_ok=True)
    started = time.monotonic()
    entries = []
    todo = [t for split in ("dev", "test") for t in tracks(split)]
    for i, track in enumerate(todo, 1):
        folder = os.path.join(OUT, track["split"])
        os.makedirs(folder, exist_ok=True)
        entry = render_track(track, folder, force)
        entries.append(entry)
        print(f"[{i}/{len(todo)} {time.monotonic() - started:5.0f} s] {track['name']} "
              f"{track['bpm']} BPM {track['soundfont']}", file=sys.stderr)
    real = os.path.join(OUT, "real")
    os.makedirs(real, exist_ok=True)
    entries += real_recordings(real, force)
    for i, entry in enumerate(entries, 1):
        entry["ref"] = entry["wav"][:-4] + ".ref.json"
        entry["madmom"] = entry["wav"][:-4] + ".madmom.json"  # written by reference_madmom.py
        if force or not os.path.exists(entry["ref"]):
            with open(entry["ref"], "w") as f:
                json.dump(reference_beats(entry["wav"]), f)
        print(f"[{i}/{len(entries)} {time.monotonic() - started:5.0f} s] reference {entry['name']}",
              file=sys.stderr)
    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump({"tracks": entries}, f, indent=1)
    print(f"{len(entries)} tracks in {os.path.normpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
