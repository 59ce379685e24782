#!/usr/bin/env bash
# Prove the .deb's Depends are complete: install it on a minimal Debian 12 (debootstrap
# --variant=minbase: no X, no Qt libraries, no Python) with apt-get, so only Depends
# brings libraries in, then
#   1. every shared library any ELF file of the bundle needs must resolve (nothing
#      "not found"), Qt's xcb platform plugin included;
#   2. `moderator --self-test` passes;
#   3. only then are xvfb and xdotool added, and the first start must show a window.
# Needs root and a Debian mirror (deb.debian.org). Not part of .ci/run (it downloads a
# base system: about 2-3 minutes); run it when Depends or the Qt version change:
#   sudo packaging/linux/clean-system-check.sh dist/comment-moderator_*.deb [/tmp/cm-chroot]
set -euo pipefail
deb=$(readlink -f "$1")
chroot_dir=${2:-/tmp/cm-chroot}
here=$(cd "$(dirname "$0")" && pwd)
if [[ ! -x $chroot_dir/usr/bin/apt-get ]]; then
  command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
  debootstrap --variant=minbase bookworm "$chroot_dir" http://deb.debian.org/debian >/dev/null
fi
mounted=()
cleanup() { for ((i=${#mounted[@]}-1; i>=0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done; }
trap cleanup EXIT
for fs in proc sys dev dev/pts; do
  mountpoint -q "$chroot_dir/$fs" || { mount --bind "/$fs" "$chroot_dir/$fs"; mounted+=("$chroot_dir/$fs"); }
done
cp "$deb" "$chroot_dir/tmp/"
cp "$here/first-start.py" "$chroot_dir/tmp/"
in_chroot() { chroot "$chroot_dir" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

in_chroot apt-get update -qq
in_chroot dpkg -r comment-moderator >/dev/null 2>&1 || true
echo "clean-system: installing $(basename "$deb") on a minimal Debian 12"
in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "/tmp/$(basename "$deb")" >/dev/null
in_chroot dpkg-query -W -f='${Depends}\n' comment-moderator | tr ',' '\n' | wc -l | xargs echo "clean-system: Depends entries:"

missing=$(in_chroot sh -c '
  cd /opt/comment-moderator
  dirs=$(find . -name "*.so*" -exec dirname {} \; | sort -u | sed "s|^\.|/opt/comment-moderator|" | tr "\n" ":")
  find . -type f \( -name "*.so*" -o -name moderator \) | while read -r f; do
    LD_LIBRARY_PATH=$dirs ldd "$f" 2>/dev/null | grep "not found" | sed "s|^|$f: |"
  done' || true)
[[ -z $missing ]] || { echo "clean-system: FAILED: unresolved libraries:"; echo "$missing"; exit 1; }
echo "clean-system: every ELF file in the bundle resolves its libraries (Qt's xcb plugin included)"
in_chroot sh -c 'cd /tmp && moderator --self-test'

in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 xvfb xauth xdotool x11-utils imagemagick >/dev/null
in_chroot xvfb-run -a -s "-screen 0 1920x1080x24" python3 /tmp/first-start.py --moderator /usr/bin/moderator \
  --screenshot /tmp/clean-system-first-start.png --runs 3
cp "$chroot_dir/tmp/clean-system-first-start.png" "$(dirname "$deb")/" 2>/dev/null || true
in_chroot dpkg -r comment-moderator >/dev/null
[[ ! -e $chroot_dir/opt/comment-moderator ]] || { echo "clean-system: FAILED: dpkg -r left /opt/comment-moderator"; exit 1; }
echo "clean-system: installed, self-tested, started and removed on a minimal Debian 12"
