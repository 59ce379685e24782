"""Why a comment scores as it does: the words that push a model's score up or down.

`explain(scorer, text, label)` gives an `Explanation`: spans (start, end, text, weight) on
the comment's own text, weights on the log-odds (logit) scale, so a saturated score (0.9999)
still shows which words made it.

- The quick screen (TF-IDF, then five LinearSVC folds each with a Platt sigmoid, averaged):
  exact. Each fold's logit is linear in the TF-IDF features, so a word's share of it is
  its coefficient times its feature value. The folds' probabilities are averaged and the
  final log-odds is taken of that average, which is not linear; the folds' shares are
  combined through the exact secant slopes of that path (from the empty comment to this
  one): ΔL = m·ΔP with m = ΔL/ΔP, and ΔP = (1/K)·Σ_k s_k·Δz_k with s_k = Δσ_k/Δz_k. So a
  word's weight is Σ_k (m·s_k/K)·d_kj, and the weights sum to the comment's log-odds minus
  the empty comment's (the `bias`), to rounding.
- Detoxify models: leave-one-word-out occlusion on the label's logit: a word's weight is
  the logit with the word minus the logit without it, the texts run in batches.

No Qt here; scikit-learn and torch are used through the scorer already loaded (in the
scoring process, never in the window's).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any

from moderator.errors import ModeratorError
from moderator.rules.normalise import for_model
from moderator.scoring.base import Scorer

if TYPE_CHECKING:
    import numpy as np

EXACT, OCCLUSION = "exact", "occlusion"
# What occlusion takes out: a word with its inner apostrophes ("don't", "O'Neill").
WORD = re.compile(r"\w+(?:['’]\w+)*")
OCCLUSION_BATCH = 16  # texts per forward pass: a comment and its variants are all alike in length
Progress = Callable[[int, int], None]  # (done, total)
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    weight: float  # on the label's log-odds: positive pushes the score up

    def as_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class RuleHit:
    """A rule that matched the comment (word lists, patterns): filled once rules exist (issue 14)."""

    rule: str
    start: int
    end: int
    text: str

    def as_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Explanation:
    model: str
    label: str
    method: str  # EXACT or OCCLUSION
    log_odds: float  # the label's logit for the whole comment
    bias: float | None  # exact only: the empty comment's log-odds; bias + the weights = log_odds
    spans: tuple[Span, ...]
    rule_hits: tuple[RuleHit, ...] = field(default=())
    # The comment with its disguises undone, when that is what scored (higher) and was
    # explained: the spans are on this text then (moderator/scoring/disguises.py).
    read_as: str | None = None

    @property
    def score(self) -> float:
        return sigmoid(self.log_odds)

    def strongest(self, count: int = 8) -> list[Span]:
        """The spans that move the score most, either way, strongest first."""
        return sorted((s for s in self.spans if s.weight), key=lambda s: -abs(s.weight))[:count]

    def as_json(self) -> dict[str, object]:
        return {"model": self.model, "label": self.label, "method": self.method, "log_odds": self.log_odds,
                "score": self.score, "bias": self.bias, "spans": [s.as_json() for s in self.spans],
                "rule_hits": [h.as_json() for h in self.rule_hits], "read_as": self.read_as}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Explanation:
        return cls(str(data["model"]), str(data["label"]), str(data["method"]), float(data["log_odds"]),
                   None if data.get("bias") is None else float(data["bias"]),
                   tuple(Span(int(s["start"]), int(s["end"]), str(s["text"]), float(s["weight"])) for s in data["spans"]),
                   tuple(RuleHit(str(h["rule"]), int(h["start"]), int(h["end"]), str(h["text"]))
                         for h in data.get("rule_hits", ())),
                   None if data.get("read_as") is None else str(data["read_as"]))


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


def explain(scorer: Scorer, text: str, label: str | None = None, on_progress: Progress | None = None,
            cancelled: Cancelled | None = None) -> Explanation:
    """Explain one comment's score on `label` (default: the model's main label)."""
    from moderator.scoring.quick import QuickScreen

    label = label or scorer.main_label
    if label not in scorer.labels:
        raise ModeratorError(f"The model '{scorer.identity.name}' has no label '{label}'.")
    plain = for_model(text)
    if isinstance(scorer, QuickScreen):
        found = explain_quick(text, scorer.identity.name)
        if plain == text:
            return found
        undone = explain_quick(plain, scorer.identity.name)
        return replace(undone, read_as=plain) if undone.log_odds > found.log_odds else found
    logits = getattr(scorer, "logits", None)
    if logits is None:
        raise ModeratorError(f"The model '{scorer.identity.name}' cannot explain its scores.")
    if plain != text:
        as_written, undone = (row[label] for row in logits([text, plain]))
        if undone > as_written:
            found = occlusion(logits, plain, label, scorer.identity.name, on_progress, cancelled)
            return replace(found, read_as=plain)
    return occlusion(logits, text, label, scorer.identity.name, on_progress, cancelled)


# ---- the quick screen: exact ------------------------------------------------------------------


@dataclass(frozen=True)
class LinearFolds:
    """The quick screen's model, taken apart: the vectorizer's vocabulary and idf, and per
    fold the LinearSVC's coefficients and intercept and the Platt sigmoid's a and b."""

    vocabulary: dict[str, int]
    idf: np.ndarray  # (features,)
    stop_words: frozenset[str]
    token: re.Pattern[str]
    coef: np.ndarray  # (folds, features)
    intercept: np.ndarray  # (folds,)
    a: np.ndarray  # (folds,): each fold's probability is sigmoid(-(a * f + b)), f its decision value
    b: np.ndarray


_FOLDS: LinearFolds | None = None


def quick_folds() -> LinearFolds:
    """Read once from profanity_check's own loaded objects (scikit-learn's TfidfVectorizer and
    CalibratedClassifierCV of LinearSVC with sigmoid calibration); refused if it changed shape."""
    global _FOLDS
    if _FOLDS is None:
        import numpy as np
        from profanity_check import profanity_check as loaded

        vectorizer, model = loaded.vectorizer, loaded.model
        folds = model.calibrated_classifiers_
        if vectorizer.norm != "l2" or vectorizer.sublinear_tf or vectorizer.ngram_range != (1, 1) \
                or any(f.method != "sigmoid" or len(f.calibrators) != 1 for f in folds):
            raise ModeratorError("The quick screen's model is not the linear model this app can explain.")
        _FOLDS = LinearFolds(
            vocabulary={str(k): int(v) for k, v in vectorizer.vocabulary_.items()},
            idf=np.asarray(vectorizer.idf_, dtype=np.float64),
            stop_words=frozenset(vectorizer.get_stop_words() or ()),
            token=re.compile(vectorizer.token_pattern),
            coef=np.vstack([f.estimator.coef_.ravel() for f in folds]).astype(np.float64),
            intercept=np.array([float(f.estimator.intercept_[0]) for f in folds]),
            a=np.array([float(f.calibrators[0].a_) for f in folds]),
            b=np.array([float(f.calibrators[0].b_) for f in folds]))
    return _FOLDS


def _tokens(text: str, folds: LinearFolds) -> list[tuple[int, int, int]]:
    """(start, end, feature) of each word the vectorizer counts, as it finds them: the text
    lowercased, its token pattern, stop words and unknown words left out."""
    lowered = text.lower()
    if len(lowered) == len(text):  # lowercasing kept every position (all but a few scripts)
        found = ((m.start(), m.end(), m.group()) for m in folds.token.finditer(lowered))
    else:
        found = ((m.start(), m.end(), m.group().lower()) for m in folds.token.finditer(text))
    return [(start, end, folds.vocabulary[word]) for start, end, word in found
            if word not in folds.stop_words and word in folds.vocabulary]


def _log_mean_sigmoid(z: np.ndarray) -> float:
    """log(mean(sigmoid(z))), without overflow."""
    import numpy as np

    return float(np.logaddexp.reduce(-np.logaddexp(0.0, -z)) - math.log(len(z)))


def _log_odds_of_mean(z: np.ndarray) -> float:
    """logit(mean(sigmoid(z))): the folds' averaged probability as log-odds, stable when saturated."""
    return _log_mean_sigmoid(z) - _log_mean_sigmoid(-z)


