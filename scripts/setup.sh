#!/usr/bin/env bash
# One-time set-up on a fresh Debian machine: npm packages, Jupyter, the tslab kernel,
# Chromium and a CJK font (for PNG export and the browser test), numpy for the benchmark
# peer, then a build of src/ to dist/ (the CLI and worker threads run the built code).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }

say "npm packages (npm ci)"
npm ci --no-audit --no-fund

# Debian packages: Jupyter for the notebooks, Chromium + fonts for reports, numpy for the bench peer.
DEBS=(jupyter-nbconvert jupyter-client python3-ipython python3-numpy chromium fonts-noto-cjk)
missing=()
for p in "${DEBS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  say "Debian packages: ${missing[*]}"
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  else
    cat >&2 <<MSG
Cannot install ${missing[*]} here (no apt-get, or not root and no sudo).
Install them yourself, then run 'npm run setup' again:
  - Jupyter: 'pip install nbconvert jupyter_client ipython' into the Python you give tslab below
  - Chromium: your distribution's chromium package (or set CHROMIUM=/path/to/chrome)
  - fonts: a CJK font such as Noto Sans CJK
MSG
    exit 1
  fi
fi

say "tslab Jupyter kernel"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3)
npx tslab install --python="$PY"

say "build (src/ → dist/)"
npx tsc -p tsconfig.json

say "set-up done: run 'npm test'"
