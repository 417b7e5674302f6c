"""Composes one evaluation track as General MIDI notes on a known beat grid.

The beat times are the grid itself, so the labels are exact. Every random choice (key, progression,
instruments, timing and velocity jitter) comes from the track's seed.
"""

import math
import random

import mido

TICKS_PER_BEAT = 960
# The file's own tempo is fixed; notes are placed in seconds, so any tempo map can be written.
TICKS_PER_S = TICKS_PER_BEAT * 2
DRUM_CHANNEL = 9
KICK, SNARE, CLAP, HAT, PEDAL_HAT, OPEN_HAT, RIDE, CRASH = 36, 38, 39, 42, 44, 46, 51, 49
CLAVE, CONGA_HI, CONGA_LO, COWBELL, SHAKER = 75, 63, 64, 56, 70

# One bar of drums per style: instrument -> 16th-note steps (12 steps in 3/4).
DRUMS = {
    "rock": {KICK: [0, 8, 10], SNARE: [4, 12], HAT: [0, 2, 4, 6, 8, 10, 12, 14]},
    "house": {KICK: [0, 4, 8, 12], CLAP: [4, 12], OPEN_HAT: [2, 6, 10, 14], HAT: list(range(16))},
    "hiphop": {KICK: [0, 7, 10], SNARE: [4, 12], HAT: [0, 2, 4, 6, 8, 10, 12, 14]},
    "halftime": {KICK: [0, 3, 10], SNARE: [8], HAT: [0, 2, 4, 6, 8, 10, 12, 14]},
    "waltz": {KICK: [0], PEDAL_HAT: [4, 8], RIDE: [0, 4, 8]},
    "latin": {KICK: [0, 6, 8, 14], CLAVE: [0, 3, 6, 10, 12], CONGA_HI: [2, 6, 10, 14], CONGA_LO: [7, 15],
              SHAKER: list(range(16))},
    "dnb": {KICK: [0, 10], SNARE: [4, 12, 7, 15], HAT: [0, 2, 4, 6, 8, 10, 12, 14]},
    "breakbeat": {KICK: [0, 2, 10, 11], SNARE: [4, 7, 9, 12, 15], RIDE: [0, 2, 4, 6, 8, 10, 12, 14]},
    "shuffle": {KICK: [0, 8], PEDAL_HAT: [4, 12], RIDE: [0, 4, 6, 8, 12, 14]},
}
DRUMS["ramp"] = DRUMS["rock"]
DRUMS["step"] = DRUMS["house"]
DRUMS["drop"] = DRUMS["house"]
# Quiet hits: ghost snares, shakers, closed hats between the main ones.
GHOSTS = {("dnb", SNARE): {7, 15}, ("house", HAT): set(range(1, 16, 2))}
SWUNG = {"hiphop", "shuffle"}

BASS_PROGRAMS = [32, 33, 34, 35, 38, 39, 43]
CHORD_PROGRAMS = [0, 4, 5, 16, 24, 25, 27, 29, 48, 50, 61, 80, 81, 88]
PAD_PROGRAMS = [88, 89, 90, 91, 94, 95, 52]
PIANO_PROGRAMS = [0, 1, 2, 4, 6, 46]
PROGRESSIONS = [[0, 7, 9, 5], [0, 5, 7, 5], [9, 5, 0, 7], [0, 9, 5, 7], [2, 7, 0, 0]]


def tempo_map(style, bpm, seconds, rng):
    """Beat times of the whole track, s, and the tempo it ends at."""
    if style == "ramp":
        end = round(bpm * rng.uniform(1.2, 1.3), 1)
    elif style == "step":
        end = round(bpm * rng.uniform(1.06, 1.12), 1)
    else:
        end = bpm
    times = []
    t = 0.0
    beat = 0
    while t < seconds - 0.05:
        times.append(t)
        progress = t / seconds
        if style == "ramp":
            current = bpm + (end - bpm) * progress
        elif style == "step":
            current = bpm if beat < 64 else end
        else:
            current = bpm
        t += 60.0 / current
        beat += 1
    return times, end


def at(beats, position):
    """Time of a fractional beat position on the grid (linear between beats)."""
    i = min(int(position), len(beats) - 2)
    return beats[i] + (position - i) * (beats[i + 1] - beats[i])


