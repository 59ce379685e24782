"""The quick load (moderator.scoring.encoder, moderator.scoring.packtokenizer): detoxify's four
architectures built in plain torch from a pack, without transformers' model code. Its token
ids and scores must be detoxify's own, family by family; anything it does not know falls
back to transformers' construction; and a scoring run no longer imports that code."""

import json
import os
import subprocess
import sys

import pytest

from moderator.scoring.detox import DetoxifyScorer, bf16_is_native
from moderator.scoring.encoder import Encoder
from moderator.scoring.packs import install_pack
from moderator.scoring.packtokenizer import PackTokenizer
from tests.tinymodels import FAMILIES, build_tiny_model

TEXTS = ["you are an idiot", "thanks for the good article", "", "war and peace " * 200,  # truncated at 512
         "Ünïcödé café, naïve: 中文 and émojis 🙂", "the the the", "no", "people agree you are wrong " * 9]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    folder = tmp_path_factory.mktemp("quickload")
    return {family: build_tiny_model(folder / family, family, seed=3) for family in FAMILIES}


def installed(tiny, paths, family: str):
    install_pack(paths.models, tiny[family].checkpoint, tiny[family].config, name=family)
    return paths.models / family


@pytest.mark.parametrize("family", list(FAMILIES))
def test_the_plain_model_scores_as_detoxify_does(tiny, paths, family):
    scorer = DetoxifyScorer(installed(tiny, paths, family))
    assert isinstance(scorer.loaded.model, Encoder) and isinstance(scorer.loaded.tokenizer, PackTokenizer)
    reference = scorer.loaded.detoxify  # detoxify's construction through transformers, and its predict
    ours = scorer.loaded.tokenizer(TEXTS, truncation=True)["input_ids"]
    assert ours == reference.tokenizer(TEXTS, truncation=True)["input_ids"]
    assert max(map(len, ours)) == 512
    scores = scorer.score_as_is(TEXTS)  # one packed batch: each comment attends to its own tokens only
    for text, row in zip(TEXTS, scores):
        expected = reference.predict(text)
        assert max(abs(row[label] - expected[label]) for label in tiny[family].labels) <= 1e-5


def test_a_pack_without_tokenizer_json_loads_through_transformers(tiny, paths):
    pack = installed(tiny, paths, "bert")
    (pack / "config" / "tokenizer.json").unlink()
    scorer = DetoxifyScorer(pack)
    assert not isinstance(scorer.loaded.model, Encoder)
    expected = scorer.loaded.detoxify.predict(TEXTS[0])
    assert abs(scorer.score_as_is(TEXTS[:1])[0]["toxicity"] - expected["toxicity"]) <= 1e-5


def test_a_config_the_plain_modules_do_not_know_loads_through_transformers(tiny, paths):
    pack = installed(tiny, paths, "roberta")
    config = json.loads((pack / "config" / "config.json").read_text())
    (pack / "config" / "config.json").write_text(json.dumps(config | {"position_embedding_type": "relative_key"}))
    scorer = DetoxifyScorer(pack)
    assert not isinstance(scorer.loaded.model, Encoder)


def test_scoring_from_the_command_line_never_imports_transformers_model_code(tiny, paths, demo_db):
    """The quick load is what keeps start-up short: the run must not import the modules it avoids."""
    installed(tiny, paths, "xlm-roberta")
    probe = ("import runpy, sys; sys.argv = ['moderator', '--home', sys.argv[1], 'score', '--model', 'xlm-roberta',"
             " '--json'];"
             "\ntry:\n    runpy.run_module('moderator', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m.startswith(('transformers', 'detoxify', 'scipy'))))")
    done = subprocess.run([sys.executable, "-c", probe, str(paths.home)], capture_output=True, text=True, timeout=300,
                          env={**os.environ})
    assert done.returncode == 0, done.stderr
    *_, figures, modules = done.stdout.strip().splitlines()
    assert json.loads(figures)["scored"] == 54 and modules == "[]"


@pytest.mark.skipif(not bf16_is_native(), reason="bf16 is refused where the processor would emulate it")
def test_bf16_with_its_weights_cast_once_scores_as_autocast_alone(tiny, paths):
    """--fast bf16 casts the Linear weights to bf16 once, where autocast cast them on every
    batch: the same rounding, so the same scores (and the exact model is left in float32)."""
    import torch

    pack = installed(tiny, paths, "bert")
    exact = DetoxifyScorer(pack)
    fast = DetoxifyScorer(pack, "bf16", loaded=exact.loaded)
    autocast_only = DetoxifyScorer(pack, "bf16", loaded=exact.loaded)
    autocast_only._model = exact.loaded.model
    assert fast._model.bert.pooler.dense.weight.dtype == torch.bfloat16
    assert exact._model.bert.pooler.dense.weight.dtype == torch.float32
    assert fast.score_as_is(TEXTS) == autocast_only.score_as_is(TEXTS)
