"""detoxify's four architectures (BERT, RoBERTa, XLM-R, ALBERT classifiers) in plain torch,
built straight from a pack's config.json and checkpoint: the quick way to load a model.

Why: transformers' model code imports 2-3 CPU seconds of modules a classifier never uses
(torch._dynamo, torch.distributed.tensor, scipy.optimize through its object-detection
losses, fp8 kernels), more than torch itself, and start-up is the user's wait for a first
score (docs/models.md, "Start-up"). The modules here carry the same parameter names as
transformers' classes, so a detoxify state dict loads into them unchanged, and their
forward pass is the same arithmetic (same layers, same order), so the scores equal
detoxify's within round-off (tests/test_scoring_quickload.py compares them, per family).

Anything this module does not know (another position embedding, grouped ALBERT layers, an
activation it does not have, a parameter left over or missing) raises `NotBuilt`, and the
pack is loaded through transformers as before.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from types import SimpleNamespace
from typing import Any, TypeVar

import torch
from torch import nn
from torch.nn import functional

from moderator.scoring.packing import PackedBatch, attend_packed, restore_order

ACTIVATIONS: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "gelu": functional.gelu,  # the exact (erf) GELU, as transformers' "gelu"
    "gelu_new": lambda x: functional.gelu(x, approximate="tanh"),  # ALBERT's: the tanh approximation
    "gelu_pytorch_tanh": lambda x: functional.gelu(x, approximate="tanh"),
    "relu": functional.relu,
}
FAMILIES = {"bert": "bert", "roberta": "roberta", "xlm-roberta": "roberta", "albert": "albert"}
BUFFERS = ("position_ids", "token_type_ids")  # kept by some checkpoints, recomputed here


# A module tree under transformers' parameter names, walked by attribute (`layer.attention.self.query`):
# typed loosely, since nn.Module's attributes are typed as tensors or modules alike.
Tree = Any
# Self-attention given the projected queries, keys and values: padded or packed (moderator.scoring.packing).
Attend = Callable[[torch.Tensor, torch.Tensor, torch.Tensor], torch.Tensor]


class NotBuilt(Exception):
    """This model is not one the plain modules can build: load it through transformers."""


def node(**children: nn.Module) -> Tree:
    """A module holding named children only: the parameter tree under transformers' names."""
    module = nn.Module()
    for name, child in children.items():
        module.add_module(name, child)
    return module


Part = TypeVar("Part", bound=nn.Module)


def bare(kind: type[Part], *sizes: int, **options: Any) -> Part:
    """An ordinary `kind` module (nn.Linear, nn.Embedding, nn.LayerNorm) with its parameters on
    the meta device, never initialised: the checkpoint's weights replace them. (Initialising,
    even on meta, runs torch's Python reference kernels, which import torch._dynamo: seconds.)"""
    uninitialised = type(f"Uninitialised{kind.__name__}", (kind,), {"reset_parameters": lambda self: None})
    module: Part = uninitialised(*sizes, device="meta", **options)
    module.__class__ = kind  # an nn.Linear again, as int8 quantisation and the rest expect
    return module


def linear(inputs: int, outputs: int) -> nn.Linear:
    return bare(nn.Linear, inputs, outputs)


def norm(width: int, eps: float) -> nn.LayerNorm:
    return bare(nn.LayerNorm, width, eps=eps)


def embedding(rows: int, width: int) -> nn.Embedding:
    return bare(nn.Embedding, rows, width)


