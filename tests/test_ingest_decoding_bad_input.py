"""Bad bytes and bad text become named InputErrors, each with a one-line reason."""

from __future__ import annotations

import pytest

from tidings.errors import BinaryInput, EmptyInput, EncodingError, TooLarge
from tidings.ingest.decoding import MAX_BYTES, check_size, check_text, decode_bytes

BODY = (
    "The minister said on Tuesday that the government would hold talks with the "
    "opposition next week.\n\nHe added that troops had been sent to the border."
)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-8"])
def test_decoding_unicode_variants_round_trip(encoding: str) -> None:
    assert decode_bytes(BODY.encode(encoding)) == BODY


def test_decoding_cp1252_fallback_keeps_curly_quotes() -> None:
    text = "The aide\u2019s reply was \u201cno\u201d, the caf\u00e9 owner said. " + BODY
    assert decode_bytes(text.encode("cp1252")) == text


def test_decoding_invalid_utf8_that_is_not_text_is_an_encoding_error() -> None:
    with pytest.raises(EncodingError) as info:
        decode_bytes(b"\x81\x8d\x8f\x90\x9d" * 40)
    assert "UTF-8" in info.value.message and "\n" not in info.value.message


def test_decoding_nul_bytes_are_binary() -> None:
    with pytest.raises(BinaryInput, match="NUL"):
        decode_bytes(b"hello\x00world, this is not really text at all")


@pytest.mark.parametrize("magic", [b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04rest"])
def test_decoding_known_binary_formats_are_named(magic: bytes) -> None:
    with pytest.raises(BinaryInput, match="not text"):
        decode_bytes(magic + b"abc" * 50)


def test_text_with_many_control_characters_is_binary() -> None:
    with pytest.raises(BinaryInput, match="control characters"):
        check_text("ab\x01\x02\x03\x04" * 100)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t  \r\n"])
def test_text_empty_or_whitespace_is_empty_input(text: str) -> None:
    with pytest.raises(EmptyInput):
        check_text(text)


def test_size_over_limit_is_too_large() -> None:
    check_size(MAX_BYTES)
    with pytest.raises(TooLarge, match="MB"):
        check_size(MAX_BYTES + 1)
