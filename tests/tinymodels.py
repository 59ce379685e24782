"""Tiny detoxify-format checkpoints for tests: random weights, a small vocabulary,
real Hugging Face config and tokenizer files, written locally (no network).

Each builder writes what a released detoxify model comes with: a checkpoint whose
training config names the base model by hub id (the offline trap), and the config
folder a pack carries. It returns the torch model too, as the reference for scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ORIGINAL_CLASSES = ["toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate"]
UNBIASED_CLASSES = ["toxicity", "severe_toxicity", "obscene", "identity_attack", "insult", "threat",
                    "sexual_explicit", "male", "female", "homosexual_gay_or_lesbian", "christian", "jewish",
                    "muslim", "black", "white", "psychiatric_or_mental_illness"]
WORDS = ("the a an is are was you your they we this that it of to and in on for not no yes idiot stupid "
         "moron hate love good bad nice kill troll article comment war peace people thanks agree wrong").split()
MAX_TOKENS = 512  # as the released tokenizers: longer comments are truncated


@dataclass(frozen=True)
class Family:
    hub_id: str
    model_class: str
    tokenizer_class: str
    position_offset: int  # RoBERTa-style models keep two extra position slots


FAMILIES = {
    "bert": Family("bert-base-uncased", "BertForSequenceClassification", "BertTokenizer", 0),
    "albert": Family("albert-base-v2", "AlbertForSequenceClassification", "AlbertTokenizer", 0),
    "roberta": Family("roberta-base", "RobertaForSequenceClassification", "RobertaTokenizer", 2),
    "xlm-roberta": Family("xlm-roberta-base", "XLMRobertaForSequenceClassification", "XLMRobertaTokenizer", 2),
}


@dataclass(frozen=True)
class TinyModel:
    checkpoint: Path
    config: Path
    family: str
    labels: list[str]  # standardised, as detoxify reports them
    model: object  # the torch model the checkpoint was saved from


def build_tiny_model(folder: Path, family: str = "bert", classes: list[str] | None = None, seed: int = 0,
                     trigger: str | None = None) -> TinyModel:
    """`trigger`: a word of WORDS the model is trained to flag (its first label), so that an
    explanation has a right answer to find."""
    import torch
    import transformers

    spec, classes = FAMILIES[family], classes or ORIGINAL_CLASSES
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer = _tokenizer(family)
    config = _config(family, len(tokenizer), len(classes), spec.position_offset, tokenizer.pad_token_id)
    torch.manual_seed(seed)
    model = getattr(transformers, spec.model_class)(config).eval()
    if trigger is not None:
        _plant(model, tokenizer, trigger, seed)
    config.save_pretrained(folder / "config")
    tokenizer.save_pretrained(folder / "config")
    checkpoint = folder / f"{family}-tiny.ckpt"
    torch.save(_detoxify_checkpoint(spec, classes, model.state_dict()), checkpoint)
    standard = {"toxic": "toxicity", "severe_toxic": "severe_toxicity", "identity_hate": "identity_attack"}
    return TinyModel(checkpoint, folder / "config", family, [standard.get(c, c) for c in classes], model)


def _plant(model, tokenizer, trigger: str, seed: int, steps: int = 40) -> None:
    """A few hundred milliseconds of training: sentences of WORDS, the first label's logit
    high when the trigger is in the sentence and low when it is not."""
    import random

    import torch

    rng, others = random.Random(seed), [w for w in WORDS if w != trigger]
    optimiser = torch.optim.Adam(model.parameters(), lr=0.01)
    model.train()
    for _ in range(steps):
        sentences, targets = [], []
        for i in range(16):
            words = rng.sample(others, rng.randint(3, 9))
            if i % 2:
                words.insert(rng.randrange(len(words) + 1), trigger)
            sentences.append(" ".join(words))
            targets.append(float(i % 2))
        inputs = tokenizer(sentences, return_tensors="pt", padding=True)
        logits = model(**inputs).logits[:, 0]
        loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, torch.tensor(targets))
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    model.eval()


def _detoxify_checkpoint(spec: Family, classes: list[str], state_dict: dict) -> dict:
    """The layout of detoxify's released checkpoints (config as trained, plus weights)."""
    arch = {"model_type": spec.hub_id, "model_name": spec.model_class,
            "tokenizer_name": spec.tokenizer_class, "num_classes": len(classes)}
    return {"config": {"arch": {"type": "", "args": arch}, "dataset": {"args": {"classes": classes}}},
            "state_dict": state_dict}


def _config(family: str, vocab_size: int, num_labels: int, position_offset: int, pad_id: int):
    import transformers

    config_class = {"bert": transformers.BertConfig, "albert": transformers.AlbertConfig,
                    "roberta": transformers.RobertaConfig, "xlm-roberta": transformers.XLMRobertaConfig}[family]
    sizes = dict(hidden_size=16, num_hidden_layers=2, num_attention_heads=2, intermediate_size=32,
                 max_position_embeddings=MAX_TOKENS + position_offset, vocab_size=vocab_size,
                 num_labels=num_labels, pad_token_id=pad_id)
    if family == "albert":
        sizes["embedding_size"] = 8
    return config_class(**sizes)


def _tokenizer(family: str):
    import transformers

    if family == "bert":
        vocab = dict.fromkeys(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS, *"abcdefghijklmnopqrstuvwxyz"])
        return transformers.BertTokenizer(vocab={t: i for i, t in enumerate(vocab)}, model_max_length=MAX_TOKENS)
    if family == "roberta":
        return _byte_level_bpe()
    pieces = [(f"\u2581{w}", -float(i % 7) - 1.0) for i, w in enumerate(WORDS)]
    pieces += [(c, -10.0) for c in "\u2581abcdefghijklmnopqrstuvwxyz.,!?'"]
    if family == "albert":
        specials = [("<pad>", 0.0), ("<unk>", 0.0), ("[CLS]", 0.0), ("[SEP]", 0.0), ("[MASK]", 0.0)]
        return transformers.AlbertTokenizer(vocab=specials + pieces, model_max_length=MAX_TOKENS)
    specials = [("<s>", 0.0), ("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0)]
    return transformers.XLMRobertaTokenizer(vocab=specials + pieces + [("<mask>", 0.0)], model_max_length=MAX_TOKENS)


def _byte_level_bpe():
    """RoBERTa's byte-level BPE with the 256 byte symbols and a few merges."""
    import transformers
    from transformers.convert_slow_tokenizer import bytes_to_unicode

    symbols = ["<s>", "<pad>", "</s>", "<unk>", *bytes_to_unicode().values()]
    merges = [("t", "h"), ("th", "e"), ("\u0120", "th"), ("\u0120th", "e"), ("i", "d"), ("o", "u"),
              ("\u0120", "y"), ("\u0120y", "ou")]
    merged = [a + b for a, b in merges]
    vocab = {t: i for i, t in enumerate(dict.fromkeys(symbols + merged + ["<mask>"]))}
    return transformers.RobertaTokenizer(vocab=vocab, merges=merges, model_max_length=MAX_TOKENS)


def break_loading(pack: Path) -> None:
    """Replace an installed pack's checkpoint, behind the app's back, by one whose label list
    is a bare number: a checkpoint that passed the install checks never holds that, so
    reading it fails with a TypeError no code of ours expects (a bug, where a damaged or
    unreadable file is an expected failure)."""
    import torch

    checkpoint = torch.load(pack / "model.ckpt", map_location="cpu", weights_only=True)
    checkpoint["config"]["dataset"]["args"]["classes"] = 5
    torch.save(checkpoint, pack / "model.ckpt")
