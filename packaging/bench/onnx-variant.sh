#!/usr/bin/env bash
# Size of the bundle if the app scored with ONNX Runtime instead of torch: the same spec,
# built from an environment with the app's dependencies minus torch, transformers and
# detoxify, plus onnxruntime (and tokenizers, which an ONNX engine still needs).
# The app has no ONNX engine yet: this measures the files, and that the rest of the app
# (self-test, quick screen) works without torch in the bundle.
#   packaging/bench/onnx-variant.sh        -> build/onnx-variant/dist/comment-moderator
set -euo pipefail
cd "$(dirname "$0")/../.."
work=build/onnx-variant
venv=$work/venv
if [[ ! -x $venv/bin/pyinstaller ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --no-deps . 2>/dev/null
  "$venv/bin/pip" install -q "PySide6-Essentials>=6.7,<6.12" "SQLAlchemy>=2.0,<2.2" "alembic>=1.13,<2" "platformdirs>=4,<5" \
    "defusedxml>=0.7,<0.8" "alt-profanity-check>=1.9,<2" "numpy>=1.26" onnxruntime tokenizers \
    -r packaging/requirements-build.txt 2>/dev/null
fi
rm -rf "$work/dist"
SECONDS=0
MODERATOR_EXTRA_HIDDENIMPORTS="onnxruntime tokenizers" MODERATOR_BUNDLED_MODELS_SRC=/nonexistent \
  "$venv/bin/pyinstaller" --noconfirm --log-level ERROR --distpath "$work/dist" --workpath "$work/pyinstaller" \
  packaging/moderator.spec > "$work/pyinstaller.log" 2>&1 || { tail -30 "$work/pyinstaller.log"; exit 1; }
echo "onnx-variant: built in $SECONDS s: $(du -sm "$work/dist/comment-moderator" | cut -f1) MB"
du -sm "$work/dist/comment-moderator/_internal/onnxruntime" | sed 's/^/onnx-variant: onnxruntime MB: /'
"$work/dist/comment-moderator/moderator" --self-test
