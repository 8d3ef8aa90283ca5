"""Write endpoints: code posted text (POST /api/code) and code + store it (POST /api/ingest).

Both need permission (see `require_write`): on a loopback-only server with no
key configured, local callers may write; once a key is configured every write
needs `X-API-Key`; a server bound beyond localhost without a key refuses writes.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Depends, Header, Request
from pydantic import BaseModel, Field

from ..store import SaveStats, Store
from .coder import LazyCoder, result_dict
from .errors import AccessDenied
from .server import is_loopback

MAX_ARTICLES_PER_INGEST = 100


@dataclass(frozen=True, slots=True)
class WritePolicy:
    api_key: str | None
    allow_write: bool


def require_write(request: Request, x_api_key: str | None = Header(None)) -> None:
    policy: WritePolicy = request.app.state.write_policy
    if policy.api_key is not None:
        if x_api_key is None or not hmac.compare_digest(x_api_key.encode(), policy.api_key.encode()):
            raise AccessDenied("this endpoint needs a valid X-API-Key header")
        return
    if not policy.allow_write:
        raise AccessDenied("writing is disabled on this server: start it with --api-key to allow it")
    client = request.client.host if request.client else ""
    if not is_loopback(client):
        raise AccessDenied("writes from other hosts need an API key: start the server with --api-key")


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, description="article text")
    date: str | None = Field(None, description="publication date YYYY-MM-DD")
    title: str | None = None
    source: str | None = Field(None, description="agency / outlet, e.g. AFP")
    url: str | None = None


class IngestIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES_PER_INGEST)


router = APIRouter(prefix="/api", dependencies=[Depends(require_write)])


def _coder(request: Request) -> LazyCoder:
    coder: LazyCoder = request.app.state.coder
    return coder


@router.post("/code", summary="Code posted text and return its events (nothing is stored)")
def code(body: ArticleIn, request: Request) -> dict[str, Any]:
    result = _coder(request)(body.text, body.date, body.title)
    result.article.source = body.source or result.article.source
    result.article.url = body.url or result.article.url
    return result_dict(result)


@router.post("/ingest", summary="Code posted articles and store them (idempotent)")
def ingest(body: IngestIn, request: Request) -> dict[str, Any]:
    coder = _coder(request)
    store: Store = request.app.state.store
    results = []
    for a in body.articles:
        r = coder(a.text, a.date, a.title)
        r.article.source = a.source or r.article.source
        r.article.url = a.url or r.article.url
        results.append(r)
    stats: SaveStats = store.save(results)
    return {**stats.to_dict(), "article_ids": [stats.article_id(r) for r in results]}
