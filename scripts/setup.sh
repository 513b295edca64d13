#!/usr/bin/env bash
# Set up what a make target needs: Debian packages (installed with apt-get when run as root, else named in a
# clear message) and the Python packages of one dependency group in .venv. Safe to run again: it only does
# what is missing, so `make serve` and `make test` can call it every time.
#
# usage: scripts/setup.sh site|test
set -euo pipefail
cd "$(dirname "$0")/.."

group=${1:?usage: scripts/setup.sh site|test}
PIP_VERSION=26.3   # first pip with dependency groups is 25.1; pinned so every machine resolves alike

# Debian packages per group. make build exports the PDFs: Noto Sans CJK SC for Chinese, DejaVu for Latin text,
# harfbuzz-subset for speed (without it WeasyPrint subsets fonts about 7x slower). The tests add Chromium (driven
# by Playwright; never a browser download), and poppler, tesseract and zbar to read PDFs, screenshots and QR codes.
debs_site=(fonts-noto-cjk fonts-dejavu-core libharfbuzz-subset0)
debs_test=("${debs_site[@]}" chromium poppler-utils tesseract-ocr tesseract-ocr-chi-sim zbar-tools)

case "$group" in
  site) debs=("${debs_site[@]}") ;;
  test) debs=("${debs_test[@]}") ;;
  *) echo "scripts/setup.sh: unknown group '$group' (expected site or test)" >&2; exit 2 ;;
esac

# python3 -m venv needs Debian's python3-venv when python3 is Debian's own.
if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  debs+=(python3-venv)
fi

missing=()
for pkg in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: these Debian packages are missing: ${missing[*]}" >&2
    echo "setup: install them as root:  sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

# Python packages: reinstall only when pyproject.toml changed since the last install of this group.
stamp=".venv/.installed-$group"
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check "pip==$PIP_VERSION"
.venv/bin/python -m pip install -q --disable-pip-version-check --group "$group"
echo "$want" > "$stamp"
