"""A seed plan: the rows to write, built in memory before any id exists.

Rows point at each other with :class:`Ref` placeholders; the writer turns them into ids drawn
from the global sequence. Keeping the plan free of database access makes it deterministic
(same seed, same rows, same order) and lets the writer decide what already exists.

Rows are grouped in *units*. A unit's root has a natural key (a process's slug, a participant's
nickname, a commune's INSEE code...); when a root already exists the whole unit is skipped and
its ``Ref`` is bound to the existing id, which is how a re-run adds nothing and a larger
``--scale`` only tops up. Rows that join two units (memberships, links) form no unit: the writer
skips them when the same pair is already stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import SQLModel

import models


@dataclass(frozen=True, slots=True)
class Ref:
    """The future id of a planned row."""

    n: int


@dataclass(frozen=True, slots=True)
class IdText:
    """A string that embeds ids known only at write time, e.g. ``LA-PROC-2018-03-{}``."""

    template: str
    refs: tuple[Ref, ...]


@dataclass(frozen=True, slots=True)
class KeyPart:
    """One column of a natural key; ``sub`` reads one locale of a translated column."""

    column: str
    sub: str | None = None

    def of(self, values: dict[str, Any]) -> Any:
        value = values[self.column]
        return value[self.sub] if self.sub is not None else value


# Natural keys of unit roots, inside one organization (the organization itself: its host).
NATURAL_KEYS: dict[type[SQLModel], tuple[KeyPart, ...]] = {
    models.Organization: (KeyPart("host"),),
    models.ScopeType: (KeyPart("name", "fr"),),
    models.Scope: (KeyPart("code"),),
    models.AreaType: (KeyPart("name", "fr"),),
    models.Area: (KeyPart("name", "fr"),),
    models.ParticipatoryProcessType: (KeyPart("title", "fr"),),
    models.ParticipatoryProcessGroup: (KeyPart("title", "fr"),),
    models.ParticipatoryProcess: (KeyPart("slug"),),
    models.AssembliesType: (KeyPart("title", "fr"),),
    models.Assembly: (KeyPart("slug"),),
    models.User: (KeyPart("nickname"),),
}

# Rows joining two units are identified by these columns once their refs are resolved.
PAIR_KEYS: dict[type[SQLModel], tuple[str, ...]] = {
    models.UserGroupMembership: ("user_id", "user_group_id"),
    models.SpacePrivateUser: ("space_kind", "space_id", "user_id"),
    models.SpaceLink: ("from_kind", "from_id", "to_kind", "to_id", "name"),
    models.SpaceRole: ("space_kind", "space_id", "user_id", "role"),
}


@dataclass(slots=True)
class Row:
    model: type[SQLModel]
    ref: Ref
    values: dict[str, Any]
    unit: Ref | None
    """The root this row lives and dies with; ``None`` for pair rows."""

    @property
    def is_root(self) -> bool:
        return self.unit == self.ref

    def natural_key(self) -> tuple[Any, ...]:
        return tuple(part.of(self.values) for part in NATURAL_KEYS[self.model])


@dataclass(slots=True)
class Plan:
    rows: list[Row] = field(default_factory=list)
    organization: Ref | None = None
    default_time: datetime | None = None
    """``created_at`` of rows that do not set one (keeps the seed free of the wall clock)."""
    _count: int = 0

    def _ref(self) -> Ref:
        self._count += 1
        return Ref(self._count - 1)

    def _values(self, model: type[SQLModel], values: dict[str, Any]) -> dict[str, Any]:
        if issubclass(model, models.Tenanted) and "organization_id" not in values:
            if self.organization is None:
                msg = "plan the organization before its rows"
                raise RuntimeError(msg)
            values["organization_id"] = self.organization
        return values

    def root(self, model: type[SQLModel], **values: Any) -> Ref:
        """Plan the root of a unit; ``model`` must have a natural key."""
        if model not in NATURAL_KEYS:
            msg = f"{model.__name__} has no natural key and cannot root a unit"
            raise TypeError(msg)
        ref = self._ref()
        if model is models.Organization:
            self.organization = ref
        self.rows.append(Row(model, ref, self._values(model, values), ref))
        return ref

    def child(self, model: type[SQLModel], *, of: Ref, **values: Any) -> Ref:
        """Plan a row that exists exactly when the unit rooted at ``of`` does."""
        ref = self._ref()
        self.rows.append(Row(model, ref, self._values(model, values), self._unit_of(of)))
        return ref

    def pair(self, model: type[SQLModel], **values: Any) -> Ref:
        """Plan a row joining two units (membership, link)."""
        if model not in PAIR_KEYS:
            msg = f"{model.__name__} is not a pair table"
            raise TypeError(msg)
        ref = self._ref()
        self.rows.append(Row(model, ref, self._values(model, values), None))
        return ref

    def set(self, ref: Ref, **values: Any) -> None:
        """Complete a planned row, e.g. with a path that names a row planned after it."""
        self.rows[ref.n].values.update(values)

    def _unit_of(self, ref: Ref) -> Ref:
        row = self.rows[ref.n]
        if row.unit is None:
            msg = "a pair row cannot own children"
            raise TypeError(msg)
        return row.unit

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for row in self.rows:
            name = str(row.model.__tablename__)
            out[name] = out.get(name, 0) + 1
        return out