class Encoder(nn.Module):
    """A detoxify classifier: `model(input_ids=..., attention_mask=...)` gives `(logits,)`,
    as transformers' classes do."""

    def __init__(self, family: str, config: SimpleNamespace):
        super().__init__()
        self.family, self.config = family, config
        self.activation = ACTIVATIONS[config.hidden_act]
        self.base = {"bert": "bert", "roberta": "roberta", "albert": "albert"}[family]
        self.add_module(self.base, _base_model(family, config))
        self.classifier = _classifier(family, config)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None,
                token_type_ids: torch.Tensor | None = None) -> tuple[torch.Tensor]:
        if attention_mask is None:
            attention_mask = torch.ones_like(input_ids)
        base = getattr(self, self.base)
        hidden = self._embed(base.embeddings, input_ids, attention_mask, token_type_ids)
        # A padded key is never attended to. (Always a mask, never a branch on the data: the
        # graph stays one, which ONNX export needs.)
        mask = attention_mask.bool()[:, None, None, :]
        hidden = self._layers(base, hidden, lambda q, k, v: self._attend_padded(q, k, v, mask))
        return (self._classify(base, hidden[:, 0]),)

    def packed(self, batch: PackedBatch) -> torch.Tensor:
        """The logits of a packed batch (moderator.scoring.packing: no padding), [comments, labels],
        in the batch's own order."""
        base, heads = getattr(self, self.base), self.config.num_attention_heads
        embeddings = base.embeddings
        summed = (embeddings.word_embeddings(batch.ids) + embeddings.token_type_embeddings(torch.zeros_like(batch.ids))
                  + embeddings.position_embeddings(batch.positions))
        hidden = self._layers(base, embeddings.LayerNorm(summed), lambda q, k, v: attend_packed(q, k, v, heads, batch.runs))
        return restore_order(self._classify(base, hidden[batch.firsts]), batch)

    @property
    def first_position(self) -> int:
        """The position id of a comment's first token: RoBERTa counts positions after its padding index."""
        return int(self.config.pad_token_id) + 1 if self.family == "roberta" else 0

    def _layers(self, base: Tree, hidden: torch.Tensor, attend: Attend) -> torch.Tensor:
        if self.family == "albert":
            hidden = base.encoder.embedding_hidden_mapping_in(hidden)
            shared = base.encoder.albert_layer_groups[0].albert_layers[0]
            for _ in range(self.config.num_hidden_layers):
                hidden = self._albert_layer(shared, hidden, attend)
        else:
            for layer in base.encoder.layer:
                hidden = self._bert_layer(layer, hidden, attend)
        return hidden

    def _embed(self, embeddings: Tree, ids: torch.Tensor, attention_mask: torch.Tensor,
               token_type_ids: torch.Tensor | None) -> torch.Tensor:
        if self.family == "roberta":  # positions count real tokens only, after the padding index
            pad = self.config.pad_token_id
            positions = torch.cumsum(ids.ne(pad).int(), dim=1) * ids.ne(pad).int() + pad
        else:
            positions = torch.arange(ids.shape[1], device=ids.device)[None, :]
        types = token_type_ids if token_type_ids is not None else torch.zeros_like(ids)
        summed = (embeddings.word_embeddings(ids) + embeddings.token_type_embeddings(types)
                  + embeddings.position_embeddings(positions))
        return embeddings.LayerNorm(summed)  # type: ignore[no-any-return]

    def _attend_padded(self, q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        batch, width, _ = q.shape
        heads = self.config.num_attention_heads
        size = self.config.hidden_size // heads

        def split(projected: torch.Tensor) -> torch.Tensor:
            return projected.view(batch, width, heads, size).transpose(1, 2)

        context = functional.scaled_dot_product_attention(split(q), split(k), split(v), attn_mask=mask,
                                                          scale=1.0 / math.sqrt(size))
        return context.transpose(1, 2).reshape(batch, width, heads * size)

    def _bert_layer(self, layer: Tree, hidden: torch.Tensor, attend: Attend) -> torch.Tensor:
        attention = layer.attention
        context = attend(attention.self.query(hidden), attention.self.key(hidden), attention.self.value(hidden))
        attended = attention.output.LayerNorm(attention.output.dense(context) + hidden)
        inner = self.activation(layer.intermediate.dense(attended))
        return layer.output.LayerNorm(layer.output.dense(inner) + attended)  # type: ignore[no-any-return]

    def _albert_layer(self, layer: Tree, hidden: torch.Tensor, attend: Attend) -> torch.Tensor:
        attention = layer.attention
        context = attend(attention.query(hidden), attention.key(hidden), attention.value(hidden))
        attended = attention.LayerNorm(attention.dense(context) + hidden)
        inner = self.activation(layer.ffn(attended))
        return layer.full_layer_layer_norm(layer.ffn_output(inner) + attended)  # type: ignore[no-any-return]

    def _classify(self, base: Tree, first: torch.Tensor) -> torch.Tensor:
        if self.family == "roberta":  # RoBERTa's head: its own dense layer, no pooler
            return self.classifier.out_proj(torch.tanh(self.classifier.dense(first)))  # type: ignore[no-any-return]
        pooler = base.pooler.dense if self.family == "bert" else base.pooler
        return self.classifier(torch.tanh(pooler(first)))  # type: ignore[no-any-return]


def _base_model(family: str, c: SimpleNamespace) -> Tree:
    width = c.embedding_size if family == "albert" else c.hidden_size
    embeddings = node(word_embeddings=embedding(c.vocab_size, width),
                      position_embeddings=embedding(c.max_position_embeddings, width),
                      token_type_embeddings=embedding(c.type_vocab_size, width),
                      LayerNorm=norm(width, c.layer_norm_eps))
    if family == "albert":
        return node(embeddings=embeddings, pooler=linear(c.hidden_size, c.hidden_size),
                    encoder=node(embedding_hidden_mapping_in=linear(width, c.hidden_size),
                                 albert_layer_groups=nn.ModuleList([node(albert_layers=nn.ModuleList([_albert_layer(c)]))])))
    layers = node(layer=nn.ModuleList([_bert_layer(c) for _ in range(c.num_hidden_layers)]))
    if family == "roberta":
        return node(embeddings=embeddings, encoder=layers)
    return node(embeddings=embeddings, encoder=layers, pooler=node(dense=linear(c.hidden_size, c.hidden_size)))


def _bert_layer(c: SimpleNamespace) -> Tree:
    h, i = c.hidden_size, c.intermediate_size
    return node(attention=node(self=node(query=linear(h, h), key=linear(h, h), value=linear(h, h)),
                               output=node(dense=linear(h, h), LayerNorm=norm(h, c.layer_norm_eps))),
                intermediate=node(dense=linear(h, i)),
                output=node(dense=linear(i, h), LayerNorm=norm(h, c.layer_norm_eps)))


def _albert_layer(c: SimpleNamespace) -> Tree:
    h, i = c.hidden_size, c.intermediate_size
    return node(attention=node(query=linear(h, h), key=linear(h, h), value=linear(h, h), dense=linear(h, h),
                               LayerNorm=norm(h, c.layer_norm_eps)),
                ffn=linear(h, i), ffn_output=linear(i, h), full_layer_layer_norm=norm(h, c.layer_norm_eps))


def _classifier(family: str, c: SimpleNamespace) -> Tree:
    if family == "roberta":
        return node(dense=linear(c.hidden_size, c.hidden_size), out_proj=linear(c.hidden_size, c.num_labels))
    return linear(c.hidden_size, c.num_labels)


def build_encoder(pack_family: str, config: Mapping[str, Any], state_dict: Mapping[str, torch.Tensor],
                  labels: int) -> Encoder:
    """The classifier with the checkpoint's weights (shared with it, not copied); NotBuilt
    where the config or the weights are not exactly those of the four architectures."""
    family = FAMILIES.get(pack_family)
    settings = _settings(family, config, labels)
    assert family is not None  # _settings refused any other
    model = Encoder(family, settings)  # parameters on meta: no memory, no initialisation
    weights = {name: tensor for name, tensor in state_dict.items() if name.rsplit(".", 1)[-1] not in BUFFERS}
    try:
        model.load_state_dict(weights, strict=True, assign=True)
    except RuntimeError as error:  # a parameter missing, left over or of another shape
        raise NotBuilt(str(error).splitlines()[0]) from None
    return model.eval()


def _settings(family: str | None, config: Mapping[str, Any], labels: int) -> SimpleNamespace:
    """The config's sizes, after checking it asks for nothing these modules lack."""
    if family is None:
        raise NotBuilt("another family")
    if config.get("position_embedding_type", "absolute") != "absolute" or config.get("is_decoder"):
        raise NotBuilt("another kind of position embedding, or a decoder")
    if config.get("hidden_act") not in ACTIVATIONS:
        raise NotBuilt(f"activation {config.get('hidden_act')}")
    if family == "albert" and (config.get("num_hidden_groups", 1) != 1 or config.get("inner_group_num", 1) != 1):
        raise NotBuilt("ALBERT with grouped layers")
    names = ("vocab_size", "hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size",
             "max_position_embeddings", "type_vocab_size", "layer_norm_eps", "hidden_act", "pad_token_id")
    try:
        values = {name: config[name] for name in names}
    except KeyError as missing:
        raise NotBuilt(f"config without {missing}") from None
    if family == "albert":
        values["embedding_size"] = config.get("embedding_size", 128)
    return SimpleNamespace(**values, num_labels=labels)
