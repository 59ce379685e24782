#!/usr/bin/env bash
# Qt's platform plugins need a few system libraries that minimal Debian installs lack.
# Installs the missing ones when run as root; otherwise prints the command to run.
set -euo pipefail
packages=(libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
          libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
          libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxcb-xfixes0)
command -v dpkg-query >/dev/null || { echo "Not a Debian system: install Qt 6's xcb dependencies yourself."; exit 0; }
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
((${#missing[@]} == 0)) && exit 0
if [[ $(id -u) == 0 ]]; then
  echo "Installing Qt system libraries: ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Qt needs these system libraries; please run:"
  echo "  sudo apt-get install ${missing[*]}"
  exit 1
fi
