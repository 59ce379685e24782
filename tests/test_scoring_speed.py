"""Scoring at the limit of the CPU at hand: the batching calibration and the automatic fast
mode decide from measurements (a fake clock here, never timed asserts), and whatever they
choose, the exact path's scores stay detoxify's."""

import json
import os
import subprocess
import sys

import pytest
from sqlalchemy.exc import IntegrityError

from moderator.scoring.batching import CANDIDATES, PACKED_CANDIDATES, PACKED_SIZE, Batching, Calibration, CalibrationCache
from moderator.scoring.detox import CALIBRATION_FILE, DetoxifyScorer, bf16_is_native, forward_flops
from moderator.scoring.fastmode import DEVIATION_LIMIT, Trial, _decide, candidate_modes, choose
from moderator.scoring.packs import install_pack
from moderator.scoring.runner import ScoreWriter
from moderator.scoring.store import register_model, scores_for
from tests.tinymodels import build_tiny_model

WORDS = "you are an idiot the troll thanks good article people agree wrong war peace".split()


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Clocked:
    """A model whose every packed forward pass advances the fake clock by `cost(tokens)` seconds."""

    def __init__(self, model, clock: FakeClock, cost):
        self.model, self.clock, self.cost = model, clock, cost

    def packed(self, batch):
        self.clock.now += self.cost(sum(batch.lengths))
        return self.model.packed(batch)


def comments(n: int) -> list[str]:
    """n comments of 2 to 120 words, in an order unrelated to their length."""
    return [" ".join(WORDS[(i * 7 + j) % len(WORDS)] for j in range(2 + (i * 37) % 119)) for i in range(n)]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "bert", "bert")


@pytest.fixture
def pack(tiny, paths):
    install_pack(paths.models, tiny.checkpoint, tiny.config, name="tiny")
    return paths.models / "tiny"


def test_the_scorer_takes_every_core_this_process_may_use(pack):
    import torch

    from moderator.scoring.cpu import usable_cores

    torch.set_num_threads(1)
    DetoxifyScorer(pack)
    assert torch.get_num_threads() == usable_cores()


def test_the_calibration_deals_every_candidate_the_same_lengths_and_takes_them_in_turn():
    lengths = [5 + (i * 31) % 200 for i in range(120)]
    calibration = Calibration(CANDIDATES, lambda tokens: float(tokens))
    batches = calibration.plan(lengths)
    assert sorted(i for group in batches for i in group) == list(range(120))  # each comment once
    first_turn = batches[:len(CANDIDATES)]
    assert [len(group) for group in first_turn][0] == 1  # the one-at-a-time candidate is in every turn
    assert all(calibration.measured([lengths[i] for i in group], 1.0) for group in batches)
    assert calibration.done and set(calibration.seconds) == set(CANDIDATES)
    useful = sorted(calibration.useful.values())
    assert useful[-1] / useful[0] < 1.2  # each share holds about as much work as the others


def test_the_calibration_picks_the_batching_this_cpu_runs_fastest_and_keeps_it(pack):
    """A CPU that runs packed batches of 513 to 1,024 tokens three times faster than any other."""
    clock = FakeClock()
    scorer = DetoxifyScorer(pack, clock=clock)
    assert scorer.calibration is not None and scorer.calibration.candidates == PACKED_CANDIDATES  # nothing measured yet
    scorer._model = Clocked(scorer._model, clock, lambda tokens: tokens * (1.0 if 512 < tokens <= 1024 else 3.0) * 1e-3)
    texts = comments(240)
    for group in scorer.batches(texts):
        scorer.score([texts[i] for i in group])
    chosen = Batching(PACKED_SIZE, True, 1024, packed=True)
    assert scorer.calibration is None and scorer.batching == chosen
    cached = json.loads((pack / CALIBRATION_FILE).read_text(encoding="utf-8"))
    assert [(entry["token_budget"], entry["packed"]) for entry in cached.values()] == [(1024, True)]
    again = DetoxifyScorer(pack)  # the next load on this CPU measures nothing
    assert again.calibration is None and again.batching == chosen
    assert DetoxifyScorer(pack, fast="int8").calibration is not None  # another mode is measured apart


