#!/usr/bin/env bash
# `make package` / `make release`: the frozen bundle and the Debian package, into dist/.
#   packaging/build.sh [zstd|gzip|xz|none] [LEVEL]      (default: zstd -3, fast)
#
# 1. A clean virtual environment (build/package/venv) with exactly the build lock
#    (packaging/requirements-build.lock, made by `make lock`: the app's dependencies as
#    requirements.lock pins them, no test extras, and PyInstaller; torch the 2.13.0 CPU
#    build). It is rebuilt from nothing whenever pyproject.toml or the lock changes (or
#    PACKAGE_FRESH_VENV=1); the app itself is reinstalled on every build.
# 2. Model packs put in packaging/models/ are verified by the app's own installer and
#    staged for the bundle (see packaging/README.md).
# 3. PyInstaller builds dist/comment-moderator/ from packaging/moderator.spec.
# 4. packaging/verify-bundle.sh checks the trimmed bundle (self-test, scoring with every
#    model family, the import helper).
# 5. packaging/linux/build-deb.sh builds dist/comment-moderator_<version>-1_<arch>.deb.
# Timings and sizes are printed at the end and written to dist/package-report.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
compression=${1:-zstd}
level=${2:-}
build=build/package
venv=$build/venv
python=$venv/bin/python
pip=("$python" -m pip install --quiet --quiet --disable-pip-version-check)
report=()
note() { report+=("$*"); echo "package: $*"; }
stage_start() { stage_t0=$SECONDS; }
stage_end() { note "$1: $((SECONDS - stage_t0)) s"; }
SECONDS=0
packaging/linux/build-deps.sh

# 1. The clean build environment.
stage_start
stamp=$(cat pyproject.toml packaging/requirements-build.lock | sha256sum | cut -c1-16)
if [[ ${PACKAGE_FRESH_VENV:-0} == 1 || ! -f $venv/.stamp-$stamp ]]; then
  rm -rf "$venv"
  mkdir -p "$build"
  python3 -m venv "$venv"
  {
    "${pip[@]}" --no-deps -r packaging/requirements-build.lock  # exactly the lock; torch the CPU build
    "$python" -m pip check --disable-pip-version-check
  } > "$build/pip.log" 2>&1 || { cat "$build/pip.log"; exit 1; }
  touch "$venv/.stamp-$stamp"
fi
# The app as it is now (its dependencies are the lock's, already there).
"${pip[@]}" --no-deps --no-build-isolation --force-reinstall . > "$build/pip-app.log" 2>&1 ||
  { cat "$build/pip-app.log"; exit 1; }
"$python" - <<'EOF'
import importlib.metadata as md, sys, torch
names = sorted(d.metadata["Name"].lower() for d in md.distributions())
bad = [n for n in names if n.startswith(("nvidia-", "triton", "pyside6-addons", "pyside6-webengine", "pyqt5", "pyqt6"))]  # pyqtgraph is no binding
if bad or torch.version.cuda is not None:
    sys.exit(f"package: the build environment must be CPU-only and WebEngine-free: {bad or torch.version.cuda}")
print(f"package: build environment: torch {torch.__version__} (CPU), {len(names)} distributions")
EOF
stage_end "clean build environment"

# 2. Bundled model packs (packaging/models/*.zip or folders holding manifest.json).
stage_start
rm -rf build/bundled-models "$build/packhome"
mkdir -p build/bundled-models
shopt -s nullglob
packs=(packaging/models/*.zip packaging/models/*/manifest.json)
for pack in "${packs[@]}"; do
  pack=${pack%/manifest.json}
  "$venv/bin/moderator" --home "$build/packhome" models install "$pack" | sed 's/^/package: /'
done
for installed in "$build"/packhome/models/*/manifest.json; do
  folder=$(dirname "$installed")
  mkdir -p "build/bundled-models/$(basename "$folder")"
  cp -a "$folder/manifest.json" "$folder/model.ckpt" "$folder/config" "build/bundled-models/$(basename "$folder")/"
  note "bundled model pack: $(basename "$folder") ($(du -sm "$folder/model.ckpt" | cut -f1) MB)"
done
((${#packs[@]})) || note "bundled model pack: none (the quick screen is the default model)"
stage_end "model packs"

# 3. The frozen bundle, with the UI's translations compiled from their sources (resources/ goes in whole).
stage_start
rm -rf dist/comment-moderator
for catalogue in resources/translations/*.ts; do
  "$venv/bin/pyside6-lrelease" -silent "$catalogue" -qm "${catalogue%.ts}.qm"
done
"$venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath dist --workpath "$build/pyinstaller" \
  packaging/moderator.spec > "$build/pyinstaller.log" 2>&1 || { tail -40 "$build/pyinstaller.log"; exit 1; }
grep -E "WARNING: (Library not found|Hidden import)" "$build/pyinstaller.log" | sed 's/^/package: pyinstaller: /' | head -20 || true
stage_end "PyInstaller bundle"
note "bundle size: $(du -sm dist/comment-moderator | cut -f1) MB ($(find dist/comment-moderator -type f | wc -l) files)"

# 4. Does the trimmed bundle still work?
stage_start
packaging/verify-bundle.sh dist/comment-moderator/moderator "$python"
stage_end "bundle verification"

# 5. The Debian package.
stage_start
packaging/linux/build-deb.sh dist/comment-moderator dist "$compression" "$level" | tee "$build/deb.log"
stage_end "Debian package ($compression)"
note "deb: $(sed -n 's/^build-deb: \(.*\.deb\) (\([0-9]* MB\).*/\1 \2/p' "$build/deb.log")"
note "total: $SECONDS s"
printf '%s\n' "${report[@]}" > dist/package-report.txt
