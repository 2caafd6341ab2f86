"""Simulated trainees for rehearsals and load tests: realistic, varied, not all correct."""

from __future__ import annotations

import random
from dataclasses import dataclass

from kit.content import Template
from kit.logic.questions import Ask, Question

NAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"


@dataclass(frozen=True)
class Persona:
    name: str
    skill: float  # chance of getting a dimension right


def personas(n: int, seed: int = 7) -> list[Persona]:
    rnd = random.Random(seed)
    return [Persona(f"{NAMES[i % 20]}{GIVEN[(i * 7) % 20]}{i // 20 or ''}",
                    min(0.95, max(0.2, rnd.gauss(0.65, 0.18)))) for i in range(n)]


def choose(ask: Ask, skill: float, rnd: random.Random) -> list[str]:
    codes = [c.code for c in ask.choices if c.code not in ask.exclusive] or [
        c.code for c in ask.choices]
    if ask.key is None:  # a poll: opinions cluster but vary
        return [rnd.choices(codes, weights=range(len(codes), 0, -1))[0]]
    if ask.cardinality == "single":
        wrong = [c for c in codes if c not in ask.key] or codes
        return list(ask.key) if rnd.random() < skill else [rnd.choice(wrong)]
    picked = {k for k in ask.key if rnd.random() < skill}
    extra = [c for c in codes if c not in ask.key]
    if extra and rnd.random() > skill:
        picked.add(rnd.choice(extra))
    return sorted(picked or {rnd.choice(codes)})


def answer(question: Question, persona: Persona, rnd: random.Random) -> dict[str, list[str]]:
    return {ask.id: choose(ask, persona.skill, rnd) for ask in question.asks}


def draft(template: Template, model: dict[str, str], persona: Persona,
          rnd: random.Random) -> dict[str, str]:
    """A plan built from the model plan, with sections dropped or thinned by skill."""
    out = {}
    for section in template.sections:
        base = model.get(section.id) or f"{section.title}:{section.guidance}"
        if rnd.random() < persona.skill:
            out[section.id] = base
        elif rnd.random() < 0.5:
            out[section.id] = base[: max(4, len(base) // 3)]
        else:
            out[section.id] = ""
    return out
