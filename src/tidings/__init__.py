"""tidings: news articles to structured political event data (PLOVER + CAMEO).

    >>> import tidings
    >>> events = tidings.code("Police arrested 40 protesters in Nairobi on Monday.", date="2023-07-19")

`import tidings` stays cheap: spaCy and the knowledge files load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .model import Event
    from .pipeline import Coder, CoderOptions

__all__ = ["Coder", "CoderOptions", "code", "__version__"]


def code(text: str, date: str | None = None, **kwargs: Any) -> "list[Event]":
    """Code one article text into events (see `tidings.pipeline.code`)."""
    from .pipeline import code as _code

    return _code(text, date, **kwargs)


def __getattr__(name: str) -> Any:
    if name in ("Coder", "CoderOptions"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
