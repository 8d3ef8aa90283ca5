"""`create_app`: the FastAPI application serving the JSON API and the dashboard.

    app = create_app("events.db")                  # read + local writes
    app = create_app(store, api_key="s3cret")      # every write needs X-API-Key
    app = create_app(store, coder=my_code_text)    # plug in a coder (tests)

The dashboard (src/tidings/web/static) is served at `/` from the same app;
its strict Content-Security-Policy allows only scripts and data from this
server, which both keeps it offline and blocks injected scripts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.base import RequestResponseEndpoint

from .. import __version__
from ..store import Store, open_store
from . import routes, writes
from .coder import CodeText, LazyCoder
from .errors import install_error_handlers
from .limits import BodyLimit, LastResort

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
MAX_BODY_BYTES = 2_000_000
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


def create_app(
    db: Store | str | Path,
    *,
    api_key: str | None = None,
    allow_write: bool = True,
    coder: CodeText | None = None,
    coder_factory: Callable[[], CodeText] | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> FastAPI:
    """The app over a store (or a path / URL to open one).

    `allow_write=False` refuses writes unless `api_key` is set; `tidings serve`
    passes False when it binds beyond localhost. `coder` is a callable
    `code_text(text, date, title) -> ArticleResult`; else `coder_factory()` builds
    one on the first write; by default the pipeline's Coder with default options.
    """
    store = db if isinstance(db, Store) else open_store(db)
    app = FastAPI(
        title="tidings",
        version=__version__,
        description="Political events (PLOVER / CAMEO) coded from news articles: query, aggregate, export, code.",
        # FastAPI's /docs and /redoc pages load their scripts from a CDN: off, to stay offline.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.coder = LazyCoder(coder, coder_factory)
    app.state.write_policy = writes.WritePolicy(api_key=api_key, allow_write=allow_write)
    install_error_handlers(app)
    app.include_router(routes.router)
    app.include_router(writes.router)

    @app.middleware("http")
    async def _headers(request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        if not request.url.path.startswith("/api/"):
            response.headers["Content-Security-Policy"] = CSP
        return response

    if (STATIC / "index.html").is_file():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

        @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
        def dashboard() -> FileResponse:
            return FileResponse(STATIC / "index.html")

    app.add_middleware(LastResort)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    return app