def compose(track):
    """The track's MIDI file and its beat times, s."""
    rng = random.Random(track["seed"])
    style = track["style"]
    beats, end_bpm = tempo_map(style, track["bpm"], track["seconds"], rng)
    meter = 3 if style == "waltz" else 4
    steps_per_bar = 4 * meter
    key = 36 + rng.randrange(12)
    progression = rng.choice(PROGRESSIONS)
    notes = []  # (start s, end s, channel, pitch, velocity)

    def step_time(bar, step):
        position = bar * meter + step / 4
        if style in SWUNG and step % 2 == 1:
            position += 1 / 12  # a 16th late by a triplet's third: the shuffle
        elif style in SWUNG and step % 4 == 2:
            position += 1 / 6
        return at(beats, position)

    bars = (len(beats) - 1) // meter
    drop_bars = range(8, 12) if style == "drop" else range(0)
    pattern = DRUMS.get(style)
    for bar in range(bars):
        root = key + progression[bar % len(progression)]
        if pattern is not None and bar not in drop_bars:
            for drum, steps in pattern.items():
                for step in steps:
                    ghost = step in GHOSTS.get((style, drum), set())
                    velocity = rng.randint(30, 50) if ghost else rng.randint(85, 120)
                    if drum in (HAT, SHAKER, PEDAL_HAT) and not ghost:
                        velocity = rng.randint(50, 80)
                    start = step_time(bar, step) + rng.gauss(0, 0.004)
                    notes.append((max(0, start), start + 0.08, DRUM_CHANNEL, drum, velocity))
            if bar % 8 == 0:
                notes.append((step_time(bar, 0), step_time(bar, 0) + 0.5, DRUM_CHANNEL, CRASH, 90))
        compose_harmony(notes, style, bar, root, meter, steps_per_bar, step_time, rng)
    programs = choose_programs(style, rng)
    return write_midi(notes, programs), [round(b, 6) for b in beats], end_bpm


def compose_harmony(notes, style, bar, root, meter, steps_per_bar, step_time, rng):
    """Bass on channel 0, chords on 1, a pad or arpeggio on 2."""
    bar_start = step_time(bar, 0)
    bar_end = step_time(bar + 1, 0)
    chord = [root + 24, root + 28, root + 31]
    if style in ("piano", "pads"):
        # Soft onsets: a held low note, a slow arpeggio, no drums at all.
        notes.append((bar_start, bar_end, 0, root + 12, rng.randint(40, 60)))
        for step in range(0, steps_per_bar, 2 if style == "piano" else 4):
            pitch = chord[(step // 2) % 3] + (12 if step >= 8 else 0)
            start = step_time(bar, step)
            notes.append((start, start + 0.6, 1, pitch, rng.randint(35, 65)))
        if style == "pads":
            for pitch in chord:
                notes.append((bar_start, bar_end, 2, pitch, 55))
        return
    if style == "waltz":
        notes.append((bar_start, step_time(bar, 4), 0, root, 90))
        for step in (4, 8):
            for pitch in chord:
                notes.append((step_time(bar, step), step_time(bar, step + 3), 1, pitch, 70))
        return
    bass_steps = {"latin": [6, 12], "shuffle": [0, 4, 8, 12], "dnb": [0, 10], "hiphop": [0, 7, 10]}
    for step in bass_steps.get(style, [0, 3, 8, 11]):
        notes.append((step_time(bar, step), step_time(bar, step + 2), 0, root, rng.randint(80, 105)))
    chord_steps = {"latin": [2, 6, 10, 14], "house": [2, 6, 10, 14], "rock": [0, 8]}
    for step in chord_steps.get(style, [0]):
        length = 2 if style in ("latin", "house") else 8
        for pitch in chord:
            notes.append((step_time(bar, step), step_time(bar, step + length), 1, pitch, rng.randint(60, 85)))


def choose_programs(style, rng):
    chords = rng.choice(PIANO_PROGRAMS if style == "piano" else CHORD_PROGRAMS)
    return [rng.choice(BASS_PROGRAMS), chords, rng.choice(PAD_PROGRAMS)]


def write_midi(notes, programs):
    midi = mido.MidiFile(ticks_per_beat=TICKS_PER_BEAT)
    track = mido.MidiTrack()
    midi.tracks.append(track)
    track.append(mido.MetaMessage("set_tempo", tempo=500000, time=0))
    for channel, program in enumerate(programs):
        track.append(mido.Message("program_change", channel=channel, program=program, time=0))
    events = []
    for start, end, channel, pitch, velocity in notes:
        on = max(0, math.floor(start * TICKS_PER_S))
        off = max(on + 1, math.floor(end * TICKS_PER_S))
        events.append((on, 1, mido.Message("note_on", channel=channel, note=pitch, velocity=velocity)))
        events.append((off, 0, mido.Message("note_off", channel=channel, note=pitch, velocity=0)))
    events.sort(key=lambda e: (e[0], e[1]))
    now = 0
    for tick, _, message in events:
        track.append(message.copy(time=tick - now))
        now = tick
    return midi
