"""Emails are recorded in the outbox with the action that causes them, and delivered after commit."""

from __future__ import annotations

from typing import Any

import pytest

from app.mail import MAX_ATTEMPTS, LogTransport, OutboxDelivery
from tests.accounts.conftest import REGISTER, Emails, registration
from tests.builders import Make


@pytest.mark.usefixtures("unreachable_smtp")
async def test_email_stays_in_the_outbox_when_smtp_is_unreachable(make: Make, gql: Any, emails: Emails) -> None:
    await make.org(None)

    result = await gql(REGISTER, registration())

    assert result == {"data": {"register": {"user": {"nickname": "@alice", "name": "Alice Martin"}}}}
    [email] = await emails()
    assert (email.to_address, email.kind, email.status, email.attempts) == (
        "alice@example.org",
        "confirmation",
        "pending",
        1,
    )
    assert email.sent_at is None
    assert email.last_error is not None
    assert "Connection" in email.last_error


@pytest.mark.usefixtures("unreachable_smtp")
async def test_email_fails_for_good_after_its_last_attempt(make: Make, gql: Any, emails: Emails, app: Any) -> None:
    await make.org(None)
    await gql(REGISTER, registration())

    for _ in range(MAX_ATTEMPTS):
        await app.state.mail_delivery.deliver_pending()

    [email] = await emails()
    assert (email.status, email.attempts) == ("failed", MAX_ATTEMPTS)


async def test_pending_email_is_delivered_by_a_later_run(make: Make, execute: Any, emails: Emails, app: Any) -> None:
    organization = await make.org(None)
    # In-process execution has no mailer: the email waits in the outbox.
    await execute(REGISTER, registration(), organization=organization)
    [pending] = await emails()
    assert pending.status == "pending"

    tried = await OutboxDelivery(app.state.sessionmaker, LogTransport()).deliver_pending()

    [delivered] = await emails()
    assert tried == 1
    assert (delivered.status, delivered.attempts, delivered.last_error) == ("logged", 1, None)
    assert delivered.sent_at is not None


async def test_nothing_is_recorded_when_the_action_fails(make: Make, gql: Any, emails: Emails) -> None:
    await make.user(nickname="alice")

    result = await gql(REGISTER, registration())

    assert result["errors"][0]["extensions"]["code"] == "CONFLICT"
    assert await emails() == []


async def test_email_is_written_in_the_participant_s_locale(make: Make, gql: Any, emails: Emails) -> None:
    await make.org(None)

    await gql(REGISTER, registration(locale="en"))
    await gql(REGISTER, registration(email="bea@example.org", nickname="bea", name="Béa", locale="fr"))

    english, french = await emails()
    assert english.subject.startswith("Confirm your email address on Organization ")
    assert english.body.startswith("Hello Alice Martin,\n")
    assert french.subject.startswith("Confirmez votre adresse email sur Organisation ")
    assert french.body.startswith("Bonjour Béa,\n")
