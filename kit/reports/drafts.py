"""Drafts in a session: whose draft stands for whom, its final scores, the reviews owed. Pure."""

from __future__ import annotations

from typing import Any

from kit.logic.peer import medians
from kit.reports.data import SessionData


def draft_authors(d: SessionData, activity_id: str) -> dict[int, int]:
    """participant → the author whose draft stands for them: their own, or, for group work,
    the member who saved the group's latest version (as the store's peer allocation does)."""
    latest: dict[tuple[str, int, bool], tuple[int, int]] = {}
    for s in (s for s in d.submissions if s.activity_id == activity_id):
        owner = (s.item_id, s.group_no, True) if s.group_no is not None else (
            s.item_id, s.participant_id, False)
        if owner not in latest or s.version > latest[owner][0]:
            latest[owner] = (s.version, s.participant_id)
    members: dict[int, list[int]] = {}
    for p in d.people:
        if p.group_no is not None:
            members.setdefault(p.group_no, []).append(p.id)
    out: dict[int, int] = {}
    for (_, who, group), (_, author) in sorted(latest.items()):
        for m in (members.get(who, []) if group else [author]):
            out.setdefault(m, author)
    return out


def final_scores(d: SessionData, review_id: str, author: int) -> dict[str, float]:
    """criterion → the instructor's override, else the peers' median."""
    got = [rv.scores for rv in d.reviews.get(review_id, ()) if rv.author == author]
    out = medians(got)
    out.update({c: float(v) for (a, c), v in d.overrides.get(review_id, {}).items()
                if a == author})
    return out


def reviewed_by(d: SessionData, draft_id: str) -> Any:
    """The peer-review activity of a draft activity in this session, if any."""
    return next((r for r in d.activities() if r.kind == "peer_review" and r.of == draft_id),
                None)


def owed(d: SessionData, act: Any, pid: int, authors: dict[int, int]) -> int:
    """Reviews this trainee should give: k, or fewer if fewer drafts were theirs to review.
    ``authors`` is :func:`draft_authors` of the reviewed draft activity."""
    groups = {p.id: p.group_no for p in d.people}
    mine, group = authors.get(pid), groups.get(pid)
    open_to_me = [a for a in set(authors.values()) if a not in (pid, mine)
                  and (group is None or groups.get(a) != group)]
    return min(int(act.reviews_per_reviewer), len(open_to_me))
