"""A full-size model pack with random weights, for testing bundling (size, install, load).

    PYTHONPATH=tests build/package/venv/bin/python packaging/bench/make_test_pack.py OUT.zip [bert|roberta|...]

The checkpoint has the released `original` model's layout and size (BERT-base, 6 labels,
about 440 MB) but random weights and a small tokenizer: its scores mean nothing. Use it
to measure what bundling a pack costs, never to score comments.
"""

import sys
import tempfile
from pathlib import Path

import torch
import transformers

from moderator.scoring.packs import build_pack

from tinymodels import FAMILIES, ORIGINAL_CLASSES, _detoxify_checkpoint, _tokenizer


def main(out: Path, family: str = "bert") -> None:
    spec = FAMILIES[family]
    folder = Path(tempfile.mkdtemp(prefix="test-pack-"))
    tokenizer = _tokenizer(family)
    config_class = {"bert": transformers.BertConfig, "albert": transformers.AlbertConfig,
                    "roberta": transformers.RobertaConfig, "xlm-roberta": transformers.XLMRobertaConfig}[family]
    config = config_class(num_labels=len(ORIGINAL_CLASSES))  # the base model's real sizes
    torch.manual_seed(0)
    model = getattr(transformers, spec.model_class)(config).eval()
    config.save_pretrained(folder / "config")
    tokenizer.save_pretrained(folder / "config")
    checkpoint = folder / "model.ckpt"
    torch.save(_detoxify_checkpoint(spec, ORIGINAL_CLASSES, model.state_dict()), checkpoint)
    origin = "packaging/bench/make_test_pack.py (random weights)"
    manifest = build_pack(out, checkpoint, folder / "config", f"random-{family}-base", origin)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.0f} MB): {manifest.name}, sha256 {manifest.checksum[:12]}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), *(sys.argv[2:3]))
