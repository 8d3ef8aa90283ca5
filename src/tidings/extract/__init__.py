"""Event extraction from spaCy sentences: clauses, triggers, arguments, modality, counts, quotes.

Works on parsed sentences only; knows nothing of actor codes, places or
dates (that is `resolve`). Entry points:

- `find_clauses(sent, lexicon) -> list[Clause]`
- `counts.parse_number(text) -> int | None`
- `quotes.find_quotes(doc) -> list[QuoteSpan]`
"""

from __future__ import annotations

from .clauses import Clause, find_clauses
from .counts import parse_number
from .quotes import QuoteSpan, find_quotes

__all__ = ["Clause", "QuoteSpan", "find_clauses", "find_quotes", "parse_number"]
