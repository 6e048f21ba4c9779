"""What a meeting write says, checked before anything is stored. Pure functions.

Translated attributes arrive as Decidim's write API sends them (JSON): either a localized object
``{"fr": "...", "en": "..."}`` or a plain string in the input's ``locale``. Errors name the input field
as the client wrote it (``attributes.startTime``) and are all reported at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from models.meetings import IframeEmbedType, MeetingType
from resolvers.errors import BadUserInput

if TYPE_CHECKING:
    from datetime import datetime

TITLE_MAX = 150
TEXT_MAX = 10_000
ADDRESS_MAX = 1024
URL_MAX = 2048

# Attributes an update may change; each is a column of ``models.Meeting``.
CONTENT_FIELDS = (
    "title",
    "description",
    "location",
    "location_hints",
    "start_time",
    "end_time",
    "type_of_meeting",
    "address",
    "latitude",
    "longitude",
    "online_meeting_url",
    "iframe_embed_type",
    "registrations_enabled",
    "registration_terms",
    "available_slots",
    "reserved_slots",
    "private_meeting",
    "transparent",
    "category_id",
    "scope_id",
)
TRANSLATED = frozenset({"title", "description", "location", "location_hints", "registration_terms"})
# snake_case attribute -> the GraphQL name errors use
GRAPHQL_NAMES = {
    "title": "title",
    "description": "description",
    "location": "location",
    "location_hints": "locationHints",
    "start_time": "startTime",
    "end_time": "endTime",
    "type_of_meeting": "typeOfMeeting",
    "address": "address",
    "latitude": "latitude",
    "longitude": "longitude",
    "online_meeting_url": "onlineMeetingUrl",
    "iframe_embed_type": "iframeEmbedType",
    "registrations_enabled": "registrationsEnabled",
    "registration_terms": "registrationTerms",
    "available_slots": "availableSlots",
    "reserved_slots": "reservedSlots",
    "private_meeting": "privateMeeting",
    "transparent": "transparent",
    "category_id": "categoryId",
    "scope_id": "scopeId",
    "closing_report": "closingReport",
    "attendees_count": "attendeesCount",
    "contributions_count": "contributionsCount",
    "attending_organizations": "attendingOrganizations",
    "video_url": "videoUrl",
    "audio_url": "audioUrl",
    "proposals": "proposals",
}


def _name(attr: str) -> str:
    return f"attributes.{GRAPHQL_NAMES[attr]}"


def _raise(errors: Mapping[str, str], what: str = "meeting") -> None:
    if errors:
        msg = f"Invalid {what}: " + "; ".join(f"{k}: {v}" for k, v in errors.items())
        raise BadUserInput(msg, fields=errors)


def translations(value: Any, *, attr: str, locale: str, available: list[str], errors: dict[str, str]) -> dict[str, str]:
    """A JSON value as stored translations; a plain string is the text in ``locale``."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {locale: value.strip()} if value.strip() else {}
    if not isinstance(value, dict) or not all(isinstance(v, str | None) for v in value.values()):
        errors[_name(attr)] = 'a text, or an object of texts by locale such as {"fr": "..."}'
        return {}
    unknown = sorted(k for k in value if k not in available)
    if unknown:
        errors[_name(attr)] = f"unknown locale {unknown[0]!r}: use one of {', '.join(available)}"
        return {}
    return {k: v.strip() for k, v in value.items() if isinstance(v, str) and v.strip()}


@dataclass(frozen=True, slots=True)
class MeetingInput:
    """``MeetingAttributes`` as the data layer sees them: the given attributes, already typed.

    ``values`` holds only what the client sent (an update changes only those; null clears).
    """

    values: Mapping[str, Any] = field(default_factory=dict)

    @property
    def provided(self) -> frozenset[str]:
        return frozenset(self.values)


def web_url(value: str | None) -> bool:
    if value is None:
        return True
    parts = urlsplit(value)
    return len(value) <= URL_MAX and parts.scheme in {"http", "https"} and bool(parts.netloc)


def _check_texts(values: Mapping[str, Any], errors: dict[str, str]) -> None:
    for attr in ("title", "description"):
        if not values.get(attr):
            errors[_name(attr)] = "required, in at least one locale"
    for attr in TRANSLATED:
        limit = TITLE_MAX if attr == "title" else TEXT_MAX
        if any(len(text) > limit for text in (values.get(attr) or {}).values()):
            errors.setdefault(_name(attr), f"at most {limit} characters in each locale")