def test_a_padded_batching_measured_before_packing_is_measured_again(pack):
    """A calibration file of the padded days: its budget counted padding, which packed batches have none of."""
    key = DetoxifyScorer(pack, batching=Batching(2, True))._cache_key
    CalibrationCache(pack / CALIBRATION_FILE).put_batching(key, Batching(64, True, 1024), {}, "cpu")
    assert DetoxifyScorer(pack).calibration is not None


def test_a_small_window_is_scored_with_the_default_batching_and_calibrates_nothing(pack):
    scorer = DetoxifyScorer(pack)
    texts = comments(20)
    for group in scorer.batches(texts):
        scorer.score([texts[i] for i in group])
    assert scorer.calibration is not None and not scorer.calibration.planned
    assert not (pack / CALIBRATION_FILE).exists()


def test_exact_scores_equal_detoxify_predict_through_calibration_and_packing(pack, tiny):
    scorer = DetoxifyScorer(pack)
    texts = comments(150) + ["", "x " * 700, "Ça va? Non. 🙂"]
    rows = [None] * len(texts)
    for group in scorer.batches(texts):  # the calibration's batches, of every candidate
        for index, row in zip(group, scorer.score([texts[i] for i in group])):
            rows[index] = row
    for group in scorer.batches(texts):  # the batching it chose
        for index, row in zip(group, scorer.score([texts[i] for i in group])):
            assert all(abs(row[label] - rows[index][label]) < 1e-5 for label in tiny.labels)
    for text, row in zip(texts, rows):
        expected = scorer.loaded.detoxify.predict(text)
        assert all(abs(row[label] - expected[label]) <= 1e-5 for label in tiny.labels)


def test_forward_flops_counts_the_layers_and_attention(tiny):
    flops = forward_flops(tiny.model.config)  # 2 layers, hidden 16, intermediate 32
    assert flops(10) == 2 * 2 * (4 * 16 * 16 + 2 * 16 * 32) * 10 + 4 * 2 * 16 * 100


def test_the_fast_mode_is_refused_where_this_cpu_would_make_it_slower(pack):
    clock = FakeClock()
    exact = DetoxifyScorer(pack, clock=clock)
    int8 = DetoxifyScorer(pack, "int8", clock=clock, loaded=exact.loaded)
    exact._model = Clocked(exact._model, clock, lambda tokens: tokens * 1e-3)
    int8._model = Clocked(int8._model, clock, lambda tokens: tokens * 2e-3)  # emulated arithmetic, say
    choice = choose(exact, {"int8": int8}, clock, ["bf16 is emulated on this processor"])
    assert choice.mode is None and "int8 was only 0.50x" in choice.reason and "bf16 is emulated" in choice.reason
    int8._model.cost = lambda tokens: tokens * 0.25e-3  # VNNI, say
    choice = choose(exact, {"int8": int8}, clock)
    assert choice.mode == "int8" and choice.trials[0].speedup == pytest.approx(4.0)
    assert choice.trials[0].max_diff <= DEVIATION_LIMIT


def test_a_fast_mode_that_moves_scores_is_refused_however_fast():
    choice = _decide([Trial("bf16", 6.0, DEVIATION_LIMIT * 2), Trial("int8", 2.5, 0.004)], [])
    assert choice.mode == "int8" and "2.5x" in choice.reason
    choice = _decide([Trial("bf16", 6.0, DEVIATION_LIMIT * 2)], [])
    assert choice.mode is None and "bf16 moved a score by 0.040" in choice.reason


@pytest.mark.skipif(not bf16_is_native(), reason="bf16 is refused before any peak is measured here")
def test_bf16_is_no_candidate_where_its_matmuls_are_not_much_faster_than_fp32():
    modes, refused = candidate_modes(peak=lambda dtype: {"float32": 100.0, "bfloat16": 120.0}[dtype])
    assert "bf16" not in modes and "bf16 matmuls ran 1.2x as fast as fp32 here" in refused
    modes, _ = candidate_modes(peak=lambda dtype: {"float32": 100.0, "bfloat16": 900.0}[dtype])
    assert modes[0] == "bf16"


