"""The export streams: its peak Python memory does not depend on the number of rows.

20,000 processes of about 1 KB of text each (20 MB of CSV) are inserted with one
``INSERT ... SELECT generate_series``; exporting them must stay far below what holding them
would take (their decoded rows, several times the text, would be about 60 MB).
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from app.open_data import export
from app.settings import OpenDataSettings
from resolvers.open_data.entities import PROCESSES

if TYPE_CHECKING:
    from tests.builders import Make

ROWS = 20_000
# Measured: about 4 MB (one batch of 1,000 decoded rows and the writers' buffers), the same for
# 2,000 rows as for 20,000; accumulating the rows would pass the bound several times over.
PEAK_BOUND = 10 * 1024 * 1024


async def _insert_processes(app: Any, organization_id: int, rows: int) -> None:
    sql = text(
        """
        INSERT INTO participatory_processes (
            organization_id, slug, title, subtitle, short_description, description,
            promoted, private_space, published_at, scopes_enabled, show_statistics, show_metrics, weight
        )
        SELECT :org, 'process-' || n,
               jsonb_build_object('fr', 'Concertation ' || n || repeat(' titre', 10),
                                  'en', 'Process ' || n || repeat(' title', 10)),
               '{}'::jsonb,
               jsonb_build_object('fr', repeat('résumé ', 15), 'en', repeat('summary ', 15)),
               jsonb_build_object('fr', repeat('<p>Une description.</p>', 12),
                                  'en', repeat('<p>A description.</p>', 12)),
               false, false, now(), true, true, true, 0
        FROM generate_series(1, :rows) AS n
        """
    )
    async with app.state.engine.begin() as conn:
        # Row triggers (the search index's) are not what this test measures and would make the
        # insert take most of its time.
        await conn.execute(text("SET LOCAL session_replication_role = replica"))
        await conn.execute(sql, {"org": organization_id, "rows": rows})


async def test_exporting_20000_rows_keeps_python_memory_bounded(app: Any, make: Make, tmp_path: Path) -> None:
    org = await make.organization(host="grande.test")
    assert org.id is not None
    await _insert_processes(app, org.id, ROWS)
    settings = OpenDataSettings(directory=str(tmp_path))
    tracemalloc.start()
    try:
        outcome = await export(app.state.engine, org, settings, entities=(PROCESSES,))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    csv_file = outcome.manifest.csv["participatory_processes"]
    assert csv_file.rows == ROWS
    # The files really hold the data the bound is compared with.
    assert csv_file.bytes > 18 * 1024 * 1024
    assert peak < PEAK_BOUND, f"peak {peak / 1_048_576:.1f} MB"
