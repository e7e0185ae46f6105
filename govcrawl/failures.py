"""Why a fetch failed, in words an operator can act on.

Twisted and Scrapy name failures by exception class, and several carry no message at all (a
connection reset surfaces as ``ResponseDataLossError:`` with nothing after the colon). Every
``crawl_errors.reason`` goes through ``describe``.
"""
from __future__ import annotations

import http

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError

_NAMED = {
    "DownloadConnectionRefusedError": "connection refused (nothing listens at that address)",
    "CannotResolveHostError": "DNS lookup failed",
    "DownloadTimeoutError": "timed out",
    "DownloadFailedError": "download failed",
    "UnsupportedURLSchemeError": "refused: not an http(s) URL",
    "ResponseDataLossError": "connection closed before the whole response arrived (data loss)",
    "ResponseNeverReceived": "connection lost before any response (reset or closed by the server)",
    "ConnectionLost": "connection lost while reading the response",
    "ConnectionDone": "connection closed by the server",
    "ConnectionRefusedError": "connection refused (nothing listens at that address)",
    "ConnectError": "could not connect",
    "TCPTimedOutError": "TCP connection timed out",
    "TimeoutError": "timed out",
    "UserTimeoutError": "timed out",
    "DNSLookupError": "DNS lookup failed",
    "NoRouteError": "no route to host",
    "SSLError": "TLS handshake failed",
    "CancelledError": "download cancelled",
    "_ResponseFailed": "response failed",
}


def http_reason(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "non-standard status"


def describe(failure) -> str:
    """One line: what went wrong with this request."""
    if failure.check(HttpError):
        response = failure.value.response
        text = f"HTTP {response.status} {http_reason(response.status)}"
        location = response.headers.get(b"Location")
        if 300 <= response.status < 400 and location:
            text += f" to {location.decode('latin-1')[:200]}"
        return text
    if failure.check(IgnoreRequest):
        return failure.getErrorMessage() or "request ignored"
    name = failure.type.__name__
    message = failure.getErrorMessage().strip()
    if name in ("CancelledError", "DownloadCancelledError"):
        request = getattr(failure, "request", None)
        limit = request.meta.get("download_maxsize") if request is not None else None
        if "max size" in message or not message:
            return f"cut: response larger than the size limit{f' ({limit} bytes)' if limit else ''}"
    words = _NAMED.get(name)
    if words and message and message not in (name, "None") and "<twisted" not in message:
        if name in ("DownloadConnectionRefusedError", "ConnectionRefusedError"):
            return words
        return f"{words}: {message[:300]}"
    if words:
        return words
    return f"{name}: {message[:300]}" if message else name
