"""Bytes to text, and the checks that turn unreadable input into named failures.

Inputs come from anywhere (scraped files, exports from Windows tools, stdin),
so decoding tries the encodings news text really arrives in: UTF-8 (with or
without BOM), UTF-16 (with BOM, or recognised by its NUL-byte pattern), then
cp1252 when UTF-8 fails and the result still reads as text. Anything else is
an `EncodingError` or a `BinaryInput`, each with a one-line reason.
"""

from __future__ import annotations

import codecs
import re

from ..errors import BinaryInput, EmptyInput, EncodingError, TooLarge

MAX_BYTES = 20 * 1024 * 1024
"""Inputs above this size are refused (TooLarge): no news article is 20 MB."""

_SAMPLE = 4096
# Magic numbers of binary formats people drop into an input folder by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip data (use a .gz name to have it decompressed)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)
# C0 controls other than tab, newline, carriage return, form feed; plus DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_RATIO = 0.05


def check_size(size: int) -> None:
    """Refuse inputs larger than MAX_BYTES before reading them."""
    if size > MAX_BYTES:
        raise TooLarge(f"input is {size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB")


def decode_bytes(data: bytes) -> str:
    """Decode raw input bytes to text, or raise a named InputError."""
    check_size(len(data))
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInput(f"input is {what}, not text")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8):], "utf-8", "UTF-8 with BOM")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", "UTF-16 with BOM")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16, utf16.upper())
    if b"\x00" in data:
        raise BinaryInput("input contains NUL bytes (binary data, not text)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and _reads_as_text(text):
        return text
    raise EncodingError(
        f"input is not valid UTF-8 (bad byte at offset {utf8_error.start}) "
        "and does not read as cp1252 text"
    )


def _strict(data: bytes, encoding: str, label: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError(f"input looks like {label} but byte {exc.start} is invalid") from exc


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when ASCII-range text shows NULs on one side of each pair.

    UTF-16 text that is mostly Latin has a NUL in every other byte; binary
    data has NULs scattered on both sides.
    """
    sample = data[:_SAMPLE]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    odd_nuls = sample[1::2].count(0)
    even_nuls = sample[0::2].count(0)
    if odd_nuls >= 0.4 * pairs and even_nuls <= 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.4 * pairs and odd_nuls <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _reads_as_text(text: str) -> bool:
    """True when a cp1252 decoding is mostly letters, digits, spaces and punctuation."""
    sample = text[:_SAMPLE]
    if _CONTROL.search(sample) and len(_CONTROL.findall(sample)) > _CONTROL_RATIO * len(sample):
        return False
    plain = sum(1 for c in sample if c.isalnum() or c.isspace() or c in ".,;:!?'\"()-–—’‘“”%$€£&/")
    return plain >= 0.9 * len(sample)


def check_text(text: str) -> None:
    """Refuse text that is empty, binary-looking or over-large (raise InputError)."""
    if len(text) > MAX_BYTES:
        raise TooLarge(f"input is {len(text) / 1e6:.1f} M characters; the limit is {MAX_BYTES / 1e6:.0f} M")
    if not text.strip():
        raise EmptyInput("input is empty or whitespace only")
    if "\x00" in text:
        raise BinaryInput("input contains NUL characters (binary data, not text)")
    sample = text[:_SAMPLE]
    if not _CONTROL.search(sample):
        return
    controls = len(_CONTROL.findall(sample))
    if controls > _CONTROL_RATIO * len(sample):
        raise BinaryInput(f"input has {controls} control characters in its first {len(sample)} (binary data?)")
