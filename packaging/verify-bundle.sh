#!/usr/bin/env bash
# Check a frozen bundle (or the installed app) does everything the trimmed bundle must.
#   packaging/verify-bundle.sh MODERATOR [PYTHON]
# MODERATOR: the frozen executable (dist/comment-moderator/moderator, or /usr/bin/moderator).
# PYTHON:    a Python with torch and transformers (the build environment's); when given,
#            tiny random detoxify checkpoints of every family the app supports (BERT,
#            RoBERTa, XLM-R, ALBERT) are packed, installed into the frozen app and scored
#            by it: the proof that trimming torch and transformers left what they need.
# Checks, each printed: no GPU library in the bundle; --version; --self-test; the demo;
# scoring with the quick screen (and with the bundled pack, when there is one, and the
# tiny models); an import large enough to use the parser helper process.
set -euo pipefail
moderator=$1
python=${2:-}
py=${python:-python3}  # any Python, for the checks' own small scripts
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bundle=$(dirname "$(readlink -f "$(command -v "$moderator")")")
work=$(mktemp -d /tmp/moderator-verify-XXXXXX)
trap 'rm -rf "$work"' EXIT
say() { printf 'verify: %s\n' "$*"; }
fail() { printf 'verify: FAILED: %s\n' "$*" >&2; exit 1; }
app() { "$moderator" --home "$work/home" "$@"; }

gpu=$(find "$bundle" -type f | grep -E -i '/(lib)?(cuda|cudart|cublas|cudnn|cufft|curand|cusolver|cusparse|nccl|nvrtc|nvjitlink|cupti|amdhip|hiprtc|miopen)[^/]*\.(so|dll|dylib)' || true)
[[ -z $gpu ]] || fail "GPU libraries in the bundle: $gpu"
! find "$bundle" -iname '*WebEngine*' | grep -q . || fail "Qt WebEngine is in the bundle"
say "bundle $bundle: $(du -sm "$bundle" | cut -f1) MB, no GPU libraries, no WebEngine"

say "$("$moderator" --version)"
SECONDS=0
output=$("$moderator" --self-test) || { echo "$output"; fail "--self-test"; }
echo "$output" | sed 's/^/verify:   /'
say "--self-test passed in $SECONDS s (process start to exit)"

app demo | sed 's/^/verify:   /'
[[ $(app stats --json) == *'"articles": 6'* ]] || fail "the demo did not load"
active=$(app models list --json | "$py" -c 'import json,sys; print(next(m["name"] for m in json.load(sys.stdin) if m["active"]))')
SECONDS=0
app score --model quick-screen | sed 's/^/verify:   /'
say "quick screen scored the demo ($SECONDS s with start-up)"
if [[ $active != quick-screen ]]; then
  SECONDS=0
  app score | sed 's/^/verify:   /'
  say "the bundled pack '$active' is the active model and scored the demo ($SECONDS s with start-up)"
fi

if [[ -n $python ]]; then
  for family in bert roberta xlm-roberta albert; do
    PYTHONPATH="$root/tests" "$python" - "$work/tiny-$family" "$family" <<'EOF'
import sys
from pathlib import Path
from tinymodels import build_tiny_model
from moderator.scoring.packs import build_pack
model = build_tiny_model(Path(sys.argv[1]), sys.argv[2])
build_pack(Path(sys.argv[1]) / "pack.zip", model.checkpoint, model.config, f"tiny-{sys.argv[2]}", "verify-bundle.sh")
EOF
    app models install "$work/tiny-$family/pack.zip" >/dev/null
    line=$(app score --model "tiny-$family") || fail "scoring with a tiny $family model"
    say "$family family: installed a pack and scored: $line"
  done
fi

# A file over 16 MB: the import may parse it in a helper process (multiprocessing spawn
# in a frozen app needs freeze_support); it runs only when a core is idle.
"$py" - "$work/big.jsonl" <<'EOF'
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    i = 0
    while out.tell() < 17 << 20:
        out.write(json.dumps({"comment_id": f"c{i}", "article_id": "big", "article_title": "Big thread",
                              "body": f"comment number {i} " + "lorem ipsum dolor sit amet " * 6}) + "\n")
        i += 1
EOF
SECONDS=0
app import "$work/big.jsonl" > "$work/import.log" 2>&1 &
importer=$!
helper=no
while kill -0 "$importer" 2>/dev/null; do
  if pgrep -P "$importer" >/dev/null 2>&1; then helper=yes; fi
  sleep 0.1
done
wait "$importer" || { cat "$work/import.log"; fail "importing a 17 MB file"; }
say "imported a 17 MB file in $SECONDS s (helper process seen: $helper): $(tail -1 "$work/import.log")"
say "all checks passed"
