"""Text files in the encodings offices use: UTF-8 (with or without a BOM), GB18030/GBK, UTF-16.

One decoder for every reader of text (notices, CSV ledgers), saying which encoding it
assumed and why, so that a reader can report it.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["decode"]

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(data: bytes) -> tuple[str, str, str]:
    """The text of a file's bytes, the encoding assumed, and why.

    >>> decode("序号,问题".encode("gb18030"))[1:]
    ('gb18030', 'not UTF-8; strict GB18030')
    >>> decode(b"\\xef\\xbb\\xbfa,b")
    ('a,b', 'utf-8-sig', 'byte order mark')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, "byte order mark"
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8", "strict UTF-8"
    except UnicodeDecodeError:
        pass
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) * 16 >= len(sample) and min(even, odd) * 10 <= max(even, odd):  # ASCII's NULs, on one side
        encoding = "utf-16-le" if odd > even else "utf-16-be"
        try:
            return data.decode(encoding), encoding, "no byte order mark; NUL bytes of UTF-16"
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("gb18030")
        if not _IMPLAUSIBLE.search(text):
            return text, "gb18030", "not UTF-8; strict GB18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # noqa: PLC0415 -- needed only when the cheap checks fail

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), codecs.lookup(best.encoding).name, "guessed by charset-normalizer"
    return data.decode("latin-1"), "latin-1", "no encoding fits; bytes kept as Latin-1"


# Private-use and control characters: text that decodes as GB18030 but is not Chinese.
_IMPLAUSIBLE = re.compile("[\ue000-\uf8ff\x00-\x08\x0e-\x1f]")
