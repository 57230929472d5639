"""How long a process takes to start and do one small thing: ``import rectmodel``, and the command line.

Each figure is the best wall time of ``--runs`` fresh processes. The package's bytecode is compiled
first into a temporary cache (``PYTHONPYCACHEPREFIX``), as installing a wheel compiles it, so that
the figures do not include compiling the source (a checkout run with ``PYTHONDONTWRITEBYTECODE``
would compile it in every process). Peers are imported the same way, in the same run.

Usage::

    python benchmarks/bench_startup.py
    python benchmarks/bench_startup.py --runs 50
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "examples" / "haizhu-2020.json"


def best(command: list[str], env: dict[str, str], runs: int, *, check: bool) -> float | None:
    """The best wall time of *runs* processes running *command*, in seconds; None if *check* and it fails
    (a peer that is not installed: its failed import is no figure)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, env=env, check=False, capture_output=True)
        times.append(time.perf_counter() - started)
        if check and done.returncode != 0:
            return None
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    python = sys.executable
    rectmodel = str(Path(python).with_name("rectmodel"))
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        spec = importlib.util.find_spec("rectmodel")
        assert spec is not None
        assert spec.origin is not None
        subprocess.run(
            [python, "-c", f"import compileall; compileall.compile_dir({str(Path(spec.origin).parent)!r}, quiet=1)"],
            env=env,
            check=True,
        )
        peers = {
            "python -c pass": [python, "-c", "pass"],
            "import attrs": [python, "-c", "import attrs"],
            "import msgspec": [python, "-c", "import msgspec"],
            "import pydantic": [python, "-c", "import pydantic"],
            "import rectmodel": [python, "-c", "import rectmodel"],
            "import rectmodel; rectmodel.validate": [python, "-c", "import rectmodel; rectmodel.validate"],
            f"rectmodel validate {SMALL.name}": [rectmodel, "validate", str(SMALL)],
            "rectmodel rules": [rectmodel, "rules"],
        }
        # The command line's own runs exit 1 where the ledger has errors: only an import is checked.
        times = {
            name: best(command, env, args.runs, check=name.startswith(("import", "python")))
            for name, command in peers.items()
        }
    floor = times["python -c pass"]
    assert floor is not None
    print(f"python {sys.version.split()[0]}, best of {args.runs} processes")
    print("| process | ms | ms beyond `python -c pass` |")
    print("|---|---:|---:|")
    for name, seconds in times.items():
        if seconds is None:
            print(f"| `{name}` | not installed (`pip install -e '.[bench]'`) | |")
        else:
            print(f"| `{name}` | {seconds * 1e3:.0f} | {(seconds - floor) * 1e3:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
