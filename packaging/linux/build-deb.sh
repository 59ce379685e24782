#!/usr/bin/env bash
# Build the Debian package from the frozen bundle.
#   packaging/linux/build-deb.sh BUNDLE_DIR OUT_DIR [COMPRESSION [LEVEL]]
# COMPRESSION: zstd (default, level 3: seconds, for CI; dpkg reads it since Debian 12
# and Ubuntu 21.10), gzip, xz (releases: level 6, multi-threaded), none.
#
# Layout: the bundle under /opt/comment-moderator/, /usr/bin/moderator -> the bundle's
# executable, the desktop entry and the scalable icon in the standard places (the
# desktop-file-utils and hicolor-icon-theme triggers refresh their caches: no maintainer
# script needed for that). Depends: what dpkg-shlibdeps finds the bundle's ELF files need
# from the system, plus Qt's xcb platform libraries (scripts/qt-system-libs.sh), which Qt
# loads as plugins. Recommends: a colour emoji font (readers' 👍 and 😂 are otherwise
# empty boxes; Debian's minimal desktops install none), any one of `recommends`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bundle=$(cd "$1" && pwd)
out=$(mkdir -p "$2" && cd "$2" && pwd)
compression=${3:-zstd}
level=${4:-}
[[ -x $bundle/moderator ]] || { echo "build-deb: $bundle/moderator is not a frozen bundle" >&2; exit 1; }

name=comment-moderator
recommends="fonts-noto-color-emoji | fonts-symbola"
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/moderator/__init__.py")
revision=${DEB_REVISION:-1}
arch=$(dpkg --print-architecture)
work="$root/build/deb"
stage="$work/$name"
rm -rf "$work"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
         "$stage/usr/share/icons/hicolor/scalable/apps" "$stage/usr/share/doc/$name"

# Hard links: the bundle (hundreds of MB) is not copied again; dpkg-deb stores root:root.
cp -al "$bundle" "$stage/opt/$name"
find "$stage/opt/$name" -type d -exec chmod 0755 {} +
find "$stage/opt/$name" -type f -exec chmod go-w,a+r {} +
ln -s "/opt/$name/moderator" "$stage/usr/bin/moderator"
install -m 0644 "$root/resources/$name.desktop" "$stage/usr/share/applications/$name.desktop"
install -m 0644 "$root/resources/icons/$name.svg" "$stage/usr/share/icons/hicolor/scalable/apps/$name.svg"
desktop-file-validate "$stage/usr/share/applications/$name.desktop"
cat > "$stage/usr/share/doc/$name/copyright" <<EOF
Comment Moderator $version. Proprietary; all rights reserved.
The bundle in /opt/$name contains third-party components (Python, Qt for Python
(LGPLv3), PyTorch, Hugging Face transformers, detoxify, scikit-learn, SciPy, NumPy,
SQLAlchemy, alembic and their dependencies) under their own licences; their
metadata folders (*.dist-info) in /opt/$name/_internal carry the licence texts.
EOF

# Dependencies from the ELF files themselves (executables and every shared object).
mapfile -t elves < <(find "$stage/opt/$name" -type f \( -name '*.so' -o -name '*.so.*' -o -name moderator \) \
                       -exec sh -c 'head -c4 "$1" | grep -q "ELF" && echo "$1"' _ {} \;)
mapfile -t libdirs < <(printf '%s\n' "${elves[@]}" | xargs -n1 dirname | sort -u)
mkdir -p "$work/shlibs/debian"
printf 'Source: %s\nMaintainer: x <x@example.org>\n\nPackage: %s\nArchitecture: any\n' "$name" "$name" \
  > "$work/shlibs/debian/control"
shlibs=$(cd "$work/shlibs" && dpkg-shlibdeps -O --ignore-missing-info --warnings=0 \
           "${libdirs[@]/#/-l}" -e"${elves[@]}" 2>"$work/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p') || {
  cat "$work/shlibdeps.log" >&2; echo "build-deb: dpkg-shlibdeps failed" >&2; exit 1; }
# Qt loads its platform plugins at run time: their libraries, as the Makefile installs them.
qt_libs=($(sed -n '/^packages=(/,/)/p' "$root/scripts/qt-system-libs.sh" | tr -d '()' | sed 's/packages=//'))
depends=$(python3 - "$shlibs" "${qt_libs[@]}" <<'EOF'
import sys
found = [d.strip() for d in sys.argv[1].split(",") if d.strip()]
names = {d.split()[0] for d in found}
found += [p for p in sys.argv[2:] if p not in names]
print(", ".join(sorted(set(found), key=lambda d: d.split()[0])))
EOF
)

installed_size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<EOF
Package: $name
Version: $version-$revision
Architecture: $arch
Maintainer: Comment Moderator team <moderation-tools@example.org>
Installed-Size: $installed_size
Depends: $depends
Recommends: $recommends
Section: misc
Priority: optional
Description: review reader comments, scored for toxicity on this machine
 Comment Moderator is a desktop app for newsroom moderators: each article with its
 comment thread, a local toxicity model scoring every comment offline, approve /
 hide / reply from the keyboard, every decision recorded in a local database.
 .
 Run "moderator --self-test" after installing to check the installation.
EOF
# Python never writes bytecode into the bundle (packaging/entry.py); should anything
# else leave files there, removal still leaves no folder behind.
cat > "$stage/DEBIAN/postrm" <<EOF
#!/bin/sh
set -e
if [ "\$1" = remove ] || [ "\$1" = purge ]; then
    if [ -d /opt/$name ]; then
        find /opt/$name -depth -type d -name __pycache__ -exec rm -rf {} + 2>/dev/null || true
        find /opt/$name -depth -type d -empty -delete 2>/dev/null || true
    fi
fi
exit 0
EOF
chmod 0755 "$stage/DEBIAN/postrm"

case $compression in
  gzip) args=(-Zgzip -z"${level:-1}") ;;
  zstd) args=(-Zzstd -z"${level:-3}") ;;
  xz)   args=(-Zxz -z"${level:-6}" --threads-max="$(nproc)") ;;
  none) args=(-Znone) ;;
  *) echo "build-deb: unknown compression $compression" >&2; exit 1 ;;
esac
deb="$out/${name}_${version}-${revision}_${arch}.deb"
rm -f "$deb"
SECONDS=0
dpkg-deb --root-owner-group "${args[@]}" --build "$stage" "$deb" >/dev/null
echo "build-deb: $deb ($(du -m "$deb" | cut -f1) MB, ${args[*]}, dpkg-deb took $SECONDS s)"
echo "build-deb: Depends: $depends"
echo "build-deb: Recommends: $recommends"
rm -rf "$stage"  # the hard-linked copy; the bundle stays in $bundle
