"""JSON in and out: ``load``/``loads`` and ``dump``/``dumps``, lossless and strict.

Loading takes a fast path first: orjson parses, and strict structuring functions
generated from the model's annotations (``_structure``) build the model while the
garbage collector is paused. Only when that fails does a second, slower pass walk
the document against the field shapes (``_fields``) and collect *every* problem
with its JSON Pointer, so that detailed error reporting costs nothing on valid
input. A large ledger is read one inspection at a time; ``loads_with_spans`` also gives
the inspections' byte spans, so that ``json_locator`` scans only those it is asked about.
A cattrs converter writes the canonical JSON back.
"""

from ._json import decode, dump, dumps, load, loads, loads_with_spans
from ._locate import json_locator

__all__ = ["decode", "dump", "dumps", "json_locator", "load", "loads", "loads_with_spans"]
