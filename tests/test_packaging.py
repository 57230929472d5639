"""What the built distributions ship: the LICENSE text in the wheel and the sdist, and the licence metadata."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from support import ROOT

pytest.importorskip("hatchling")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel and the sdist, built by the backend's own hooks (offline, in a few seconds)."""
    out = tmp_path_factory.mktemp("dist")
    code = f"from hatchling.build import build_sdist, build_wheel; build_wheel({str(out)!r}); build_sdist({str(out)!r})"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)
    return out


def test_the_wheel_ships_the_license_and_says_mit(built: Path) -> None:
    (wheel,) = built.glob("*.whl")
    with zipfile.ZipFile(wheel) as z:
        licenses = [n for n in z.namelist() if n.endswith("/licenses/LICENSE")]
        assert len(licenses) == 1
        assert z.read(licenses[0]) == (ROOT / "LICENSE").read_bytes()
        (metadata,) = (n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        lines = z.read(metadata).decode().splitlines()
    assert "License-Expression: MIT" in lines
    assert "License-File: LICENSE" in lines


def test_the_sdist_ships_the_license(built: Path) -> None:
    (sdist,) = built.glob("*.tar.gz")
    with tarfile.open(sdist) as t:
        names = [n for n in t.getnames() if n.endswith("/LICENSE")]
        assert len(names) == 1
        member = t.extractfile(names[0])
        assert member is not None
        assert member.read() == (ROOT / "LICENSE").read_bytes()


def test_the_license_is_mit_with_the_projects_copyright() -> None:
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) 2026 rectmodel developers\n")