def test_bf16_is_no_candidate_where_torch_would_emulate_it():
    """torch held to AVX2, as on an AVX2-only processor: no bf16 trial, int8 still tried."""
    probe = "from moderator.scoring.fastmode import candidate_modes; print(candidate_modes())"
    env = {**os.environ, "ATEN_CPU_CAPABILITY": "avx2"}
    result = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "(['int8'], ['bf16 is emulated on this processor'])", result.stderr


def test_score_fast_auto_says_what_it_chose_and_keeps_it(pack, paths, cli):
    cli("demo")
    code, out, err = cli("score", "--model", "tiny", "--fast", "auto", "--json")
    assert code == 0, err
    model = json.loads(out)["model"]
    assert model in ("tiny", "tiny@bf16", "tiny@int8") and json.loads(out)["scored"] == 54
    assert ("Fast mode" in err) if "@" in model else ("No fast mode suits this processor" in err)
    entries = CalibrationCache(pack / CALIBRATION_FILE)._read()
    assert [key.split(":")[0] for key in entries if key.startswith("fast-")] and all(
        entry["mode"] == (model.split("@")[1] if "@" in model else None) for key, entry in entries.items()
        if key.startswith("fast-"))
    code, _, err = cli("score", "--model", "tiny", "--fast", "auto")
    assert code == 0 and "measured earlier on this processor" in err


def test_scores_are_written_off_the_scoring_thread_and_a_failed_write_is_raised(demo_db):
    from moderator.scoring.quick import quick_identity

    with demo_db.sessions() as session:
        model_id = register_model(session, quick_identity())
        session.commit()
    with ScoreWriter(demo_db.write_sessions, model_id, "offensive") as writer:
        writer.put([1, 2], [{"offensive": 0.25}, {"offensive": 0.75}])
        writer.flush()
        with demo_db.sessions() as session:
            assert scores_for(session, model_id, [1, 2]) == {1: {"offensive": 0.25}, 2: {"offensive": 0.75}}
    with pytest.raises(IntegrityError):  # no comment 999999: the foreign key refuses it
        with ScoreWriter(demo_db.write_sessions, model_id, "offensive") as writer:
            writer.put([999999], [{"offensive": 0.5}])


def test_the_model_loads_while_its_comments_are_registered_and_read(demo_db, monkeypatch):
    """The load below finishes only once the loop has registered the model and read its first
    comments: had the loop waited for the model first, it would wait forever (here: fail)."""
    import threading

    from moderator.scoring.quick import QuickScreen, quick_identity
    from moderator.scoring.runner import ScorerLoading, score_pending
    from moderator.scoring.store import ScoringPlan, find_model

    read = threading.Event()
    original = ScoringPlan.next_window

    def next_window(plan, session, size):  # the real reading, then a signal that it happened
        rows = original(plan, session, size)
        read.set()
        return rows

    def load():
        assert read.wait(timeout=60), "the first comments were not read while the model loaded"
        with demo_db.sessions() as session:
            assert find_model(session, quick_identity()) is not None
        return QuickScreen()

    monkeypatch.setattr(ScoringPlan, "next_window", next_window)
    progress = score_pending(demo_db.write_sessions, ScorerLoading(quick_identity(), 2000, load))
    assert progress.scored == 54


def test_a_model_that_cannot_load_says_so_even_with_nothing_to_score(paths, tiny, cli):
    install_pack(paths.models, tiny.checkpoint, tiny.config, name="tiny")
    (paths.models / "tiny" / "model.ckpt").write_bytes(b"not a checkpoint")
    code, _, err = cli("score", "--model", "tiny")  # an empty database: nothing to score
    assert code == 1 and "could not be loaded" in err and "Traceback" not in err
