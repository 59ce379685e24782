#!/usr/bin/env bash
# The installer check .ci/run runs after the README's test command (issue 6): build the
# installer, install it as IT would, check it and remove it (packaging/README.md).
# Needs the .venv that `make test` made (for packaging/tests).
set -euo pipefail
cd "$(dirname "$0")/../.."
.venv/bin/pytest -q -p no:cacheprovider packaging/tests

sudo=$([[ $(id -u) == 0 ]] || echo sudo)
export DEBIAN_FRONTEND=noninteractive

# The frozen bundle (checked: self-test, every model family, the import helper) and the
# .deb, with fast compression.
SECONDS=0
make package
echo "ci: make package took $SECONDS s"
deb=$(ls dist/comment-moderator_*.deb)

# Install it so apt resolves its Depends, then check the installed app.
$sudo apt-get install -y "./$deb"
[[ $(readlink -f "$(command -v moderator)") == /opt/comment-moderator/moderator ]]
desktop-file-validate /usr/share/applications/comment-moderator.desktop
test -f /usr/share/icons/hicolor/scalable/apps/comment-moderator.svg
(cd /tmp && moderator --self-test)
packaging/verify-bundle.sh /usr/bin/moderator build/package/venv/bin/python

# The first start of a new user under Xvfb: a window appears (screenshot), the hide
# dialog opens from its form, the database and the demo are created; then warm starts, timed.
if ! command -v xvfb-run >/dev/null || ! command -v xdotool >/dev/null || ! command -v import >/dev/null; then
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq xvfb xauth xdotool x11-utils imagemagick >/dev/null
fi
first_start() {  # returns first-start.py's own status (xvfb-run says 1 when its server died)
  local status_file status
  status_file=$(mktemp)
  xvfb-run -a -n 151 -s "-screen 0 1920x1080x24" sh -c 'packaging/linux/first-start.py "$@"; echo $? > "$0"' \
    "$status_file" --moderator /usr/bin/moderator --screenshot dist/ci-first-start.png --runs 6 --dialog || true
  status=$(cat "$status_file"); rm -f "$status_file"
  return "${status:-1}"
}
# One retry on a new X server, only when the X server itself stopped answering (exit 75:
# on shared machines another job's cleanup has taken our Xvfb away mid-run); any failure
# of the app fails at once.
first_start || { status=$?; ((status == 75)) || exit $status
                 echo "ci: the X server went away during the first-start check; once more on a new one"; first_start; }

# Removal leaves nothing behind.
$sudo dpkg -r comment-moderator
for path in /opt/comment-moderator /usr/bin/moderator /usr/share/applications/comment-moderator.desktop \
            /usr/share/icons/hicolor/scalable/apps/comment-moderator.svg; do
  [[ ! -e $path && ! -L $path ]] || { echo "ci: dpkg -r left $path behind"; exit 1; }
done
echo "ci: installed, checked and removed $deb in $SECONDS s"
