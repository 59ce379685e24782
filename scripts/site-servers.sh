#!/usr/bin/env bash
# The connector tests run real comment servers (tests/siteservers.py): WordPress from Debian's
# packages, with PHP and MariaDB (Isso comes from the lock); and PostgreSQL, the team database
# the storage tests also run on (tests/pgserver.py). Installs the missing packages when
# run as root (about 1.5 minutes on a fresh machine; nothing when they are there); otherwise
# prints the command to run. A server that cannot start fails its tests, never skips them.
set -euo pipefail
packages=(wordpress php-cli php-mysql mariadb-server postgresql)
command -v dpkg-query >/dev/null || { echo "Not a Debian system: install WordPress, PHP (cli, mysql), MariaDB and PostgreSQL yourself."; exit 0; }
missing=()
for package in "${packages[@]}"; do
  # "ii": installed. `dpkg -s` also succeeds for a package removed with its configuration left ("rc").
  [[ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null)" == "ii "* ]] || missing+=("$package")
done
((${#missing[@]} == 0)) && exit 0
if [[ $(id -u) == 0 ]]; then
  started=$(date +%s)
  echo "Installing the test site servers' packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "Installed in $(( $(date +%s) - started )) s"
else
  echo "The connector tests need these packages; please run:"
  echo "  sudo apt-get install --no-install-recommends ${missing[*]}"
  exit 1
fi
