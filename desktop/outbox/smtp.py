"""One SMTP conversation for secure e-mail: verified TLS first, then the login, within the attempt's deadline.

* The connection is made within the attempt's deadline and watched by it
  (:mod:`desktop.outbox.deadline`): a mail server that trickles, or a lock of
  the app, ends it; through the policy's ``http://`` proxy by HTTP CONNECT
  when one is set (an SMTP server cannot be reached through an HTTP proxy any
  other way; other proxy kinds are not used for mail, and doctor says so).
* TLS 1.2 or newer with the server's certificate and host name verified,
  either implicit (SMTPS) or STARTTLS, which a server must offer: nothing is
  ever said on a plain connection beyond EHLO and STARTTLS.
* SMTP AUTH with PLAIN or LOGIN, and only once TLS is up, when the policy
  names a user (``smtp_username``): the password comes from the OS keyring or
  a file the policy names. A server that wants a login it did not get (530) or
  refuses the one given (535) is this PC's set-up: "IT must set up the mail
  login", the notification stays queued.
"""

from __future__ import annotations

import base64
import smtplib
import socket
import ssl
from typing import Any
from urllib.parse import unquote, urlsplit

from desktop.outbox.deadline import HANDSHAKE, REQUEST, Attempt, connect
from desktop.outbox.failures import TransientDeliveryError

#: The login mechanisms used, in order of preference (both only ever inside TLS).
LOGIN_MECHANISMS = ("PLAIN", "LOGIN")


def mail_proxy(proxy: str | None) -> str | None:
    """The proxy mail goes through: an ``http://`` proxy (HTTP CONNECT); any other kind is not used."""
    return proxy if proxy and urlsplit(proxy).scheme == "http" else None


def _tunnel(proxy: str, host: str, port: int, attempt: Attempt, timeout: float) -> socket.socket:
    """A connection to ``host:port`` through an HTTP proxy (CONNECT), within the attempt's time."""
    parts = urlsplit(proxy)
    if not parts.hostname:
        raise TransientDeliveryError("the proxy setting names no host", message_id="delivery.proxy_failed",
                                     setup=True)
    sock = connect(parts.hostname, parts.port or 8080, attempt, timeout)
    request = f"CONNECT {host}:{port} HTTP/1.1\r\nHost: {host}:{port}\r\n"
    if parts.username is not None:
        credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
        request += f"Proxy-Authorization: Basic {base64.b64encode(credentials).decode('ascii')}\r\n"
    try:
        sock.settimeout(attempt.budget(timeout))
        sock.sendall((request + "\r\n").encode("ascii"))
        answer = b""
        while not answer.endswith(b"\r\n\r\n"):
            # One byte at a time: what follows the proxy's answer is the mail server's greeting,
            # which must stay in the socket for smtplib to read.
            chunk = sock.recv(1)
            if not chunk or len(answer) > 16384:
                raise ConnectionResetError("the proxy closed the connection")
            answer += chunk
        status = answer.split(b"\r\n", 1)[0].split()
        if len(status) < 2 or status[1] != b"200":
            raise TransientDeliveryError(
                f"the proxy refused to connect to the mail server ({status[1:2]!r})",
                message_id="delivery.proxy_failed", setup=True)
    except BaseException:
        attempt.unwatch(sock)
        sock.close()
        raise
    return sock


class GuardedSMTP(smtplib.SMTP):
    """``smtplib.SMTP`` whose socket is made and wrapped within the attempt's deadline (see the module)."""

    def __init__(self, host: str, port: int, *, tls_mode: str, context: ssl.SSLContext, attempt: Attempt,
                 timeout: float, proxy: str | None = None) -> None:
        self._attempt = attempt
        self._implicit = tls_mode == "tls"
        self._context = context
        self._proxy = mail_proxy(proxy)
        super().__init__(timeout=timeout)
        self._host = host
        self.connect(host, port)

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        attempt = self._attempt
        if self._proxy is not None:
            sock = _tunnel(self._proxy, host, port, attempt, timeout)
        else:
            sock = connect(host, port, attempt, timeout)
        if self._implicit:
            sock = self._wrap(sock, host, timeout)
        sock.settimeout(attempt.budget(timeout))
        return sock

    def _wrap(self, raw: socket.socket, host: str, timeout: float) -> ssl.SSLSocket:
        """TLS over ``raw``, the handshake watched by the attempt like the rest."""
        attempt = self._attempt
        attempt.at(HANDSHAKE)
        try:
            raw.settimeout(attempt.budget(timeout))
            tls = self._context.wrap_socket(raw, server_hostname=host, do_handshake_on_connect=False)
            attempt.unwatch(raw)
            attempt.watch(tls)
            tls.do_handshake()
        except BaseException:
            attempt.unwatch(raw)
            raw.close()
            raise
        return tls

    def starttls(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        """STARTTLS with this connection's context (smtplib's own, with the handshake watched)."""
        self.ehlo_or_helo_if_needed()
        if not self.has_extn("starttls"):
            raise TransientDeliveryError("the mail server does not offer STARTTLS",
                                         message_id="delivery.mail_no_starttls")
        code, reply = self.docmd("STARTTLS")
        if code != 220:
            raise smtplib.SMTPResponseException(code, reply)
        assert self.sock is not None
        self.sock = self._wrap(self.sock, self._host, self.timeout)
        self.sock.settimeout(self._attempt.budget(self.timeout))
        # What the server said before TLS is not trusted: start over, as smtplib does.
        self.file = None
        self.helo_resp = None
        self.ehlo_resp = None
        self.esmtp_features = {}
        self.does_esmtp = False
        return code, reply

    def secure(self) -> None:
        """Make sure the conversation is under verified TLS (STARTTLS when not implicit), then EHLO again."""
        self.ehlo()
        if not self._implicit:
            self.starttls()
            self.ehlo()  # again, now over TLS: the answer before the upgrade is not trusted
        self._attempt.at(REQUEST)

    def log_in(self, user: str, password: str) -> None:
        """SMTP AUTH with PLAIN or LOGIN, only over TLS; raises the IT message when it cannot be done."""
        if not isinstance(self.sock, ssl.SSLSocket):  # never a password on a plain connection
            raise TransientDeliveryError("no TLS for the login", message_id="delivery.mail_no_starttls")
        offered = set((self.esmtp_features.get("auth") or "").upper().split())
        mechanism = next((m for m in LOGIN_MECHANISMS if m in offered), None)
        if mechanism is None:
            raise TransientDeliveryError("the mail server offers no PLAIN or LOGIN login",
                                         message_id="delivery.mail_login_needed", setup=True)
        # By hand rather than smtplib's auth(): that encodes the password as ASCII, and a Danish
        # password may well hold æ, ø or å (RFC 4616 and common practice: UTF-8).
        def b64(text: str) -> str:
            return base64.b64encode(text.encode("utf-8")).decode("ascii")

        if mechanism == "PLAIN":
            code, reply = self.docmd("AUTH", "PLAIN " + b64(f"\0{user}\0{password}"))
        else:
            code, reply = self.docmd("AUTH", "LOGIN")
            if code == 334:
                code, reply = self.docmd(b64(user))
            if code == 334:
                code, reply = self.docmd(b64(password))
        if code not in (235, 503):  # 503: already authenticated
            raise smtplib.SMTPAuthenticationError(code, reply)
