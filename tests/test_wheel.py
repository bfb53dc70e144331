"""The wheel carries the data and works from outside the repository."""

import email
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

# The grading worker's heavy dependencies: not needed to list scenarios, and torch alone
# would copy ~1 GB into the throwaway environment.
HEAVY = {"torch", "numpy"}


def run(cmd, **kw):
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)
    assert res.returncode == 0, f"{cmd}\n{res.stdout}\n{res.stderr}"
    return res


def test_wheel_installs_into_a_fresh_venv_and_runs(tmp_path):
    dist = tmp_path / "dist"
    run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(REPO),
        ]
    )
    [wheel] = dist.glob("mockint-*.whl")

    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        meta = email.message_from_bytes(
            zf.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
        )
    for folder in ("scenarios", "solutions"):
        for path in (REPO / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                rel = path.relative_to(REPO).as_posix()
                assert f"mockint/_data/{rel}" in names, f"{rel} missing from the wheel"
    requires = meta.get_all("Requires-Dist")
    assert "textual[syntax]==8.2.8" in requires and "torch==2.13.0" in requires
    light = [
        r for r in requires if "extra ==" not in r and r.split("=")[0].split(">")[0] not in HEAVY
    ]

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    run([*pip, "--no-deps", str(wheel)])
    run([*pip, *light])

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    res = run([str(venv / "bin" / "mockint"), "scenarios", "list"], cwd=outside)
    assert res.stdout.startswith("aiml-engineer  AI/ML engineer loop  (6 stages, 5h30)")
    res = run([str(venv / "bin" / "mockint"), "--version"], cwd=outside)
    assert "mockint, version" in res.stdout
    # It really is the installed copy, not the checkout.
    res = run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import mockint.paths as p; print(p.bundled_dir('scenarios'))",
        ],
        cwd=outside,
    )
    assert str(venv) in res.stdout and "_data" in res.stdout
