#!/usr/bin/env bash
# Set up what a make target needs: Debian packages (installed with apt-get as root or through passwordless sudo,
# else named in a clear message) and the Python packages of one dependency group in .venv, exactly as
# requirements.lock pins them, every file checked against its hash. Safe to run again: it only does what is
# missing, so `make serve` and `make test` can call it every time.
#
# usage: scripts/setup.sh site|links|test
set -euo pipefail
cd "$(dirname "$0")/.."

group=${1:?usage: scripts/setup.sh site|links|test}
LOCK=requirements.lock   # written by `make lock` from pyproject.toml; never edit it by hand

# Python first: the lock is resolved for 3.11.2 (Debian 12's own python3) and later 3.x (pyproject.toml).
if ! found=$(python3 -c 'import sys; print(".".join(map(str, sys.version_info[:3])))' 2>/dev/null); then
  found="no working python3 on PATH (Debian: apt-get install python3)"
fi
if ! python3 -c 'import sys; sys.exit(not (3, 11, 2) <= sys.version_info[:3] < (4,))' 2>/dev/null; then
  echo "setup: Python 3.11.2 or newer 3.x is needed; found $found" >&2
  exit 1
fi

# Debian packages per group. make build exports the PDFs with WeasyPrint, which loads Pango, PangoFT2 and HarfBuzz
# (its documentation's list for Debian; a minimal Debian has none of them), and finds fonts with fontconfig, whose
# fc-list the export also asks: Noto Sans CJK SC for Chinese, DejaVu for Latin text, harfbuzz-subset for speed
# (without it WeasyPrint subsets fonts about 7x slower). The tests add Chromium (driven by Playwright; never a
# browser download) and libatomic1, which the Node binary inside Playwright's wheel needs and a minimal Debian
# lacks, poppler, tesseract and zbar to read PDFs, screenshots and QR codes, and nginx, which serves the built
# site with the configuration in deploy/ (the nginx test and make serve-nginx run it as the current user).
debs_site=(fontconfig libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-noto-cjk
  fonts-dejavu-core)
debs_test=("${debs_site[@]}" chromium libatomic1 poppler-utils tesseract-ocr tesseract-ocr-chi-sim zbar-tools nginx)

# Each group includes the one before it (pyproject.toml): a later group's install stamp counts for an earlier one.
case "$group" in
  site) debs=("${debs_site[@]}"); enough=(site links test) ;;
  links) debs=("${debs_site[@]}"); enough=(links test) ;;
  test) debs=("${debs_test[@]}"); enough=(test) ;;
  *) echo "scripts/setup.sh: unknown group '$group' (expected site, links or test)" >&2; exit 2 ;;
esac

# One set-up at a time: `make -j` can start setup-site and setup-test together, and two apt-get or pip runs on the
# same machine and .venv trip over each other. flock is in util-linux, which every Debian has.
mkdir -p .cache
exec 9>.cache/setup.lock
if command -v flock >/dev/null; then
  flock 9
fi

# make test runs `npm ci` for axe-core and Lighthouse (package-lock.json): Debian 12 has no Node until its nodejs
# and npm are installed. A machine with an npm of its own (NodeSource's nodejs bundles one, and Debian's npm cannot
# be installed beside it) keeps it.
if [ "$group" = test ] && ! command -v npm >/dev/null; then
  debs+=(nodejs npm)
fi

# python3 -m venv needs Debian's python3-venv when python3 is Debian's own.
if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  debs+=(python3-venv)
fi

missing=()
for pkg in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  # Root installs directly; a CI runner's user is not root but has passwordless sudo (sudo -n never prompts).
  if [ "$(id -u)" = 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "setup: these Debian packages are missing: ${missing[*]}" >&2
    echo "setup: install them as root:  sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing Debian packages: ${missing[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# .venv belongs to the python3 that made it. One made by another Python (a python3 upgraded, removed, or found
# first on PATH) is made again, and so is one that no set-up ever finished (no install stamp: an earlier try
# stopped half way, say without python3-venv, and left a .venv without pip).
if [ -e .venv ]; then
  here=$(python3 -c 'import sys; print(sys.version)')
  if ! there=$(.venv/bin/python -c 'import sys; print(sys.version)' 2>/dev/null); then
    why="its Python does not run"
  elif [ "$there" != "$here" ]; then
    why="it was made by Python ${there%% *}, and python3 is ${here%% *}"
  elif ! compgen -G '.venv/.installed-*' >/dev/null; then
    why="no earlier set-up finished"
  else
    why=
  fi
  if [ -n "$why" ]; then
    echo "setup: making .venv again: $why"
    rm -rf .venv
  fi
fi

# Python packages: reinstall only when the lock or the groups in pyproject.toml changed since the last install.
# `make links` sets up the links group and then builds, which finds the site group in place this way.
stamp=".venv/.installed-$group"
want=$(cat "$LOCK" pyproject.toml | sha256sum | cut -d' ' -f1)
for done in "${enough[@]}"; do
  if [ -f ".venv/.installed-$done" ] && [ "$(cat ".venv/.installed-$done")" = "$want" ]; then
    exit 0
  fi
done
[ -d .venv ] || python3 -m venv .venv
pip=(.venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes)
# The locked pip first (dependency groups need pip >= 25.1). The venv's own older pip takes no hashes from a
# constraints file, so hand it pip's entry of the lock (the line and its --hash continuation lines) as a file.
pip_entry=$(mktemp)
trap 'rm -f "$pip_entry"' EXIT
awk '/^pip==/ {on = 1} on {print} on && !/\\$/ {exit}' "$LOCK" > "$pip_entry"
"${pip[@]}" -r "$pip_entry"
if [ "$group" = test ]; then
  # The test group is what the lock was compiled from: install it whole.
  "${pip[@]}" -r "$LOCK"
else
  # The other groups are subsets: take their names from pyproject.toml, and versions and hashes from the lock
  # (a package the lock lacks fails here: run `make lock`).
  "${pip[@]}" -c "$LOCK" --group "$group"
fi
echo "$want" > "$stamp"
