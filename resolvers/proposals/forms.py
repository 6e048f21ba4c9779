"""What a participant writes in a proposal, checked before anything is stored. Pure functions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from resolvers.errors import BadUserInput

if TYPE_CHECKING:
    from resolvers.proposals.policies import Settings

TITLE_MIN, TITLE_MAX = 15, 150
BODY_MIN = 15
ADDRESS_MAX = 1024

OPTIONAL_FIELDS = ("address", "latitude", "longitude", "category_id", "scope_id")


@dataclass(frozen=True, slots=True)
class ProposalInput:
    """``ProposalAttributes`` as the data layer sees them.

    ``provided`` names the optional fields the client sent: an update changes only those (null clears).
    """

    title: str
    body: str
    locale: str
    address: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    category_id: int | None = None
    scope_id: int | None = None
    user_group_id: int | None = None
    publish: bool = False
    provided: frozenset[str] = field(default_factory=frozenset)

    @property
    def clean_title(self) -> str:
        return self.title.strip()

    @property
    def clean_body(self) -> str:
        return self.body.strip()


def _raise(errors: Mapping[str, str]) -> None:
    if errors:
        msg = "Invalid proposal: " + "; ".join(f"{k}: {v}" for k, v in errors.items())
        raise BadUserInput(msg, fields=errors)


def check_shape(data: ProposalInput) -> None:
    """Rules that need no settings: lengths, coordinates. Every problem is reported at once."""
    errors: dict[str, str] = {}
    title = data.clean_title
    if not TITLE_MIN <= len(title) <= TITLE_MAX:
        errors["attributes.title"] = f"must be {TITLE_MIN} to {TITLE_MAX} characters long"
    if len(data.clean_body) < BODY_MIN:
        errors["attributes.body"] = f"must be at least {BODY_MIN} characters long"
    if data.address is not None and len(data.address) > ADDRESS_MAX:
        errors["attributes.address"] = f"must be at most {ADDRESS_MAX} characters long"
    if (data.latitude is None) != (data.longitude is None):
        errors["attributes.latitude"] = "give both latitude and longitude, or neither"
    if data.latitude is not None and not -90 <= data.latitude <= 90:
        errors["attributes.latitude"] = "must be between -90 and 90"
    if data.longitude is not None and not -180 <= data.longitude <= 180:
        errors["attributes.longitude"] = "must be between -180 and 180"
    _raise(errors)


def check_for_component(data: ProposalInput, settings: Settings) -> None:
    """Rules that follow the component's settings: body length, geolocation."""
    errors: dict[str, str] = {}
    limit = int(settings.get("proposal_length", 500))
    if len(data.clean_body) > limit:
        errors["attributes.body"] = f"must be at most {limit} characters long"
    if not settings.get("geocoding_enabled"):
        for name in ("address", "latitude", "longitude"):
            if getattr(data, name) is not None:
                errors[f"attributes.{name}"] = "this component does not locate proposals"
    _raise(errors)
