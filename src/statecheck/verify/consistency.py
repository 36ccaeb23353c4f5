"""Consistency inside one document: a part cannot exceed its whole on the same date.

``killed_children ≤ killed``, ``killed_children + killed_women ≤ killed`` (children and women
are counted apart in every record we use), and the like, for claims of the same place, date
and scope. A violation does not change a verdict (the record may still agree with each figure
alone); it adds a note to each claim concerned.

Bounds are respected: "more than 20,000 killed" has no upper end, so no part can exceed it;
a part's lower end and the whole's upper end are compared.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from statecheck.model import Claim

#: The whole, and the parts of it that a document may give (each must not exceed the whole).
PARTS: dict[str, tuple[str, ...]] = {
    "killed": (
        "killed_children", "killed_women", "killed_medical", "killed_press", "killed_civil_defence",
        "killed_aid", "killed_starvation", "killed_aid_seekers",
    ),
    "injured": ("injured_children",),
    "missing": ("missing_children",),
}

#: Parts that never overlap, so their sum must not exceed the whole either.
DISJOINT: dict[str, tuple[tuple[str, ...], ...]] = {
    "killed": (("killed_children", "killed_women"),),
}

COUNTABLE_SCOPES = ("total", "static", "period")

# Every metric that can be compared with a whole: its parts, alone or in a disjoint group.
_COMPARED: dict[str, frozenset[str]] = {
    whole: frozenset(parts).union(*DISJOINT.get(whole, ())) for whole, parts in PARTS.items()
}


def lower_end(claim: Claim) -> float:
    """The least the claim allows: 0 when it only caps the number (under, up to)."""
    if claim.bound in ("under", "up_to"):
        return 0.0
    if claim.bound == "about":
        return claim.value * 0.9
    if claim.bound == "nearly":
        return claim.value * 0.9
    return claim.value


def upper_end(claim: Claim) -> float:
    """The most the claim allows: unbounded for over and at least."""
    if claim.bound in ("over", "at_least"):
        return math.inf
    top = claim.value_max if claim.value_max is not None else claim.value
    if claim.bound == "about":
        return top * 1.1
    return top


def _key(claim: Claim) -> tuple[object, ...]:
    return (claim.place, claim.as_of, claim.scope, claim.period, claim.unit)


def check_parts(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """The claims with a note added to each part and whole that cannot both hold."""
    notes: dict[int, list[str]] = {}
    counted = [
        (index, claim) for index, claim in enumerate(claims)
        if claim.unit == "people" and claim.scope in COUNTABLE_SCOPES
    ]
    # Claims of the same place, date, scope, period and unit, by metric, in document order: a
    # whole looks only at the metrics that can be its parts (not at every claim: quadratic).
    groups: dict[tuple[object, ...], dict[str, list[tuple[int, Claim]]]] = {}
    for index, claim in counted:
        groups.setdefault(_key(claim), {}).setdefault(claim.metric, []).append((index, claim))
    for w_index, whole in counted:
        if whole.metric not in PARTS:
            continue
        by_metric = groups[_key(whole)]
        if _COMPARED[whole.metric].isdisjoint(by_metric):
            continue  # most wholes: no part claimed for the same place and date
        where = f"{whole.place or 'everywhere'}, {whole.as_of or 'undated'}"
        parts = sorted(
            (item for metric in set(PARTS[whole.metric]) for item in by_metric.get(metric, ()) if item[0] != w_index),
            key=lambda item: item[0],
        )
        for p_index, part in parts:
            if lower_end(part) > upper_end(whole):
                note = (
                    f"part exceeds the whole: {part.metric} {_num(part.value)} > {whole.metric} "
                    f"{_num(whole.value)} ({where})"
                )
                notes.setdefault(p_index, []).append(note)
                notes.setdefault(w_index, []).append(note)
        for group in DISJOINT.get(whole.metric, ()):
            # One claim per metric (the first) so that a repeated figure is not added twice.
            firsts_list = [
                next((item for item in by_metric.get(metric, ()) if item[0] != w_index), None)
                for metric in dict.fromkeys(group)
            ]
            found = [item for item in firsts_list if item is not None]
            if len(found) < len(firsts_list):
                continue
            firsts = {c.metric: (i, c) for i, c in sorted(found, key=lambda item: item[0])}
            total = sum(lower_end(c) for _, c in firsts.values())
            if total > upper_end(whole) and not any(
                lower_end(c) > upper_end(whole) for _, c in firsts.values()
            ):
                names = " + ".join(f"{c.metric} {_num(c.value)}" for _, c in firsts.values())
                note = f"parts exceed the whole: {names} > {whole.metric} {_num(whole.value)} ({where})"
                for i, _ in firsts.values():
                    notes.setdefault(i, []).append(note)
                notes.setdefault(w_index, []).append(note)
    result = []
    for index, claim in enumerate(claims):
        if index not in notes:
            result.append(claim)
            continue
        added = tuple(n for n in dict.fromkeys(notes.get(index, ())) if n not in claim.notes)
        result.append(claim if not added else replace(claim, notes=claim.notes + added))
    return tuple(result)


def _num(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
