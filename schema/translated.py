"""Translated values: Decidim's ``TranslatedField`` and friends."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

MACHINE = "machine_translations"


@strawberry.type(description="A text in one locale.")
class LocalizedString:
    locale: str
    text: str | None
    machine_translated: bool = strawberry.field(description="True when a machine produced this text.")


@strawberry.type(description="A text available in several locales.")
class TranslatedField:
    values: strawberry.Private[dict[str, Any]]

    def _merged(self) -> dict[str, tuple[str, bool]]:
        merged: dict[str, tuple[str, bool]] = {}
        machine = self.values.get(MACHINE) or {}
        if isinstance(machine, dict):
            for locale, text in machine.items():
                if text:
                    merged[locale] = (str(text), True)
        for locale, text in self.values.items():
            if locale != MACHINE and text not in (None, ""):
                merged[locale] = (str(text), False)  # human text wins over machine text
        return merged

    @strawberry.field(description="Locales that have a value, machine-translated ones included.")
    def locales(self) -> list[str | None] | None:
        return sorted(self._merged())  # type: ignore[return-value]

    @strawberry.field(description="Values per locale, optionally only for the given locales.")
    def translations(self, locales: list[str] | None = None) -> list[LocalizedString | None]:
        merged = self._merged()
        wanted = sorted(merged) if locales is None else [loc for loc in locales if loc in merged]
        return [LocalizedString(locale=loc, text=merged[loc][0], machine_translated=merged[loc][1]) for loc in wanted]

    @strawberry.field(description="The value in one locale, or null.")
    def translation(self, locale: str) -> str | None:
        found = self._merged().get(locale)
        return found[0] if found else None

    @strawberry.field(
        description="Participa: the value in the request's locale (Accept-Language), falling back to the "
        "organization's default locale, then to any locale."
    )
    def text(self, info: Info) -> str | None:
        merged = self._merged()
        context = info.context
        for locale in (context.locale, context.organization.default_locale):
            if locale in merged:
                return merged[locale][0]
        return merged[min(merged)][0] if merged else None


def translated(values: dict[str, Any] | None) -> TranslatedField:
    return TranslatedField(values=values or {})


def maybe_translated(values: dict[str, Any] | None) -> TranslatedField | None:
    return None if values is None else TranslatedField(values=values)


@strawberry.type(description="A name in its singular and plural forms.")
class QuantifiableTranslatedField:
    single: TranslatedField
    plural: TranslatedField
