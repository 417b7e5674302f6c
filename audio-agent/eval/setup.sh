#!/usr/bin/env bash
# Installs what the evaluation needs (fluidsynth, three General MIDI soundfonts, free game music from Debian, a
# Python venv with librosa and mir_eval, a second one with madmom) and renders the set into .artifacts/agent-eval/. Safe to run again:
# packages already there are not reinstalled and tracks already rendered are kept (render.py --force redoes them).
# `npm run bench -- --only agent` then reports the agent.dev.*, agent.test.*, agent.ref.* and agent.real.* figures.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
artifacts="$here/../../.artifacts/agent-eval"
venv="$artifacts/venv"
madmom_venv="$artifacts/venv-madmom"
packages=(fluidsynth fluid-soundfont-gm timgm6mb-soundfont musescore-general-soundfont-small
  asc-music hyperrogue-music nexuiz-music)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: apt-get install ${missing[*]}" >&2
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${missing[@]}"
fi

mkdir -p "$artifacts"
if [ ! -x "$venv/bin/python" ]; then
  echo "setup: creating $venv" >&2
  python3 -m venv "$venv"
fi
echo "setup: pip install -r requirements.txt (librosa, mir_eval, …)" >&2
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$here/requirements.txt"

# madmom 0.16.1 builds from source against numpy 1.x, which librosa's venv does not have: it gets its own.
if [ ! -x "$madmom_venv/bin/python" ]; then
  echo "setup: creating $madmom_venv" >&2
  python3 -m venv "$madmom_venv"
fi
echo "setup: pip install -r requirements-madmom.txt, then madmom (builds its extensions: a minute or two)" >&2
"$madmom_venv/bin/python" -m pip install -q --disable-pip-version-check -r "$here/requirements-madmom.txt"
"$madmom_venv/bin/python" -m pip install -q --disable-pip-version-check --no-build-isolation madmom==0.16.1

echo "setup: rendering the set (progress below; a few minutes on two cores)" >&2
cd "$here" && nice -n 10 "$venv/bin/python" render.py "$@"
echo "setup: the second reference, madmom (about 4 s a track)" >&2
nice -n 10 "$madmom_venv/bin/python" reference_madmom.py "$@"
echo "setup: done; run: npm run bench -- --only agent" >&2
