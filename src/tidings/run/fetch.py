"""Polite HTTP fetching for feeds and article pages.

News sites throttle or ban crawlers that hammer them, and a batch run must
never hang on one slow server or fill memory with one huge response. So every
request carries a User-Agent naming the tool, a connect/read timeout, a cap on
the body size (streamed, cut off past the cap) and a few retries with
exponential backoff on network errors, 429 and 5xx (honouring Retry-After).
Failures surface as `FetchFailed` (an `InputError`), which the callers turn
into `InputFailure` records so the run goes on.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import httpx

from .. import __version__
from ..errors import FetchFailed

RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class FetchOptions:
    timeout: float = 20.0  # seconds, connect and read
    retries: int = 3  # extra attempts after the first
    backoff: float = 1.0  # first wait in seconds, doubled each retry
    max_backoff: float = 30.0
    max_bytes: int = 5_000_000  # a news page or feed is far below this
    user_agent: str = f"tidings/{__version__} (offline news event coder; polite batch fetcher)"


@dataclass(slots=True)
class Page:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str
    body: bytes = field(repr=False)
    etag: str | None = None
    last_modified: str | None = None

    @property
    def text(self) -> str:
        """The body decoded with the declared charset (UTF-8 when none)."""
        charset = "utf-8"
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip('"')
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


class Fetcher:
    """One HTTP client with connection reuse; use as a context manager."""

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = options or FetchOptions()
        self._client = httpx.Client(
            timeout=self.options.timeout,
            follow_redirects=True,
            headers={"User-Agent": self.options.user_agent, "Accept": "*/*"},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, headers: dict[str, str] | None = None) -> Page:
        """Fetch `url`, retrying transient failures; raise FetchFailed otherwise.

        A 304 (not modified, after a conditional request) is returned as a
        page with an empty body, not raised.
        """
        opts = self.options
        wait = opts.backoff
        last = "no attempt"
        for attempt in range(opts.retries + 1):
            if attempt:
                time.sleep(min(wait, opts.max_backoff))
                wait *= 2
            try:
                page, retry_after = self._get_once(url, headers or {})
            except (httpx.TransportError, httpx.TimeoutException) as exc:
                last = f"{type(exc).__name__}: {exc}"
                continue
            if page.status in RETRY_STATUS:
                last = f"HTTP {page.status}"
                if retry_after is not None:
                    wait = max(wait, retry_after)
                continue
            if page.status >= 400:
                raise FetchFailed(f"{url}: HTTP {page.status}")
            return page
        raise FetchFailed(f"{url}: gave up after {opts.retries + 1} attempts ({last})")

    def _get_once(self, url: str, headers: dict[str, str]) -> tuple[Page, float | None]:
        limit = self.options.max_bytes
        with self._client.stream("GET", url, headers=headers) as resp:
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchFailed(f"{url}: {declared} bytes is over the {limit}-byte limit")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchFailed(f"{url}: body over the {limit}-byte limit")
                chunks.append(chunk)
            retry_after = resp.headers.get("retry-after")
            page = Page(
                url=url,
                final_url=str(resp.url),
                status=resp.status_code,
                content_type=resp.headers.get("content-type", ""),
                body=b"".join(chunks),
                etag=resp.headers.get("etag"),
                last_modified=resp.headers.get("last-modified"),
            )
        delay = float(retry_after) if retry_after and retry_after.isdigit() else None
        return page, delay
