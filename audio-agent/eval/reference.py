"""The reference offline tracker: librosa's dynamic-programming beat tracker with its defaults."""

import librosa


def reference_beats(wav):
    y, sr = librosa.load(wav, sr=22050, mono=True)
    tempo, beats = librosa.beat.beat_track(y=y, sr=sr, units="time")
    return {"beats": [round(float(b), 4) for b in beats], "bpm": float(tempo.item() if hasattr(tempo, "item") else tempo)}
