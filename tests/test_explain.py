"""Why a comment scores as it does: the quick screen's exact word contributions, occlusion on
a tiny detoxify model with a planted trigger word, the explaining process (progress, cancel)
and the explanations kept in the database."""

from __future__ import annotations

import csv
import json
import math
import threading

import pytest

from moderator.scoring.explain import EXACT, OCCLUSION, Explanation, explain, explain_quick
from moderator.scoring.explainer import ExplainerProcess
from moderator.scoring.explanations import cached_explanation, keep_explanation
from moderator.scoring.packs import install_pack
from moderator.scoring.quick import QuickScreen
from moderator.scoring.registry import load_scorer
from moderator.scoring.store import register_model
from moderator.storage.models import Comment
from tests.samples import TESTDATA
from tests.tinymodels import build_tiny_model

TRIGGER = "idiot"
SAMPLES = ["You are a stupid idiot and I hate you", "What a lovely article, thanks", "", "the of and",
           "Fuck fuck fuck you shit idiot moron", "İstanbul is STUPID, stupid.", "zzzqq unknownword 12345",
           "I think the council's plan is wrong, but the reporting is good."]


def jigsaw_texts(count: int = 40) -> list[str]:
    with (TESTDATA / "toxic_jigsaw-train-dummy_detoxify.csv").open(newline="", encoding="utf-8") as stream:
        return [row["comment_text"] for _, row in zip(range(count), csv.DictReader(stream))]


@pytest.fixture(scope="module")
def quick() -> QuickScreen:
    return QuickScreen()


def test_quick_screen_contributions_sum_to_its_log_odds(quick):
    texts = SAMPLES + jigsaw_texts()
    probabilities = quick.score(texts)
    for text, scored in zip(texts, probabilities):
        found = explain(quick, text)
        assert found.method == EXACT and found.bias is not None
        assert found.bias + math.fsum(s.weight for s in found.spans) == pytest.approx(found.log_odds, abs=1e-6), text
        assert found.score == pytest.approx(scored["offensive"], abs=1e-9), text  # the score the queue shows
        shown = text if found.read_as is None else found.read_as  # a disguised comment: as the model read it
        assert all(shown[s.start:s.end] == s.text for s in found.spans)


def test_a_disguised_comment_is_explained_as_the_model_read_it(quick):
    disguised = "You are an \u0456d\u0456\u043et"  # Cyrillic і and о
    found = explain(quick, disguised)
    assert found.read_as == "You are an idiot" and found.score > 0.9
    assert found.score == pytest.approx(quick.score([disguised])[0]["offensive"], abs=1e-9)
    assert explain(quick, "You are an idiot").read_as is None
    assert Explanation.from_json(found.as_json()) == found


def test_quick_screen_explains_saturated_scores_in_log_odds():
    found = explain_quick("Fuck fuck fuck you shit idiot moron")
    assert found.score > 0.999999 and found.log_odds > 14  # a probability says 1.0; log-odds still tell
    assert {s.text.lower() for s in found.strongest(3)} <= {"fuck", "shit", "idiot", "moron"}
    assert all(s.weight > 0 for s in found.spans)


def test_quick_screen_gives_each_occurrence_its_share():
    once, twice = explain_quick("stupid"), explain_quick("stupid stupid")
    assert once.log_odds == pytest.approx(twice.log_odds)  # TF-IDF is normalised: the same vector
    assert twice.spans[0].weight == pytest.approx(once.spans[0].weight / 2)


@pytest.fixture(scope="module")
def tiny_models(tmp_path_factory):
    """A tiny detoxify-format BERT trained to flag one word, installed as the pack 'tiny'."""
    folder = tmp_path_factory.mktemp("explain")
    tiny = build_tiny_model(folder / "bert", "bert", trigger=TRIGGER)
    install_pack(folder / "models", tiny.checkpoint, tiny.config, name="tiny")
    return folder / "models"


