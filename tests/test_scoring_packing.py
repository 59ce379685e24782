"""Packed batches (moderator.scoring.packing): a batch's comments as one stream of tokens, no
padding. Each comment's logits must be what detoxify's own model gives that comment alone,
family by family, whatever lengths share the batch: one token, the longest allowed, many of
one length side by side, or every length different."""

import pytest
import torch

from moderator.scoring.batching import Batching, length_batches
from moderator.scoring.detox import DetoxifyScorer
from moderator.scoring.packing import Run, pack
from moderator.scoring.packs import install_pack
from tests.tinymodels import FAMILIES, MAX_TOKENS, build_tiny_model

# Token counts of one packed batch, in the batch's order: one-token comments, the longest
# allowed, runs of equal length, and lengths met once.
LENGTHS = [7, 1, MAX_TOKENS, 2, 7, 1, 30, 7, 3, MAX_TOKENS - 1, 64]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    folder = tmp_path_factory.mktemp("packing")
    return {family: build_tiny_model(folder / family, family, seed=5) for family in FAMILIES}


def token_ids(model, lengths: list[int], seed: int = 0) -> list[list[int]]:
    """Random token ids the model knows, never its padding token (a real comment holds none)."""
    generator = torch.Generator().manual_seed(seed)
    vocabulary, pad = model.config.vocab_size, model.config.pad_token_id
    rows = [torch.randint(0, vocabulary, (n,), generator=generator).tolist() for n in lengths]
    return [[token if token != pad else pad + 1 for token in row] for row in rows]


@pytest.mark.parametrize("family", list(FAMILIES))
def test_a_packed_batch_gives_each_comment_detoxify_s_logits_for_it_alone(tiny, paths, family):
    install_pack(paths.models, tiny[family].checkpoint, tiny[family].config, name=family)
    encoder = DetoxifyScorer(paths.models / family).loaded.model
    reference = tiny[family].model  # transformers' model, which detoxify's predict runs
    rows = token_ids(reference, LENGTHS)
    with torch.inference_mode():
        packed = encoder.packed(pack(rows, encoder.first_position))
        alone = torch.cat([reference(input_ids=torch.tensor([row])).logits for row in rows])
    assert packed.shape == (len(LENGTHS), len(tiny[family].labels))
    assert (packed - alone).abs().max().item() <= 1e-5


def test_the_stream_is_ordered_by_length_with_positions_restarting_per_comment():
    batch = pack([[5, 6, 7], [8], [9, 10, 11], [12, 13]], first_position=2)
    assert batch.ids.tolist() == [8, 12, 13, 5, 6, 7, 9, 10, 11]
    assert batch.positions.tolist() == [2, 2, 3, 2, 3, 4, 2, 3, 4]
    assert batch.runs == (Run(0, 1, 1), Run(1, 1, 2), Run(3, 2, 3))  # the two 3-token comments: one attention call
    assert batch.firsts.tolist() == [0, 1, 3, 6]
    assert batch.lengths == [3, 1, 3, 2]  # in the batch's own order


def test_a_comment_without_tokens_is_refused():
    with pytest.raises(ValueError, match="at least one token"):
        pack([[1, 2], []])


def test_a_packed_budget_counts_real_tokens_and_a_padded_one_counts_padding():
    lengths = [10, 100, 10, 10]
    assert length_batches(lengths, Batching(512, True, 130, packed=True)) == [[0, 2, 3, 1]]  # 130 real tokens
    assert length_batches(lengths, Batching(512, True, 130)) == [[0, 2, 3], [1]]  # 4 x 100 padded would be 400
