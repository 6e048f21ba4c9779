"""Every request builds every loader, so building them must not build SQL.

A loader's statement (visibility clauses and all) is built when one of its batches runs. Building
them all eagerly once cost ~80 ms of Python per request, which 200 concurrent supports paid in full.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

import resolvers.visibility
from resolvers.loaders import Loaders
from resolvers.loading import LoaderEnv
from resolvers.viewer import Viewer
from resolvers.visibility import Scope

VISIBILITY = str(Path(resolvers.visibility.__file__).resolve())


async def test_building_the_loaders_of_a_request_evaluates_no_visibility_rule() -> None:
    called: list[str] = []

    def watch(frame: FrameType, event: str, _arg: Any) -> None:
        if event == "call" and str(Path(frame.f_code.co_filename).resolve()) == VISIBILITY:
            called.append(frame.f_code.co_name)

    env = LoaderEnv(sessionmaker=None, scope=Scope(organization_id=1, viewer=Viewer(user_id=2)))  # type: ignore[arg-type]
    sys.setprofile(watch)
    try:
        Loaders.build(env)
    finally:
        sys.setprofile(None)

    assert called == []
