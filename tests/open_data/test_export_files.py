"""``app.open_data.export``: the ZIP's layout, the README, CSV and JSON Lines round trips, the guards.

Exports run against the test database with the application's engine, into a throwaway directory.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from app.open_data import export, read_manifest
from app.open_data.formatting import guard_formula
from app.settings import OpenDataSettings
from resolvers.open_data.entities import OPEN_DATA_ENTITIES, PROCESSES
from tests.builders import NOW, tr

if TYPE_CHECKING:
    from collections.abc import Callable

    import models
    from app.open_data import Manifest
    from tests.builders import Make

HOST = "participa.test"
# Most tests read the processes file only, so that they do not depend on every entity of the registry.
ONLY = (PROCESSES,)


@pytest.fixture
def od_settings(tmp_path: Path) -> OpenDataSettings:
    return OpenDataSettings(directory=str(tmp_path / "open-data"))


def files_of(settings: OpenDataSettings, manifest: Manifest) -> Path:
    return Path(settings.directory) / str(manifest.organization_id) / manifest.generation


def read_csv(raw: bytes, separator: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(raw.decode("utf-8"), newline=""), delimiter=separator))


def read_jsonl(raw: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in raw.decode("utf-8").splitlines()]


async def test_zip_holds_the_readme_and_a_csv_and_jsonl_per_entity_named_like_decidim(
    app: Any, make: Make, od_settings: OpenDataSettings
) -> None:
    process = await make.process()
    org = await make.org(None)
    outcome = await export(app.state.engine, org, od_settings)
    assert outcome.generated
    manifest = outcome.manifest
    directory = files_of(od_settings, manifest)
    expected = ["README.md"]
    for entity in OPEN_DATA_ENTITIES:
        expected += [f"{HOST}-open-data-{entity.name}.csv", f"{HOST}-open-data-{entity.name}.jsonl"]
    with zipfile.ZipFile(directory / f"{HOST}-open-data.zip") as archive:
        assert archive.namelist() == expected
        assert archive.testzip() is None
        # The standalone files served at /open-data/<entity>.csv are byte for byte the archive's.
        for name in expected:
            assert archive.read(name) == (directory / name).read_bytes(), name
    assert sorted(p.name for p in directory.iterdir()) == sorted([*expected, f"{HOST}-open-data.zip"])
    assert manifest.csv["participatory_processes"].rows == 1
    assert read_jsonl((directory / f"{HOST}-open-data-participatory_processes.jsonl").read_bytes())[0]["id"] == (
        process.id
    )
    # The manifest read back from disk is the one returned.
    assert read_manifest(Path(od_settings.directory) / str(org.id)) == manifest


async def test_readme_documents_every_column_of_every_entity_and_both_licences(
    app: Any, make: Make, od_settings: OpenDataSettings
) -> None:
    org = await make.organization(host="ville.test", available_locales=["fr", "en", "ca"])
    manifest = (await export(app.state.engine, org, od_settings)).manifest
    readme = (files_of(od_settings, manifest) / "README.md").read_text(encoding="utf-8")
    for entity in OPEN_DATA_ENTITIES:
        assert f"### {entity.name}\n" in readme
        assert f"`ville.test-open-data-{entity.name}.csv`" in readme
        for header in entity.headers(("fr", "en", "ca")):
            assert f"`{header}`" in readme, header
    assert "[Open Database License (ODbL) 1.0](https://opendatacommons.org/licenses/odbl/1-0/)" in readme
    assert (
        "[Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)]"
        "(https://creativecommons.org/licenses/by-sa/4.0/)" in readme
    )
    assert "apostrophe" in readme


async def test_licences_are_configurable(app: Any, make: Make, tmp_path: Path) -> None:
    settings = OpenDataSettings(
        directory=str(tmp_path),
        contents_licence="Licence Ouverte 2.0",
        contents_licence_url="https://etalab.gouv.fr/lo",
    )
    manifest = (await export(app.state.engine, await make.organization(), settings, entities=ONLY)).manifest
    assert "[Licence Ouverte 2.0](https://etalab.gouv.fr/lo)" in (files_of(settings, manifest) / "README.md").read_text(
        encoding="utf-8"
    )


async def _public_private_and_foreign_processes(make: Make) -> tuple[models.Organization, list[Any]]:
    org = await make.org(None)
    first = await make.process(
        slug="loire",
        reference="LA-2026-1",
        title={"fr": "La Loire, ensemble", "en": "The Loire, together", "machine_translations": {"de": "Die Loire"}},
        subtitle={"fr": "Concertation", "en": ""},
        short_description=tr("<p>Résumé, avec une virgule</p>"),
        description={"fr": 'Ligne 1\nLigne 2 "citée"'},
        start_date=date(2026, 1, 1),
        end_date=date(2026, 12, 31),
        published_at=datetime(2026, 1, 15, 10, 0, 0, tzinfo=UTC),
    )
    second = await make.process(slug="mer", title={"fr": "La mer"}, published_at=NOW)
    # Never exported: unpublished, private, or another organization's.
    await make.process(slug="brouillon", published_at=None)
    await make.process(slug="prive", private_space=True)
    await make.process(slug="ailleurs", organization=await make.organization(host="ailleurs.test"))
    return org, [first, second]


async def test_csv_round_trips_the_public_processes_with_translations_flattened_per_locale(
    app: Any, make: Make, od_settings: OpenDataSettings
) -> None:
    org, (first, second) = await _public_private_and_foreign_processes(make)
    manifest = (await export(app.state.engine, org, od_settings, entities=ONLY)).manifest
    raw = (files_of(od_settings, manifest) / f"{HOST}-open-data-participatory_processes.csv").read_bytes()
    assert raw.startswith(b"id,slug,reference,title/fr,title/en,subtitle/fr,subtitle/en,")
    assert raw.endswith(b"\r\n")
    assert read_csv(raw) == [
        [
            "id",
            "slug",
            "reference",
            "title/fr",
            "title/en",
            "subtitle/fr",
            "subtitle/en",
            "short_description/fr",
            "short_description/en",
            "description/fr",
            "description/en",
            "start_date",
            "end_date",
            "scope_id",
            "area_id",
            "process_group_id",
            "published_at",
        ],
        [
            str(first.id),
            "loire",
            "LA-2026-1",
            "La Loire, ensemble",
            "The Loire, together",
            "Concertation",
            "",
            "<p>Résumé, avec une virgule</p>",
            "<p>Résumé, avec une virgule</p> (en)",
            'Ligne 1\nLigne 2 "citée"',
            "",
            "2026-01-01",
            "2026-12-31",
            "",
            "",
            "",
            "2026-01-15T10:00:00Z",
        ],
        [str(second.id), "mer", "", "La mer", "", "", "", "", "", "", "", "", "", "", "", "", "2026-01-15T10:00:00Z"],
    ]
    assert manifest.csv["participatory_processes"].rows == 2


async def test_jsonl_keeps_types_and_translations_as_objects(
    app: Any, make: Make, od_settings: OpenDataSettings
) -> None:
    org, (first, second) = await _public_private_and_foreign_processes(make)
    manifest = (await export(app.state.engine, org, od_settings, entities=ONLY)).manifest
    raw = (files_of(od_settings, manifest) / f"{HOST}-open-data-participatory_processes.jsonl").read_bytes()
    assert read_jsonl(raw) == [
        {
            "id": first.id,
            "slug": "loire",
            "reference": "LA-2026-1",
            "title": {"fr": "La Loire, ensemble", "en": "The Loire, together"},
            "subtitle": {"fr": "Concertation", "en": None},
            "short_description": {
                "fr": "<p>Résumé, avec une virgule</p>",
                "en": "<p>Résumé, avec une virgule</p> (en)",
            },
            "description": {"fr": 'Ligne 1\nLigne 2 "citée"', "en": None},
            "start_date": "2026-01-01",
            "end_date": "2026-12-31",
            "scope_id": None,
            "area_id": None,
            "process_group_id": None,
            "published_at": "2026-01-15T10:00:00Z",
        },
        {
            "id": second.id,
            "slug": "mer",
            "reference": None,
            "title": {"fr": "La mer", "en": None},
            "subtitle": {"fr": None, "en": None},
            "short_description": {"fr": None, "en": None},
            "description": {"fr": None, "en": None},
            "start_date": None,
            "end_date": None,
            "scope_id": None,
            "area_id": None,
            "process_group_id": None,
            "published_at": "2026-01-15T10:00:00Z",
        },
    ]
    assert manifest.jsonl["participatory_processes"].rows == 2


async def test_text_cells_that_a_spreadsheet_would_run_get_an_apostrophe_but_numbers_do_not(
    app: Any, make: Make, od_settings: OpenDataSettings
) -> None:
    org = await make.org(None)
    process = await make.process(
        slug="formules",
        reference="-3",
        title={"fr": '=HYPERLINK("http://evil.test","clic")', "en": "@SUM(A1:A2)"},
        subtitle={"fr": "+33 2 40 00 00 00", "en": "-2+3"},
        short_description={"fr": "\tcmd", "en": "a = b"},
    )
    manifest = (await export(app.state.engine, org, od_settings, entities=ONLY)).manifest
    directory = files_of(od_settings, manifest)
    header, row = read_csv((directory / f"{HOST}-open-data-participatory_processes.csv").read_bytes())
    cells = dict(zip(header, row, strict=True))
    assert {k: cells[k] for k in ("id", "reference", "title/fr", "title/en", "subtitle/fr", "subtitle/en")} == {
        "id": str(process.id),
        "reference": "-3",  # a plain number, even as text, cannot be a formula
        "title/fr": '\'=HYPERLINK("http://evil.test","clic")',
        "title/en": "'@SUM(A1:A2)",
        "subtitle/fr": "'+33 2 40 00 00 00",
        "subtitle/en": "'-2+3",
    }
    assert (cells["short_description/fr"], cells["short_description/en"]) == ("'\tcmd", "a = b")
    # JSON Lines hold the exact text.
    (line,) = read_jsonl((directory / f"{HOST}-open-data-participatory_processes.jsonl").read_bytes())
    assert line["title"] == {"fr": '=HYPERLINK("http://evil.test","clic")', "en": "@SUM(A1:A2)"}
    assert line["reference"] == "-3"


@pytest.mark.parametrize(
    ("text", "guarded"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "+1"),
        ("-3", "-3"),
        ("-3.5e2", "-3.5e2"),
        ("-", "'-"),
        ("@x", "'@x"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_formula_guard_table(text: str, guarded: str) -> None:
    assert guard_formula(text) == guarded


async def test_separator_is_configurable(app: Any, make: Make, tmp_path: Path) -> None:
    org = await make.org(None)
    process = await make.process(slug="point-virgule", title={"fr": "Un; deux", "en": "One, two"})
    settings = OpenDataSettings(directory=str(tmp_path), separator=";")
    manifest = (await export(app.state.engine, org, settings, entities=ONLY)).manifest
    raw = (files_of(settings, manifest) / f"{HOST}-open-data-participatory_processes.csv").read_bytes()
    assert raw.startswith(b"id;slug;reference;title/fr;title/en;")
    _, row = read_csv(raw, ";")
    assert (row[0], row[3], row[4]) == (str(process.id), "Un; deux", "One, two")
    assert f'{process.id};point-virgule;;"Un; deux";One, two;'.encode() in raw


async def test_export_reads_each_entity_with_one_statement_whatever_the_number_of_rows(
    app: Any, make: Make, tmp_path: Path, count_queries: Callable[..., Any]
) -> None:
    org = await make.org(None)
    # Batches of two rows: several round trips of the cursor, still one statement per entity.
    settings = OpenDataSettings(directory=str(tmp_path), batch_rows=2)
    await make.process()
    with count_queries() as few:
        small = (await export(app.state.engine, org, settings, entities=ONLY)).manifest
    for _ in range(6):
        await make.process()
    with count_queries() as many:
        large = (await export(app.state.engine, org, settings, entities=ONLY)).manifest
    assert (small.csv["participatory_processes"].rows, large.csv["participatory_processes"].rows) == (1, 7)
    # The advisory lock, then one statement per entity.
    assert few.count == many.count == 2, many.statements


async def test_a_new_generation_replaces_the_files_and_the_one_before_last_is_removed(
    app: Any, make: Make, od_settings: OpenDataSettings
) -> None:
    org = await make.org(None)
    first = (await export(app.state.engine, org, od_settings, entities=ONLY)).manifest
    second = (await export(app.state.engine, org, od_settings, entities=ONLY)).manifest
    third = (await export(app.state.engine, org, od_settings, entities=ONLY)).manifest
    root = Path(od_settings.directory) / str(org.id)
    # The previous generation stays for requests that read the old manifest a moment before.
    assert sorted(p.name for p in root.iterdir()) == sorted(["manifest.json", second.generation, third.generation])
    assert first.generation not in {second.generation, third.generation}
    assert read_manifest(root) == third


async def test_only_if_stale_keeps_fresh_files(app: Any, make: Make, od_settings: OpenDataSettings) -> None:
    org = await make.org(None)
    first = await export(app.state.engine, org, od_settings, entities=ONLY, only_if_stale=True)
    again = await export(app.state.engine, org, od_settings, entities=ONLY, only_if_stale=True)
    assert (first.generated, again.generated) == (True, False)
    assert again.manifest == first.manifest
    # A change of shape (here the separator) makes the files stale whatever their age.
    other = od_settings.model_copy(update={"separator": ";"})
    assert (await export(app.state.engine, org, other, entities=ONLY, only_if_stale=True)).generated


def test_processes_entity_is_in_the_registry() -> None:
    # The tests above read this entity's columns; the registry may hold more.
    assert PROCESSES in OPEN_DATA_ENTITIES


async def test_nothing_private_hidden_unpublished_or_personal_reaches_any_file(
    app: Any, make: Make, od_settings: OpenDataSettings
) -> None:
    org = await make.org(None)
    author = await make.user(email="secret.person@example.org", nickname="public_nick")
    component = await make.component()
    await make.proposal(component=component, author=author, title=tr("PUBLIC-TEXT"))
    await make.proposal(component=component, author=author, title=tr("HIDDEN-TEXT"), hidden_at=NOW)
    await make.proposal(component=component, author=author, title=tr("DRAFT-TEXT"), published_at=None)
    private = await make.component(space=await make.process(private_space=True, title=tr("PRIVATE-SPACE")))
    await make.proposal(component=private, author=author, title=tr("PRIVATE-TEXT"))
    unpublished = await make.component(space=await make.process(title=tr("PUBLIC-SPACE")), published_at=None)
    await make.proposal(component=unpublished, author=author, title=tr("UNPUBLISHED-COMPONENT-TEXT"))
    await make.process(title=tr("UNPUBLISHED-PROCESS"), published_at=None)
    await make.process(organization=await make.organization(host="ailleurs.test"), title=tr("FOREIGN-TEXT"))
    manifest = (await export(app.state.engine, org, od_settings)).manifest
    with zipfile.ZipFile(files_of(od_settings, manifest) / f"{HOST}-open-data.zip") as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist() if name != "README.md")
    assert b"PUBLIC-SPACE" in everything
    for secret in (
        b"secret.person@example.org",
        b"HIDDEN-TEXT",
        b"DRAFT-TEXT",
        b"PRIVATE-SPACE",
        b"PRIVATE-TEXT",
        b"UNPUBLISHED-COMPONENT-TEXT",
        b"UNPUBLISHED-PROCESS",
        b"FOREIGN-TEXT",
        b"encrypted_password",
    ):
        assert secret not in everything, secret
    if any(entity.name == "proposals" for entity in OPEN_DATA_ENTITIES):
        assert b"PUBLIC-TEXT" in everything
