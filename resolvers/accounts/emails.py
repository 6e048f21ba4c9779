"""The texts of account emails, in the participant's locale (French or English)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    import models

# Paths of the participation site, as Decidim (Devise) names them.
CONFIRMATION_PATH = "/users/confirmation?confirmation_token="
PASSWORD_RESET_PATH = "/users/password/edit?reset_password_token="  # noqa: S105 - a URL path

_TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "confirmation": {
        "fr": (
            "Confirmez votre adresse email sur {org}",
            "Bonjour {name},\n\nPour confirmer votre adresse et participer sur {org}, ouvrez ce lien :\n"
            "{link}\n\nOu saisissez ce code : {token}\n\nSi vous n'avez pas créé de compte, ignorez ce message.\n",
        ),
        "en": (
            "Confirm your email address on {org}",
            "Hello {name},\n\nTo confirm your address and take part on {org}, open this link:\n"
            "{link}\n\nOr enter this code: {token}\n\nIf you did not create an account, ignore this message.\n",
        ),
    },
    "password_reset": {
        "fr": (
            "Réinitialisez votre mot de passe sur {org}",
            "Bonjour {name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien :\n{link}\n\n"
            "Ou saisissez ce code : {token}\n\nSi vous n'avez rien demandé, ignorez ce message : "
            "votre mot de passe reste inchangé.\n",
        ),
        "en": (
            "Reset your password on {org}",
            "Hello {name},\n\nTo choose a new password, open this link:\n{link}\n\n"
            "Or enter this code: {token}\n\nIf you did not ask for this, ignore this message: "
            "your password stays the same.\n",
        ),
    },
}

PATHS = {"confirmation": CONFIRMATION_PATH, "password_reset": PASSWORD_RESET_PATH}


def compose(
    kind: str, *, user: models.User, organization: models.Organization, token: str, scheme: str
) -> tuple[str, str]:
    """``(subject, body)`` of a ``kind`` email carrying ``token``."""
    locale = user.locale or organization.default_locale
    subject, body = _TEXTS[kind].get(locale) or _TEXTS[kind]["en"]
    names = organization.name or {}
    org = str(names.get(locale) or names.get(organization.default_locale) or organization.host)
    link = f"{scheme}://{organization.host}{PATHS[kind]}{quote(token)}"
    values = {"org": org, "name": user.name or user.nickname, "link": link, "token": token}
    return subject.format(**values), body.format(**values)
