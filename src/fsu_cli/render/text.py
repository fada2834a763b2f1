"""Text that every document format can carry."""

from __future__ import annotations

import re

# What XML 1.0 (and so Word, HTML and PDF metadata) cannot hold: C0 controls other than tab,
# line feed and carriage return; U+FFFE and U+FFFF; and lone surrogates, which no UTF-8 file can hold.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def xml_safe(text: str) -> str:
    """``text`` with every character XML cannot hold replaced by U+FFFD (�), so a stray control character
    in the data shows in the document instead of stopping it."""
    return _NOT_XML.sub(REPLACEMENT, text)
