"""Every path through a scenario: the states (node, mood) a play can reach, faults among them,
the number of paths and the best and worst score.

A play's state is the node it is at and the customer's mood there. Replies are edges between
states, or from a state to an ending. Exploring from the start state finds what is reachable,
every edge that pushes the mood out of 0–100, and every edge that returns to a state still on
the way (a loop that can go on forever: the same node with the same mood again). Only when
there are neither is the state graph finite and acyclic, and the counts and scores below are
computed over it by dynamic programming (children before parents).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from kit.content.scenario_models import Scenario
from kit.content.scenario_rules import Move, choice_at, in_range, move, path_score, points


@dataclass(frozen=True, order=True)
class State:
    node: str
    mood: int


@dataclass(frozen=True)
class Fault:
    """A reply (``choice`` of ``node``, reached with ``mood``) that breaks a graph rule."""

    node: str
    choice: int
    mood: int
    after: int


@dataclass(frozen=True)
class Edge:
    choice: int
    move: Move
    ends: bool
    """True when the move reaches an ending (``move.target``), else a node."""


@dataclass(frozen=True)
class Graph:
    scenario: Scenario
    order: tuple[State, ...]
    """Every reachable state, children before parents."""
    edges: Mapping[State, tuple[Edge, ...]]
    reached: frozenset[str]
    """Ids of the nodes and endings some play can reach."""
    loops: tuple[Fault, ...]
    out_of_range: tuple[Fault, ...]
    dangling: tuple[Fault, ...]
    """Replies whose target is neither a node nor an ending."""

    @property
    def sound(self) -> bool:
        return not (self.loops or self.out_of_range or self.dangling)


@dataclass(frozen=True)
class _Found:
    edges: tuple[Edge, ...]
    out_of_range: tuple[Fault, ...]
    dangling: tuple[Fault, ...]


def _edges(scenario: Scenario, state: State) -> _Found:
    """The replies from ``state``: those that lead somewhere, and the faulty ones."""
    node = scenario.node(state.node)
    edges, out, missing = [], [], []
    for i, choice in enumerate(node.choices if node else ()):
        step = move(scenario, state.mood, choice)
        if not in_range(step):
            out.append(Fault(state.node, i, state.mood, step.mood))
        elif step.forced or scenario.ending(step.target) is not None:
            edges.append(Edge(i, step, True))
        elif scenario.node(step.target) is not None:
            edges.append(Edge(i, step, False))
        else:
            missing.append(Fault(state.node, i, state.mood, step.mood))
    return _Found(tuple(edges), tuple(out), tuple(missing))


def explore(scenario: Scenario) -> Graph:
    """Depth-first over states from the start, without recursion (paths can be long)."""
    start = State(scenario.start, scenario.mood_start)
    edges: dict[State, tuple[Edge, ...]] = {}
    order: list[State] = []
    reached, loops, out, missing = {scenario.start}, list[Fault](), list[Fault](), list[Fault]()
    on_path: set[State] = set()
    stack: list[tuple[State, Iterator[Edge]]] = []

    def enter(state: State) -> None:
        found = _edges(scenario, state)
        edges[state] = found.edges
        out.extend(found.out_of_range)
        missing.extend(found.dangling)
        on_path.add(state)
        stack.append((state, iter(found.edges)))

    enter(start)
    while stack:
        state, pending = stack[-1]
        edge = next(pending, None)
        if edge is None:
            stack.pop()
            on_path.discard(state)
            order.append(state)
            continue
        reached.add(edge.move.target)
        if edge.ends:
            continue
        child = State(edge.move.target, edge.move.mood)
        if child in on_path:
            loops.append(Fault(state.node, edge.choice, state.mood, edge.move.mood))
        elif child not in edges:
            enter(child)
    return Graph(scenario, tuple(order), edges, frozenset(reached), tuple(loops), tuple(out),
                 tuple(missing))


@dataclass(frozen=True)
class Tally:
    """Over the paths from one state: how many, the best and worst raw score, a best path."""

    paths: int
    best: int
    worst: int
    best_path: tuple[int, ...]

    def after(self, choice: int, reply_points: int) -> Tally:
        """The same paths, seen from one reply earlier."""
        return Tally(self.paths, self.best + reply_points, self.worst + reply_points,
                     (choice, *self.best_path))


@dataclass(frozen=True)
class Summary:
    paths: int
    best: int
    worst: int
    best_path: tuple[int, ...]
    """Choice indexes of a best-scoring path, from the start."""


def _tally(graph: Graph, state: State, known: Mapping[State, Tally]) -> Tally:
    sc, options = graph.scenario, []
    node = sc.node(state.node)
    assert node is not None
    for e in graph.edges[state]:
        if e.ends:
            end = sc.ending(e.move.target)
            score = end.score if end else 0
            below = Tally(1, score, score, ())
        else:
            below = known[State(e.move.target, e.move.mood)]
        options.append(below.after(e.choice, points(node.choices[e.choice])))
    best = max(options, key=lambda t: t.best)
    return Tally(sum(t.paths for t in options), best.best, min(t.worst for t in options),
                 best.best_path)


def summarise(graph: Graph) -> Summary:
    """Number of paths, best and worst score, and one best path. Needs a sound graph."""
    if not graph.sound:
        raise ValueError("情景含有无尽循环或情绪越界,无法统计路径")
    known: dict[State, Tally] = {}
    for state in graph.order:  # children first: every child is already known
        known[state] = _tally(graph, state, known)
    top = known[State(graph.scenario.start, graph.scenario.mood_start)]
    return Summary(top.paths, path_score(top.best, 0), path_score(top.worst, 0), top.best_path)


@dataclass(frozen=True)
class Path:
    choices: tuple[int, ...]
    ending: str
    forced: bool
    score: int


def enumerate_paths(scenario: Scenario, limit: int = 100_000) -> Iterator[Path]:
    """Every path from the start, one by one (for tests and small scenarios)."""
    stack: list[tuple[State, tuple[int, ...], int]] = [
        (State(scenario.start, scenario.mood_start), (), 0)]
    produced = 0
    while stack and produced < limit:
        state, done, total = stack.pop()
        for e in reversed(_edges(scenario, state).edges):
            here = total + points(choice_at(scenario, state.node, e.choice))
            if e.ends:
                end = scenario.ending(e.move.target)
                produced += 1
                yield Path((*done, e.choice), e.move.target, e.move.forced,
                           path_score((end.score if end else 0) + here, 0))
            else:
                stack.append((State(e.move.target, e.move.mood), (*done, e.choice), here))