def _check_when(values: Mapping[str, Any], errors: dict[str, str]) -> None:
    start: datetime | None = values.get("start_time")
    end: datetime | None = values.get("end_time")
    for attr, moment in (("start_time", start), ("end_time", end)):
        if moment is None:
            errors[_name(attr)] = "required"
        elif moment.tzinfo is None:
            errors[_name(attr)] = "give a time zone offset (ISO 8601)"
    if start is not None and end is not None and start.tzinfo and end.tzinfo and end <= start:
        errors[_name("end_time")] = "must be after startTime"


def _check_where(values: Mapping[str, Any], errors: dict[str, str]) -> None:
    kind = values.get("type_of_meeting")
    if kind not in {t.value for t in MeetingType}:
        errors[_name("type_of_meeting")] = "in_person, online or hybrid"
    address = values.get("address")
    if kind in {MeetingType.IN_PERSON, MeetingType.HYBRID} and not (address or "").strip():
        errors[_name("address")] = "required for a meeting that takes place somewhere"
    if address is not None and len(address) > ADDRESS_MAX:
        errors[_name("address")] = f"at most {ADDRESS_MAX} characters"
    url = values.get("online_meeting_url")
    if kind in {MeetingType.ONLINE, MeetingType.HYBRID} and not url:
        errors[_name("online_meeting_url")] = "required for a meeting that takes place online"
    elif not web_url(url):
        errors[_name("online_meeting_url")] = "an http(s) URL"
    embed = values.get("iframe_embed_type")
    if embed is not None and embed not in {t.value for t in IframeEmbedType}:
        errors[_name("iframe_embed_type")] = ", ".join(t.value for t in IframeEmbedType)
    latitude, longitude = values.get("latitude"), values.get("longitude")
    if (latitude is None) != (longitude is None):
        errors[_name("latitude")] = "give both latitude and longitude, or neither"
    if latitude is not None and not -90 <= latitude <= 90:
        errors.setdefault(_name("latitude"), "must be between -90 and 90")
    if longitude is not None and not -180 <= longitude <= 180:
        errors.setdefault(_name("longitude"), "must be between -180 and 180")


def _check_slots(values: Mapping[str, Any], errors: dict[str, str], *, registrations: int) -> None:
    available = values.get("available_slots") or 0
    reserved = values.get("reserved_slots") or 0
    if available < 0:
        errors[_name("available_slots")] = "0 (no limit) or more"
    if reserved < 0:
        errors[_name("reserved_slots")] = "0 or more"
    if available > 0 and reserved + registrations > available:
        # Lowering the limit below the seats already given would break the registrations_count invariant.
        needed = f"reservedSlots plus the registrations already made ({reserved + registrations})"
        errors.setdefault(_name("available_slots"), f"0 (no limit) or at least {needed}")


def check(values: Mapping[str, Any], *, registrations: int = 0) -> None:
    """The meeting a write would leave behind (current values merged with the input) is a valid one."""
    errors: dict[str, str] = {}
    _check_texts(values, errors)
    _check_when(values, errors)
    _check_where(values, errors)
    _check_slots(values, errors, registrations=registrations)
    _raise(errors)


@dataclass(frozen=True, slots=True)
class ClosingInput:
    """``CloseMeetingAttributes``: the report and what the meeting produced."""

    closing_report: dict[str, str]
    attendees_count: int | None = None
    contributions_count: int | None = None
    attending_organizations: str | None = None
    video_url: str | None = None
    audio_url: str | None = None
    proposal_ids: tuple[int, ...] | None = None
    closing_visible: bool = True


def check_closing(data: ClosingInput) -> None:
    errors: dict[str, str] = {}
    if not data.closing_report:
        errors[_name("closing_report")] = "required, in at least one locale"
    elif any(len(text) > TEXT_MAX for text in data.closing_report.values()):
        errors[_name("closing_report")] = f"at most {TEXT_MAX} characters in each locale"
    for attr in ("attendees_count", "contributions_count"):
        value = getattr(data, attr)
        if value is not None and value < 0:
            errors[_name(attr)] = "0 or more"
    if data.attending_organizations is not None and len(data.attending_organizations) > TEXT_MAX:
        errors[_name("attending_organizations")] = f"at most {TEXT_MAX} characters"
    for attr in ("video_url", "audio_url"):
        if not web_url(getattr(data, attr)):
            errors[_name(attr)] = "an http(s) URL"
    _raise(errors, "closing")
