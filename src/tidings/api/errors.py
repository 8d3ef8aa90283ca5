"""One JSON error shape for every failure the API returns.

    {"error": {"code": "T0xx", "message": "..."}}

Library errors (`TidingsError`) keep their own code; HTTP-level failures
(unknown route, wrong method, bad parameter, body too large, missing key)
get the codes below, and anything unexpected is a T000 with no traceback.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import AccessDenied, InputError, MethodNotAllowed, QueryError, RouteNotFound, StoreError, TidingsError, TooLarge
from ..store import NotFound







def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    return {"error": {"code": code, "message": message}}


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(error_body(code, message), status_code=status)


def status_for(exc: TidingsError) -> int:
    if isinstance(exc, NotFound | RouteNotFound):
        return 404
    if isinstance(exc, MethodNotAllowed):
        return 405
    if isinstance(exc, AccessDenied):
        return 403
    if isinstance(exc, TooLarge):
        return 413
    if isinstance(exc, QueryError | InputError):
        return 422
    if isinstance(exc, StoreError):
        return 500
    return 400


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(TidingsError)
    async def _tidings(_: Request, exc: TidingsError) -> JSONResponse:
        return error_response(status_for(exc), exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path"))
            parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
        return error_response(422, QueryError.code, "; ".join(parts) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return error_response(404, RouteNotFound.code, "no such page or endpoint")
        if exc.status_code == 405:
            return error_response(405, MethodNotAllowed.code, "method not allowed here")
        if exc.status_code == 413:
            return error_response(413, TooLarge.code, str(exc.detail))
        code = QueryError.code if exc.status_code < 500 else TidingsError.code
        return error_response(exc.status_code, code, str(exc.detail))
