"""``TranslatedField``: per-locale values, machine translations, and the request-locale ``text``."""

from __future__ import annotations

from typing import Any

import pytest

TITLE = "{ participatoryProcesses { title { %s } } }"


def titled(value: Any) -> dict[str, Any]:
    return {"data": {"participatoryProcesses": [{"title": value}]}}


async def test_translation_returns_the_human_text_of_the_locale(make: Any, gql: Any) -> None:
    await make.process(title={"fr": "Mobilités", "en": "Mobility"})

    body = await gql(TITLE % 'fr: translation(locale: "fr") en: translation(locale: "en")')

    assert body == titled({"fr": "Mobilités", "en": "Mobility"})


async def test_translation_is_null_for_a_locale_without_text(make: Any, gql: Any) -> None:
    await make.process(title={"fr": "Mobilités", "en": ""})

    body = await gql(
        TITLE % 'en: translation(locale: "en") de: translation(locale: "de") xx: translation(locale: "xx")'
    )

    assert body == titled({"en": None, "de": None, "xx": None})


async def test_machine_translation_fills_only_locales_without_human_text(make: Any, gql: Any) -> None:
    await make.process(
        title={
            "fr": "Mobilités",
            "en": "",
            "machine_translations": {"fr": "Mobilités (auto)", "en": "Mobility (auto)", "de": "Mobilität"},
        }
    )

    body = await gql(
        TITLE % 'locales fr: translation(locale: "fr") en: translation(locale: "en") de: translation(locale: "de")'
        " translations { locale text machineTranslated }"
    )

    assert body == titled(
        {
            "locales": ["de", "en", "fr"],
            "fr": "Mobilités",
            "en": "Mobility (auto)",
            "de": "Mobilität",
            "translations": [
                {"locale": "de", "text": "Mobilität", "machineTranslated": True},
                {"locale": "en", "text": "Mobility (auto)", "machineTranslated": True},
                {"locale": "fr", "text": "Mobilités", "machineTranslated": False},
            ],
        }
    )


async def test_translations_can_be_restricted_to_some_locales_in_the_order_asked(make: Any, gql: Any) -> None:
    await make.process(title={"fr": "Mobilités", "en": "Mobility", "ca": "Mobilitat"})

    body = await gql(TITLE % 'translations(locales: ["en", "de", "fr"]) { locale text machineTranslated }')

    assert body == titled(
        {
            "translations": [
                {"locale": "en", "text": "Mobility", "machineTranslated": False},
                {"locale": "fr", "text": "Mobilités", "machineTranslated": False},
            ]
        }
    )


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en", "Mobility"),
        ("en-GB,en;q=0.9", "Mobility"),
        ("de;q=1.0, en;q=0.5", "Mobility"),
        ("fr", "Mobilités"),
        ("de", "Mobilités"),
        ("*", "Mobilités"),
    ],
)
async def test_text_follows_accept_language_then_the_organization_default(
    make: Any, gql: Any, accept_language: str, expected: str
) -> None:
    await make.process(title={"fr": "Mobilités", "en": "Mobility"})

    body = await gql(TITLE % "text", headers={"accept-language": accept_language})

    assert body == titled({"text": expected})


async def test_text_without_accept_language_uses_the_organization_default_locale(make: Any, gql: Any) -> None:
    await make.process(title={"fr": "Mobilités", "en": "Mobility"})

    body = await gql(TITLE % "text")

    assert body == titled({"text": "Mobilités"})


async def test_text_falls_back_to_the_default_locale_when_the_asked_one_is_empty(make: Any, gql: Any) -> None:
    await make.process(title={"fr": "Mobilités", "en": ""})

    body = await gql(TITLE % "text", headers={"accept-language": "en"})

    assert body == titled({"text": "Mobilités"})


async def test_text_falls_back_to_any_locale_when_neither_asked_nor_default_has_text(make: Any, gql: Any) -> None:
    await make.process(title={"ca": "Mobilitat", "es": "Movilidad"})

    body = await gql(TITLE % "text", headers={"accept-language": "en"})

    assert body == titled({"text": "Mobilitat"})


async def test_text_prefers_the_requested_locale_machine_translation_over_the_default_locale(
    make: Any, gql: Any
) -> None:
    await make.process(title={"fr": "Mobilités", "machine_translations": {"en": "Mobility (auto)"}})

    body = await gql(TITLE % "text", headers={"accept-language": "en"})

    assert body == titled({"text": "Mobility (auto)"})


async def test_an_empty_translated_value_has_no_text_and_no_locales(make: Any, gql: Any) -> None:
    await make.process(title={})

    body = await gql(TITLE % 'locales translations { locale } translation(locale: "fr") text')

    assert body == titled({"locales": [], "translations": [], "translation": None, "text": None})


async def test_text_uses_the_organization_default_locale_of_an_english_first_organization(make: Any, gql: Any) -> None:
    org = await make.organization(host="english.test", default_locale="en", available_locales=["en", "fr"])
    await make.process(organization=org, title={"fr": "Mobilités", "en": "Mobility"})

    body = await gql(TITLE % "text", host="english.test")

    assert body == titled({"text": "Mobility"})
