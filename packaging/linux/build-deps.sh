#!/usr/bin/env bash
# Tools `make package` needs on a Debian build machine, besides Python 3.11+ and Qt's
# libraries (scripts/qt-system-libs.sh): dpkg-shlibdeps (dpkg-dev), objdump / readelf /
# strip (binutils), desktop-file-validate (desktop-file-utils), the venv module.
# Installs the missing ones when run as root; otherwise prints the command to run.
set -euo pipefail
command -v dpkg-query >/dev/null || { echo "Not a Debian system: the .deb cannot be built here."; exit 1; }
need=(dpkg-dev binutils desktop-file-utils)
python3 -c 'import ensurepip, venv' 2>/dev/null || need+=(python3-venv)
missing=()
for package in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
((${#missing[@]} == 0)) && exit 0
if [[ $(id -u) == 0 ]]; then
  echo "Installing packaging tools: ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Building the package needs: sudo apt-get install ${missing[*]}"
  exit 1
fi
