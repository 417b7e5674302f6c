"""Scores the agent's beats and the reference tracker's on the evaluation set, with mir_eval.

Usage: score.py OURS.json  (written by audio-agent/bench/agent.bench.ts: {"tracks": [{name, beats, tempos}]})
Prints bench figures as JSON lines on stdout and a per-track table on stderr.
Two references: librosa (`agent.ref.*`) and, when setup.sh has run it, madmom (`agent.madmom.*`).
Labelled splits: F (±70 ms), CMLt, AMLt as mir_eval defines them (beats before 5 s trimmed), the worst F, and the
fraction of tracks whose tempo is within 4 % of the truth (no octave allowed). The tempo of a beat list is
60 / the median inter-beat interval over the second half of the track, the same rule for truth, agent and
reference. Real recordings have no label: the agent's tempo stability (the share of its 1 s tempo readings
over the second half within 4 % of their median) and its agreement with the reference (F of our beats
against librosa's, and the share of tracks whose tempos agree within 4 %).
"""

import json
import os
import sys

import mir_eval
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = os.path.join(HERE, "..", "..", ".artifacts", "agent-eval", "manifest.json")


def figure(name, value, unit, budget=None, better=None):
    line = {"name": name, "value": round(float(value), 4), "unit": unit}
    if budget is not None:
        line.update(budget=budget, better=better)
    print(json.dumps(line))


def tempo_of(beats, duration):
    late = np.asarray([b for b in beats if b >= duration / 2])
    if len(late) < 3:
        return None
    return 60.0 / float(np.median(np.diff(late)))


def within(estimate, truth, tolerance=0.04):
    return estimate is not None and truth is not None and abs(estimate / truth - 1) <= tolerance


def score_beats(reference, estimate):
    ref = mir_eval.beat.trim_beats(np.asarray(reference, dtype=float))
    est = mir_eval.beat.trim_beats(np.asarray(estimate, dtype=float))
    _, cmlt, _, amlt = mir_eval.beat.continuity(ref, est)
    return mir_eval.beat.f_measure(ref, est, f_measure_threshold=0.07), cmlt, amlt


def load_reference(entry, tracker="ref"):
    with open(entry[tracker]) as f:
        return json.load(f)


def has_madmom(entries):
    """True when every track has madmom's beats (setup.sh writes them after rendering)."""
    return all(os.path.exists(e.get("madmom", "")) for e in entries)


def labelled(entries, ours, references):
    rows = []
    for entry in entries:
        truth = np.loadtxt(entry["beats"], ndmin=1).tolist()
        duration = entry["seconds"]
        true_tempo = tempo_of(truth, duration)
        row = {"name": entry["name"], "split": entry["split"], "soundfont": entry["soundfont"]}
        runs = [("agent", ours[entry["name"]]["beats"])]
        runs += [(tracker, load_reference(entry, tracker)["beats"]) for tracker in references]
        for tracker, beats in runs:
            f, cmlt, amlt = score_beats(truth, beats)
            tempo = tempo_of(beats, duration)
            row[tracker] = {"f": f, "cmlt": cmlt, "amlt": amlt, "tempo": tempo, "ok": within(tempo, true_tempo)}
        row["true_tempo"] = true_tempo
        rows.append(row)
    return rows


def report_split(split, rows, references):
    prefixes = {"agent": f"agent.{split}", "ref": f"agent.ref.{split}", "madmom": f"agent.madmom.{split}"}
    for tracker in ("agent", *references):
        prefix = prefixes[tracker]
        scores = [r[tracker] for r in rows]
        held = tracker == "agent" and split == "test"
        figure(f"{prefix}.beat_f", np.mean([s["f"] for s in scores]), "F", *((0.9, "higher") if held else ()))
        figure(f"{prefix}.min_f", np.min([s["f"] for s in scores]), "F", *((0.8, "higher") if held else ()))
        figure(f"{prefix}.cmlt", np.mean([s["cmlt"] for s in scores]), "fraction")
        figure(f"{prefix}.amlt", np.mean([s["amlt"] for s in scores]), "fraction")
        figure(f"{prefix}.tempo_within_4pct", np.mean([s["ok"] for s in scores]), "fraction",
               *((0.9, "higher") if held else ()))
    figure(f"agent.{split}.tracks", len(rows), "count")


def real(entries, ours):
    """Tempo stability, and agreement with each reference (madmom's only when every recording has its beats)."""
    references = ("ref", "madmom") if has_madmom(entries) else ("ref",)
    stability = []
    agreement = {tracker: ([], []) for tracker in references}
    for entry in entries:
        run = ours[entry["name"]]
        duration = run["duration"]
        readings = np.asarray([bpm for t, bpm in run["tempos"] if t >= duration / 2])
        stable = float(np.mean(np.abs(readings / np.median(readings) - 1) <= 0.04)) if len(readings) else 0.0
        stability.append(stable)
        line = f"{entry['name']:<34} stability {stable:.2f}"
        for tracker in references:
            reference = load_reference(entry, tracker)["beats"]
            f, _, _ = score_beats(reference, run["beats"])
            agree = within(tempo_of(run["beats"], duration), tempo_of(reference, duration))
            agreement[tracker][0].append(f)
            agreement[tracker][1].append(agree)
            line += f"  F vs {tracker} {f:.2f}  tempo agrees {agree}"
        print(line, file=sys.stderr)
    if entries:
        figure("agent.real.tempo_stability", np.mean(stability), "fraction")
        for tracker, (f, tempo) in agreement.items():
            figure(f"agent.real.{tracker}_agreement_f", np.mean(f), "F")
            figure(f"agent.real.{tracker}_tempo_agreement", np.mean(tempo), "fraction")
        figure("agent.real.tracks", len(entries), "count")


def print_table(rows, references):
    heads = "".join(f" {t + ' F/CMLt/AMLt/bpm':<28}" for t in ("agent", *references))
    print(f"{'track':<24} {'font':<10} {'bpm':>6} {heads}", file=sys.stderr)
    for r in rows:
        cells = []
        for tracker in ("agent", *references):
            s = r[tracker]
            tempo = "none" if s["tempo"] is None else f"{s['tempo']:.1f}"
            cells.append(f"{s['f']:.2f} {s['cmlt']:.2f} {s['amlt']:.2f} {tempo:>6}{'' if s['ok'] else '*'}")
        print(f"{r['name']:<24} {r['soundfont']:<10} {r['true_tempo']:6.1f} " + "".join(f" {c:<28}" for c in cells),
              file=sys.stderr)


def main():
    with open(sys.argv[1]) as f:
        ours = {t["name"]: t for t in json.load(f)["tracks"]}
    with open(MANIFEST) as f:
        entries = [e for e in json.load(f)["tracks"] if e["name"] in ours]
    labelled_entries = [e for e in entries if e["split"] != "real"]
    references = ("ref", "madmom") if has_madmom(labelled_entries) else ("ref",)
    if "madmom" not in references:
        print("no madmom beats for every track: run `bash audio-agent/eval/setup.sh` for agent.madmom.*",
              file=sys.stderr)
    rows = labelled(labelled_entries, ours, references)
    print_table(rows, references)
    for split in ("dev", "test"):
        split_rows = [r for r in rows if r["split"] == split]
        if split_rows:
            report_split(split, split_rows, references)
    real([e for e in entries if e["split"] == "real"], ours)


if __name__ == "__main__":
    main()
