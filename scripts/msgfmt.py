"""Compile the package's gettext catalogues (``.po``) into the ``.mo`` files shipped beside them.

    python scripts/msgfmt.py            # rewrite every .mo under src/rectmodel
    python scripts/msgfmt.py --check    # exit 1 if a committed .mo differs from its .po

The logic of CPython's Tools/i18n/msgfmt.py, reduced to what the catalogues use (msgid,
msgid_plural, msgstr, msgstr[n]; no contexts, no fuzzy entries), so that it needs no build step.
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "src" / "rectmodel"


def parse(text: str) -> dict[bytes, bytes]:
    """The catalogue in the ``.po`` *text*: msgid to msgstr, plural forms joined by NUL as gettext stores them."""
    messages: dict[bytes, bytes] = {}
    fields: dict[str, list[str]] = {}
    current: str | None = None

    def flush() -> None:
        if "msgid" in fields:
            msgid = "".join(fields["msgid"])
            if "msgid_plural" in fields:
                msgid += "\0" + "".join(fields["msgid_plural"])
                forms = sorted(k for k in fields if k.startswith("msgstr["))
                msgstr = "\0".join("".join(fields[k]) for k in forms)
            else:
                msgstr = "".join(fields.get("msgstr", []))
            if msgstr or not msgid:
                messages[msgid.encode()] = msgstr.encode()
        fields.clear()

    for raw in [*text.splitlines(), ""]:
        line = raw.strip()
        if not line or line.startswith("#"):
            if not line:
                flush()
                current = None
            continue
        if line.startswith('"'):
            assert current is not None, line
            fields[current].append(ast.literal_eval(line))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword == "msgid" and "msgid" in fields and current != "msgid":
            flush()
        current = keyword
        fields[current] = [ast.literal_eval(rest)]
    flush()
    return messages


def compile_mo(messages: dict[bytes, bytes]) -> bytes:
    """The GNU ``.mo`` bytes of *messages*: keys sorted, no hash table (as msgfmt.py writes them)."""
    keys = sorted(messages)
    ids = strs = b""
    offsets = []
    for key in keys:
        offsets.append((len(ids), len(key), len(strs), len(messages[key])))
        ids += key + b"\0"
        strs += messages[key] + b"\0"
    start = 7 * 4 + 16 * len(keys)  # the header, then the two tables of (length, offset)
    key_table = [n for o1, l1, _, _ in offsets for n in (l1, o1 + start)]
    value_table = [n for _, _, o2, l2 in offsets for n in (l2, o2 + start + len(ids))]
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    return (
        header
        + struct.pack(f"{len(key_table)}i", *key_table)
        + struct.pack(f"{len(value_table)}i", *value_table)
        + ids
        + strs
    )


def main(argv: list[str]) -> int:
    stale = []
    for po in sorted(ROOT.rglob("*.po")):
        mo = po.with_suffix(".mo")
        data = compile_mo(parse(po.read_text("utf-8")))
        if "--check" in argv:
            if not mo.exists() or mo.read_bytes() != data:
                stale.append(str(mo))
        else:
            mo.write_bytes(data)
    for path in stale:
        print(f"{path} is not compiled from its .po: run python scripts/msgfmt.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
