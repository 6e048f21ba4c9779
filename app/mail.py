"""Delivering the outbox: SMTP when configured, otherwise the log.

Account mutations record each email in ``outbox_emails`` inside their own transaction and then
hand the row ids to a ``Mailer`` (``resolvers.accounts.outbox.Mailer``). Over HTTP that mailer
delivers after the response is sent, so a slow or unreachable SMTP server neither delays nor
fails the mutation, and delivery time does not tell whether an address has an account. A row
that could not be sent stays ``pending`` (retried by ``deliver_pending``) until it has used its
attempts and becomes ``failed``, with the last error kept.

Tests replace the delivery through ``app.state.mail_delivery``.
"""

from __future__ import annotations

import asyncio
import logging
import smtplib
import ssl
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import select
from sqlmodel import col
from starlette.background import BackgroundTasks
from starlette.responses import Response

import models

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
    from starlette.requests import HTTPConnection

    from app.settings import MailSettings

log = logging.getLogger("participa.mail")

MAX_ATTEMPTS = 5
_ERROR_LENGTH = 1000


class Transport(Protocol):
    status: str
    """The outbox status of a row this transport has handled: ``sent`` or ``logged``."""

    async def send(self, email: models.OutboxEmail) -> None: ...


class LogTransport:
    """Writes emails to the log: development and tests, or a server with no SMTP configured."""

    status = "logged"

    async def send(self, email: models.OutboxEmail) -> None:
        log.info("email %s to %s: %s\n%s", email.id, email.to_address, email.subject, email.body)


class SmtpTransport:
    """Sends with the standard library's SMTP client, in a thread so the event loop keeps serving."""

    status = "sent"

    def __init__(self, settings: MailSettings) -> None:
        self.settings = settings

    async def send(self, email: models.OutboxEmail) -> None:
        await asyncio.to_thread(self._send, self._message(email))

    def _message(self, email: models.OutboxEmail) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self.settings.from_address
        message["To"] = email.to_address
        message["Subject"] = email.subject
        message["Date"] = formatdate(localtime=False)
        message["Message-ID"] = make_msgid(idstring=str(email.id))
        message.set_content(email.body)
        return message

    def _send(self, message: EmailMessage) -> None:
        s = self.settings
        host = s.smtp_host or "localhost"
        context = ssl.create_default_context()
        client: smtplib.SMTP
        if s.smtp_ssl:
            client = smtplib.SMTP_SSL(host, s.smtp_port, timeout=s.smtp_timeout_seconds, context=context)
        else:
            client = smtplib.SMTP(host, s.smtp_port, timeout=s.smtp_timeout_seconds)
        with client:
            if s.smtp_starttls and not s.smtp_ssl:
                client.starttls(context=context)
            if s.smtp_username:
                client.login(s.smtp_username, s.smtp_password or "")
            client.send_message(message)


def transport_for(settings: MailSettings) -> Transport:
    return SmtpTransport(settings) if settings.smtp_host else LogTransport()


class OutboxDelivery:
    """Sends outbox rows, one transaction each; the row lock keeps two workers from sending one twice."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], transport: Transport) -> None:
        self.sessionmaker = sessionmaker
        self.transport = transport

    async def deliver(self, email_ids: Sequence[int]) -> None:
        for email_id in email_ids:
            await self._deliver_one(email_id)

    async def deliver_pending(self, *, limit: int = 100) -> int:
        """Retry what is still pending (for a periodic job); returns how many rows were tried."""
        e = models.OutboxEmail
        async with self.sessionmaker() as session:
            stmt = select(col(e.id)).where(col(e.status) == "pending").order_by(col(e.id)).limit(limit)
            ids = list((await session.scalars(stmt)).all())
        await self.deliver([i for i in ids if i is not None])
        return len(ids)

    async def _deliver_one(self, email_id: int) -> None:
        e = models.OutboxEmail
        async with self.sessionmaker() as session, session.begin():
            stmt = (
                select(e)
                .where(e.id == email_id, e.status == "pending")  # type: ignore[arg-type]
                .with_for_update(skip_locked=True)
            )
            row = (await session.scalars(stmt)).first()
            if row is None:
                return
            row.attempts += 1
            try:
                await self.transport.send(row)
            except Exception as exc:  # noqa: BLE001 - any delivery failure is recorded, never raised
                row.last_error = f"{type(exc).__name__}: {exc}"[:_ERROR_LENGTH]
                row.status = "failed" if row.attempts >= MAX_ATTEMPTS else "pending"
                log.warning("email %s not delivered (attempt %s): %s", row.id, row.attempts, row.last_error)
                return
            row.status = self.transport.status
            row.sent_at = datetime.now(UTC)
            row.last_error = None


class AfterResponseMailer:
    """A request's mailer: delivery runs once the response has been sent.

    Without an HTTP response (WebSocket), delivery runs as a task of its own.
    """

    _tasks: set[asyncio.Task[None]] = set()

    def __init__(self, delivery: OutboxDelivery, response: object) -> None:
        self.delivery = delivery
        self.response = response

    def schedule(self, email_ids: Sequence[int]) -> None:
        ids = list(email_ids)
        if isinstance(self.response, Response):
            if not isinstance(self.response.background, BackgroundTasks):
                tasks = BackgroundTasks()
                if self.response.background is not None:
                    tasks.add_task(self.response.background)
                self.response.background = tasks
            self.response.background.add_task(self.delivery.deliver, ids)
            return
        task = asyncio.get_running_loop().create_task(self.delivery.deliver(ids))
        # Keep a reference until done: the loop holds tasks only weakly.
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


def delivery_for(conn: HTTPConnection) -> OutboxDelivery:
    """The application's delivery, built on first use from the settings unless a test set one."""
    state = conn.app.state
    delivery = getattr(state, "mail_delivery", None)
    if delivery is None:
        delivery = OutboxDelivery(state.sessionmaker, transport_for(state.settings.mail))
        state.mail_delivery = delivery
    return delivery  # type: ignore[no-any-return]
