"""Ingest: inputs (files, directories, records, stdin, HTML) to `Article` records.

Stage 1 of the pipeline. Everything here is cheap (well under 1 ms for a
500-word plain-text article) and never raises from `read_inputs`: bad inputs
become `InputFailure`s with a coded, one-line reason.

- `read_inputs(inputs, date=None)`: paths, directories, `.jsonl`/`.json`/`.csv`/`.tsv`
  records, `.html`, `.gz`, and `-` for stdin.
- `article_from_text(text, *, id, title, date, url, source, origin)`.
- `article_from_html(html, *, same)`: trafilatura main text + captions apart.
"""

from __future__ import annotations

from .article import article_from_text, content_hash
from .html import article_from_html
from .readers import read_inputs
from .records import article_from_record

__all__ = ["article_from_html", "article_from_record", "article_from_text", "content_hash", "read_inputs"]