def test_occlusion_gives_the_planted_trigger_the_largest_weight(tiny_models):
    scorer = load_scorer(tiny_models, "tiny")
    text = "you are an idiot and this article is wrong"
    found = explain(scorer, text, "toxicity")
    assert found.method == OCCLUSION and found.bias is None
    assert [s.text for s in found.spans] == text.split()
    assert found.strongest(1)[0].text == TRIGGER
    assert found.strongest(1)[0].weight > 1.0
    assert found.score == pytest.approx(scorer.score([text])[0]["toxicity"], abs=1e-5)
    assert found.log_odds == pytest.approx(scorer.logits([text])[0]["toxicity"], abs=1e-6)  # the same batch, unpadded


def test_a_detoxify_model_scores_and_explains_the_disguised_trigger_as_the_plain_one(tiny_models):
    scorer = load_scorer(tiny_models, "tiny")
    plain, disguised = "you are an idiot", "you are an \u0456d\u200b\u0456\u043et"  # Cyrillic і о, a zero-width space
    as_plain, as_disguised = scorer.score([plain, disguised])
    assert as_disguised["toxicity"] == pytest.approx(as_plain["toxicity"], abs=1e-5)
    assert scorer._score_as_written([disguised])[0]["toxicity"] < as_plain["toxicity"] - 0.1  # what it was before
    found = explain(scorer, disguised, "toxicity")
    assert found.read_as == plain and found.strongest(1)[0].text == TRIGGER


def test_occlusion_runs_in_batches_and_reports_progress(tiny_models):
    scorer = load_scorer(tiny_models, "tiny")
    seen: list[tuple[int, int]] = []
    explain(scorer, " ".join(["peace"] * 40), "toxicity", on_progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (41, 41) and len(seen) == 3  # the text and 40 variants, 16 a batch


def test_the_explaining_process_explains_reports_progress_and_cancels(tiny_models):
    process = ExplainerProcess(tiny_models, "tiny").load()
    try:
        seen: list[int] = []
        found = process.explain("people love peace, idiot", "toxicity", lambda done, total: seen.append(done))
        assert found is not None and found.strongest(1)[0].text == TRIGGER and seen[-1] == 5

        first = threading.Event()

        def cancel_at_first(done: int, _total: int) -> None:
            if not first.is_set():
                first.set()
                process.cancel()

        assert process.explain(" ".join(["war peace"] * 400), "toxicity", cancel_at_first) is None
        again = process.explain("idiot", "toxicity")  # the model is still loaded; a stray cancel is dropped
        assert again is not None and again.spans[0].text == TRIGGER
        process.cancel()  # nothing under way: harmless
        assert process.explain("thanks", "toxicity") is not None
    finally:
        process.close()


def test_explanations_are_kept_per_comment_model_and_label(demo_db):
    with demo_db.sessions() as s:
        model_id = register_model(s, QuickScreen().identity)
        comment = s.get(Comment, 1)
        assert comment is not None
        found = explain_quick(comment.body)
        assert cached_explanation(s, 1, model_id, "offensive", comment.body) is None
        keep_explanation(s, 1, model_id, comment.body, found)
        keep_explanation(s, 1, model_id, comment.body, found)  # replaced, not duplicated
        s.commit()
        assert cached_explanation(s, 1, model_id, "offensive", comment.body) == found
        assert cached_explanation(s, 1, model_id, "offensive", comment.body + " (edited)") is None
        assert cached_explanation(s, 1, model_id, "toxicity", comment.body) is None


def test_cli_explain_prints_spans_and_rule_hits(cli):
    cli("demo")
    cli("score")
    code, out, err = cli("explain", "3", "--json")
    assert code == 0, err
    found = json.loads(out)
    assert found["comment_id"] == 3 and found["method"] == EXACT and found["rule_hits"] == []
    assert found["bias"] + math.fsum(s["weight"] for s in found["spans"]) == pytest.approx(found["log_odds"], abs=1e-6)
    assert {"start", "end", "text", "weight"} <= set(found["spans"][0])
    code, out, _ = cli("explain", "3")
    assert code == 0 and "rule hits: none" in out and "log-odds" in out
    code, _, err = cli("explain", "3", "--label", "threat")
    assert code == 1 and "no label 'threat'" in err
    code, _, err = cli("explain", "99999")
    assert code == 1 and "no comment with id 99999" in err
