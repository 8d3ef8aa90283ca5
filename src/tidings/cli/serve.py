"""`tidings serve --db PATH`: the JSON API and the offline dashboard over a store."""

from __future__ import annotations

import functools

import click

from .common import coder_options, option_fields


@click.command("serve")
@click.option("--db", required=True, help="SQLite file (created if missing) or postgresql:// URL.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; beyond localhost, writes need --api-key.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--api-key", envvar="TIDINGS_API_KEY",
              help="Key that POST /api/code and /api/ingest require in X-API-Key (env TIDINGS_API_KEY).")
@coder_options
def serve(db: str, host: str, port: int, api_key: str | None, **opts: object) -> None:
    """Serve the JSON API (spec at /openapi.json) and the dashboard (at /) over a store."""
    from ..api import create_app, is_loopback, run
    from ..api.coder import pipeline_code_text
    from ..errors import TidingsError

    options = option_fields(opts)
    local = is_loopback(host)
    try:
        app = create_app(
            db,
            api_key=api_key,
            allow_write=local or api_key is not None,
            coder_factory=functools.partial(pipeline_code_text, **options),
        )
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from None
    if not local and api_key is None:
        click.echo("tidings: bound beyond localhost without --api-key: writing endpoints are disabled", err=True)
    click.echo(f"tidings: dashboard at http://{host}:{port}/  OpenAPI spec at http://{host}:{port}/openapi.json", err=True)
    run(app, host=host, port=port)