def _secant(f: Callable[[np.ndarray], np.ndarray], slope: Callable[[np.ndarray], np.ndarray],
            x0: np.ndarray, x1: np.ndarray) -> np.ndarray:
    """(f(x1) - f(x0)) / (x1 - x0), elementwise; the derivative where x1 == x0."""
    import numpy as np

    dx = x1 - x0
    same = np.abs(dx) < 1e-12
    return np.where(same, slope(x1), (f(x1) - f(x0)) / np.where(same, 1.0, dx))


def explain_quick(text: str, model_name: str = "quick-screen") -> Explanation:
    import numpy as np

    def expit(v: np.ndarray) -> np.ndarray:
        return np.asarray(np.exp(-np.logaddexp(0.0, -v)), dtype=np.float64)

    folds = quick_folds()
    tokens = _tokens(text, folds)
    features = sorted({feature for _s, _e, feature in tokens})
    counts = np.array([sum(1 for t in tokens if t[2] == f) for f in features], dtype=np.float64)
    tfidf = counts * folds.idf[features]
    x = tfidf / np.linalg.norm(tfidf) if len(features) else tfidf
    # Per fold k and feature j: the share d_kj of the fold's logit z_k = -(a_k * f_k + b_k).
    shares = -folds.a[:, None] * folds.coef[:, features] * x[None, :]
    z0 = -(folds.a * folds.intercept + folds.b)  # the empty comment
    dz = shares.sum(axis=1)
    z = z0 + dz
    bias, log_odds = _log_odds_of_mean(z0), _log_odds_of_mean(z)
    s = _secant(expit, lambda v: expit(v) * expit(-v), z0, z)  # each fold's sigmoid, secant slope
    dp = float((s * dz).mean())  # the averaged probability's change, as the shares add it up
    m = (log_odds - bias) / dp if abs(dp) > 1e-300 else 0.0
    per_feature = ((m * s / len(z))[:, None] * shares).sum(axis=0)
    weight = dict(zip(features, per_feature / counts))  # shared among the word's occurrences
    spans = tuple(Span(start, end, text[start:end], float(weight[f])) for start, end, f in tokens)
    return Explanation(model_name, "offensive", EXACT, log_odds, bias, spans)


# ---- detoxify models: occlusion ----------------------------------------------------------------

Logits = Callable[[Sequence[str]], list[dict[str, float]]]


def words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD.finditer(text)]


def occlusion(logits: Logits, text: str, label: str, model_name: str, on_progress: Progress | None = None,
              cancelled: Cancelled | None = None, batch: int = OCCLUSION_BATCH) -> Explanation:
    """Each word's weight: the label's logit with it minus without it (the word cut out)."""
    spans = words(text)
    variants = [text] + [text[:start] + text[end:] for start, end in spans]
    found: list[float] = []
    for first in range(0, len(variants), batch):
        if cancelled is not None and cancelled():
            raise ExplanationCancelled()
        found += [row[label] for row in logits(variants[first:first + batch])]
        if on_progress is not None:
            on_progress(len(found), len(variants))
    whole = found[0]
    return Explanation(model_name, label, OCCLUSION, whole, None,
                       tuple(Span(start, end, text[start:end], whole - without)
                             for (start, end), without in zip(spans, found[1:])))


class ExplanationCancelled(Exception):
    """The moderator moved on before the explanation was done."""
