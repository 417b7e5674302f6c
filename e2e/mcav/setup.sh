#!/usr/bin/env bash
# Prepares MCAV's VJ server and admin panel for the checks in e2e/mcav/: copies them from an MCAV checkout (a work
# tree or a bare git folder) into .artifacts/mcav (gitignored) and installs the VJ server's dependencies into a
# venv there.
# Usage: bash e2e/mcav/setup.sh <MCAV checkout>   (AUDIOVIZ_MCAV_DIR: another destination)
set -euo pipefail
src="${1:?usage: bash e2e/mcav/setup.sh <MCAV checkout>}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="${AUDIOVIZ_MCAV_DIR:-$root/.artifacts/mcav}"
mkdir -p "$dest"
if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
  echo "setup: copying vj_server, patterns, configs and admin_panel from $src ($(git -C "$src" rev-parse --short HEAD))"
  git -C "$src" archive HEAD vj_server patterns configs admin_panel | tar -x -C "$dest"
else
  echo "setup: copying vj_server, patterns, configs and admin_panel from $src"
  cp -r "$src/vj_server" "$src/patterns" "$src/configs" "$src/admin_panel" "$dest"
fi
[ -x "$dest/venv/bin/python" ] || python3 -m venv "$dest/venv"
echo "setup: installing the VJ server's dependencies from PyPI"
"$dest/venv/bin/pip" install -q "$dest/vj_server"
echo "setup: ready in $dest; run: npx ts-node e2e/mcav/mcav-check.ts (or admin-panel-check.ts)"
