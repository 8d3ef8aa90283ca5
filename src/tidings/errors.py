"""Named failures with stable codes, so users and logs can tell them apart.

Every user-facing failure (bad input, bad dictionary file, bad query) is a
`TidingsError` subclass with a `T0xx` code; the CLI prints `code: message`
on one line with no traceback, and the API returns the same pair as JSON.
"""

from __future__ import annotations

from dataclasses import dataclass


class TidingsError(Exception):
    code = "T000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class InputError(TidingsError):
    """An input that cannot be read or coded (empty, binary, not English...)."""

    code = "T010"


class EmptyInput(InputError):
    code = "T011"


class BinaryInput(InputError):
    code = "T012"


class EncodingError(InputError):
    code = "T013"


class NotEnglish(InputError):
    code = "T014"


class BrokenRecord(InputError):
    code = "T015"


class TooLarge(InputError):
    code = "T016"


class MissingInput(InputError):
    code = "T017"


class FetchFailed(InputError):
    """A URL or feed could not be fetched (after retries), or was too large."""

    code = "T018"


class DataFileError(TidingsError):
    """A knowledge file (lexicon, dictionary, gazetteer supplement) is malformed."""

    code = "T020"


class StoreError(TidingsError):
    code = "T030"


class NotFound(StoreError):
    """The requested article or event is not in the store."""

    code = "T031"


class PostgresUnavailable(StoreError):
    """A PostgreSQL server for tests could not be started or reached."""

    code = "T032"


class QueryError(TidingsError):
    code = "T040"


class RouteNotFound(QueryError):
    code = "T041"


class MethodNotAllowed(QueryError):
    code = "T042"


class AccessDenied(TidingsError):
    """A write endpoint was called without the right X-API-Key."""

    code = "T043"


@dataclass(slots=True)
class InputFailure:
    """A skipped input or record: where it came from and why (never a bare None)."""

    origin: str
    error: InputError

    @property
    def code(self) -> str:
        return self.error.code

    @property
    def reason(self) -> str:
        return self.error.message

    def __str__(self) -> str:
        return f"{self.origin}: {self.error.code} {self.error.message}"


class CodingError(InputError):
    """The coder failed on an article it had read: a bug, logged and skipped so a run never stops."""

    code = "T050"


class EvalError(TidingsError):
    """A gold set that is missing or unreadable, or a gate/floors misuse."""

    code = "T060"


class MissingGold(EvalError):
    code = "T061"


class RunnerError(TidingsError):
    """A batch run cannot start or go on (bad options, unwritable store)."""

    code = "T070"


class RayRunError(RunnerError):
    code = "T071"
