"""Free-text replies matched to the nearest prepared reply: character n-grams, weighted.

A typed reply and every phrasing of every choice (its text and its ``examples``) become bags of
character bigrams and trigrams, after NFKC normalisation, lower case, and dropping punctuation
and a few particles (的、了、吗…) that carry no meaning here; a handful of words common to any
bank conversation (``COMMON``: 银行、我们…) are not features at all. Each n-gram weighs
``log(1 + N / df)``, with N the number of phrasings at this node and df those containing it,
so that what tells the choices apart (“保本” vs “不保本”) counts more than what they share
(“您先别急”). A choice's score is the best cosine similarity among its phrasings.

The match is refused (``index`` is ``None``) when the best score is under ``THRESHOLD`` or the
runner-up is within ``MARGIN`` of it: the trainee is asked to rephrase or pick a button,
rather than be sent down a branch they did not mean. No model, no network: every decision can
be explained by the n-grams it shares (``shared``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

THRESHOLD = 0.12
MARGIN = 0.02
COMMON = frozenset({"银行", "我们", "一下", "这个", "那个", "就是", "您好"})
PARTICLES = re.compile(r"[的了吗呢啊吧呀哦嗯哈么]")
NOT_WORD = re.compile(r"[^\w]|_")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return PARTICLES.sub("", NOT_WORD.sub("", text))


def grams(text: str) -> Counter[str]:
    s = normalise(text)
    found = [s[i:i + n] for n in (2, 3) for i in range(len(s) - n + 1)]
    return Counter([g for g in found if g not in COMMON] or ([s] if s else []))


@dataclass(frozen=True)
class Match:
    index: int | None
    """The choice matched, or ``None`` when the reply is too far from all, or too close to two."""
    score: float
    runner_up: float
    shared: tuple[str, ...]
    """Bigrams the reply shares with the best phrasing, heaviest first (the explanation)."""


def _cosine(a: Counter[str], b: Counter[str], idf: dict[str, float]) -> float:
    dot = sum(a[g] * b[g] * idf.get(g, 0.0) ** 2 for g in a.keys() & b.keys())
    na = math.sqrt(sum((v * idf.get(g, 0.0)) ** 2 for g, v in a.items()))
    nb = math.sqrt(sum((v * idf.get(g, 0.0)) ** 2 for g, v in b.items()))
    return dot / (na * nb) if na and nb else 0.0


def _idf(bags: Sequence[Counter[str]]) -> dict[str, float]:
    df = Counter(g for bag in bags for g in bag)
    return {g: math.log(1 + len(bags) / n) for g, n in df.items()}


def match(reply: str, options: Sequence[Sequence[str]]) -> Match:
    """Match ``reply`` to one of ``options`` (each a choice's phrasings)."""
    bags = [[grams(p) for p in phrasings] for phrasings in options]
    idf = _idf([b for group in bags for b in group])
    said = grams(reply)
    best = [max((_cosine(said, b, idf), k) for k, b in enumerate(group)) for group in bags]
    ranked = sorted(range(len(options)), key=lambda i: best[i][0], reverse=True)
    top, second = best[ranked[0]][0], (best[ranked[1]][0] if len(ranked) > 1 else 0.0)
    near = bags[ranked[0]][best[ranked[0]][1]]
    shared = sorted((g for g in said.keys() & near.keys() if len(g) == 2),
                    key=lambda g: (-idf[g], g))
    ok = top >= THRESHOLD and top - second >= MARGIN
    return Match(ranked[0] if ok else None, round(top, 3), round(second, 3), tuple(shared[:6]))
