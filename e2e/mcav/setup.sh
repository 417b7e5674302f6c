#!/usr/bin/env bash
# Prepares MCAV's VJ server, admin panel and DJ client protocol code for the checks in e2e/mcav/: copies them from
# an MCAV checkout (a work tree or a bare git folder) into .artifacts/mcav (gitignored), installs the VJ server's
# dependencies into a venv there and builds e2e/mcav/dj-client (cargo, crates.io) around MCAV's DJ client code.
# Usage: bash e2e/mcav/setup.sh <MCAV checkout>   (AUDIOVIZ_MCAV_DIR: another destination)
set -euo pipefail
src="${1:?usage: bash e2e/mcav/setup.sh <MCAV checkout>}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="${AUDIOVIZ_MCAV_DIR:-$root/.artifacts/mcav}"
mkdir -p "$dest"
if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
  echo "setup: copying vj_server, patterns, configs and admin_panel from $src ($(git -C "$src" rev-parse --short HEAD))"
  git -C "$src" archive HEAD vj_server patterns configs admin_panel | tar -x -C "$dest"
  git -C "$src" archive HEAD dj_client/src-tauri/src/protocol | tar -x -C "$dest"
else
  echo "setup: copying vj_server, patterns, configs and admin_panel from $src"
  cp -r "$src/vj_server" "$src/patterns" "$src/configs" "$src/admin_panel" "$dest"
  mkdir -p "$dest/dj_client/src-tauri/src" && cp -r "$src/dj_client/src-tauri/src/protocol" "$dest/dj_client/src-tauri/src"
fi
# The DJ client check compiles MCAV's protocol code from this fixed place (a #[path] in e2e/mcav/dj-client).
protocol="$root/.artifacts/mcav/dj_client/protocol"
rm -rf "$protocol" && mkdir -p "$(dirname "$protocol")"
cp -r "$dest/dj_client/src-tauri/src/protocol" "$protocol"
[ -x "$dest/venv/bin/python" ] || python3 -m venv "$dest/venv"
echo "setup: installing the VJ server's dependencies from PyPI"
"$dest/venv/bin/pip" install -q "$dest/vj_server"
if command -v cargo >/dev/null 2>&1; then
  echo "setup: building MCAV's DJ client protocol into e2e/mcav/dj-client (cargo; a minute or two the first time)"
  cargo build -q --release --manifest-path "$root/e2e/mcav/dj-client/Cargo.toml" --target-dir "$dest/dj-client-target"
else
  echo "setup: no cargo: dj-client-check.ts will not run (install Rust, then run this again)"
fi
echo "setup: ready in $dest; run: npx ts-node e2e/mcav/mcav-check.ts (or admin-panel-check.ts, dj-client-check.ts)"
