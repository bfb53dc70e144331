"""Time until the home screen is on a real (pseudo) terminal, against a minimal Textual app.

Both are started the same way in one run: a fresh process on a pty sized 80x24, timed from
spawn until a marker string has been drawn. Prints medians; the last line is
`mockint_ms=... baseline_ms=... ratio=...` (target: ratio <= 1.2, also with a large
history: `--sessions 10000` writes that many sessions first with benchmarks/history.py's
generator, `--db FILE` starts on a copy of an existing database).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

BASELINE = """
from textual.app import App
from textual.widgets import Footer, Static

class Minimal(App):
    def compose(self):
        yield Static("baseline ready")
        yield Footer()

Minimal().run()
"""

CPU: list[float] = []  # CPU seconds of each timed process, in order

ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[\]P_^][^\x1b]*(\x1b\\\\|\x07)?|\x1b.")


def time_to_marker(
    cmd: list[str], marker: bytes, env: dict[str, str], timeout: float = 30
) -> float:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    seen = b""
    try:
        while True:
            left = timeout - (time.perf_counter() - start)
            if left <= 0:
                raise TimeoutError(f"{marker!r} not drawn by {cmd}")
            ready, _, _ = select.select([master], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                raise RuntimeError(f"{cmd} exited before drawing {marker!r}") from None
            seen += chunk
            if marker in ANSI.sub(b"", seen):
                wall = time.perf_counter() - start
                return wall
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        # The CPU the process used until it was killed right after drawing: steadier than
        # wall time on a shared machine (another process's load does not count).
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = status
        CPU.append(usage.ru_utime + usage.ru_stime)
        os.close(master)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--sessions", type=int, default=0, help="Sessions to write first.")
    parser.add_argument("--db", type=Path, help="Start on a copy of this database.")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="mockint-bench-"))
    baseline_py = tmp / "baseline.py"
    baseline_py.write_text(BASELINE)
    # PYTHONDONTWRITEBYTECODE would make every start compile mockint's modules again (an
    # editable install has no .pyc until one is written), which no installed copy does.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("TEXTUAL") and k != "PYTHONDONTWRITEBYTECODE"
    }
    env.update(
        TERM="xterm-256color", MOCKINT_DB=str(tmp / "bench.db"), XDG_DATA_HOME=str(tmp / "data")
    )
    if args.db is not None:
        import sqlite3

        # A consistent copy (the WAL included), so the original is never touched.
        with sqlite3.connect(args.db) as src, sqlite3.connect(tmp / "bench.db") as dst:
            src.backup(dst)
    elif args.sessions:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from history import generate  # benchmarks/history.py

        os.environ["XDG_DATA_HOME"] = env["XDG_DATA_HOME"]
        generate(tmp / "bench.db", args.sessions)
    if args.db is not None or args.sessions:
        count = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sqlite3, sys; print(sqlite3.connect(sys.argv[1])"
                ".execute('select count(*) from sessions').fetchone()[0])",
                str(tmp / "bench.db"),
            ],
            capture_output=True,
            text=True,
        ).stdout.strip()
        print(f"database: {count} sessions")

    cases = {
        "mockint": ([sys.executable, "-m", "mockint"], b"Pick a scenario"),
        "baseline": ([sys.executable, str(baseline_py)], b"baseline ready"),
    }
    for cmd, marker in cases.values():  # warm the OS file cache and .pyc files once
        time_to_marker(cmd, marker, env)
    times: dict[str, list[float]] = {name: [] for name in cases}
    cpu: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, (cmd, marker) in cases.items():  # interleaved, so drift hits both alike
            times[name].append(time_to_marker(cmd, marker, env) * 1000)
            cpu[name].append(CPU[-1] * 1000)
    for name, values in times.items():
        print(
            f"{name}: median {statistics.median(values):.0f} ms, "
            f"min {min(values):.0f}, max {max(values):.0f} over {len(values)} runs"
        )
    mc, bc = statistics.median(cpu["mockint"]), statistics.median(cpu["baseline"])
    print(
        f"CPU until drawn: mockint median {mc:.0f} ms, baseline {bc:.0f} ms, "
        f"cpu_ratio={mc / bc:.2f} (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)"
    )
    m = statistics.median(times["mockint"])
    b = statistics.median(times["baseline"])
    print(f"mockint_ms={m:.0f} baseline_ms={b:.0f} ratio={m / b:.2f}")


if __name__ == "__main__":
    main()
