"""Pair mode over real SSH on loopback: first paint, keystroke mirror latency, memory.

Starts `mockint serve` on 127.0.0.1 and a random port with throwaway keys and data, then
drives real `ssh` clients in pseudo-terminals:

- first paint: from starting `ssh` to the interviewer's first full frame (room code and the
  footer drawn), median of several logins;
- mirror: a key typed on the candidate's side until it appears in the bytes sent to the
  interviewer's terminal, one pair typing, then five pairs typing at once (about ten keys
  a second each);
- memory of the app processes (one per SSH session), after the typing: mean RSS, and mean
  PSS, the share of memory each really costs (the apps are forks of one warm launcher).

Prints figures (targets: first paint <= 400 ms, mirror p95 < 50 ms with five pairs,
<= 60 MB per session, read as PSS); the last line is

    first_paint_ms=... mirror_p50_ms=... mirror_p95_ms=... mirror_p95_5pairs_ms=...
    rss_per_session_mb=... pss_per_session_mb=...
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

SSH_OPTS = [
    "-F", "/dev/null", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
    "-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "-tt",
]  # fmt: skip
TAB, DOWN, HOME, F5 = b"\t", b"\x1b[B", b"\x1b[H", b"\x1b[15~"
ROUNDS_5PAIRS = 3  # rounds of five pairs typing at once: 900 keys, for a steadier p95
MARKS = b"XZJQ"  # letters that appear nowhere else on a not-started room's screen


class SshPty:
    """An ssh client in a pseudo-terminal; every byte it prints is kept with its time."""

    def __init__(self, argv: list[str], cols: int = 120, rows: int = 40) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, start_new_session=True
        )
        os.close(slave)
        self.master = master
        self.buf = bytearray()
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                data = b""
            with self.cond:
                if not data:
                    self.cond.notify_all()
                    return
                self.buf += data
                self.cond.notify_all()

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def mark(self) -> int:
        with self.cond:
            return len(self.buf)

    def wait_for(self, pattern: bytes, since: int = 0, timeout: float = 30.0) -> float:
        """The time (monotonic) at which `pattern` was first seen after offset `since`."""
        rx = re.compile(pattern)
        end = time.monotonic() + timeout
        with self.cond:
            while True:
                if rx.search(self.buf, since):
                    return time.monotonic()
                left = end - time.monotonic()
                if left <= 0:
                    tail = bytes(self.buf[-400:])
                    raise TimeoutError(f"{pattern!r} not seen; last bytes: {tail!r}")
                self.cond.wait(min(left, 0.05))

    def text(self, since: int = 0) -> str:
        with self.cond:
            return self.buf[since:].decode("utf-8", "replace")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        os.close(self.master)


def keygen(folder: Path, name: str) -> Path:
    path = folder / name
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)], check=True)
    return path


def ssh_argv(port: int, user: str, key: Path | None) -> list[str]:
    auth = (
        ["-i", str(key), "-o", "IdentitiesOnly=yes"] if key else ["-o", "PubkeyAuthentication=no"]
    )
    return ["ssh", "-p", str(port), *SSH_OPTS, *auth, f"{user}@127.0.0.1"]


def open_pair(port: int, key: Path) -> tuple[SshPty, SshPty]:
    inter = SshPty(ssh_argv(port, "interviewer", key))
    inter.wait_for(rb"Phone screen \(phone_screen")
    # The code may be drawn in a later frame than the scenario list: wait for it too.
    inter.wait_for(rb"Room code: (?:\x1b\[[0-9;]*m)*[a-z2-9]{4}-[a-z2-9]{4}")
    m = re.search(r"Room code: (?:\x1b\[[0-9;]*m)*([a-z2-9]{4}-[a-z2-9]{4})", inter.text())
    assert m, inter.text()[-500:]
    code = m.group(1)
    inter.send(TAB)
    time.sleep(0.2)
    inter.send(HOME)
    time.sleep(0.1)
    for i in range(6):
        if i:
            inter.send(b" ")
            time.sleep(0.05)
        inter.send(DOWN)
        time.sleep(0.05)
    inter.send(F5)
    inter.wait_for(rb"Stage 1 of")
    cand = SshPty(ssh_argv(port, code, None))
    cand.wait_for(rb"Stage 1 of")
    inter.send(F5)  # a talking stage: the interviewer asks the first question
    inter.wait_for(rb"Ask which question")
    inter.send(b"\r")
    cand.wait_for("Now · Q1.".encode())  # the question asked, on the candidate's screen
    inter.wait_for(rb"Candidate connected")
    time.sleep(0.5)
    return inter, cand


def mirror_latencies(inter: SshPty, cand: SshPty, keys: int, gap: float) -> list[float]:
    out = []
    for k in range(keys):
        ch = MARKS[k % len(MARKS) : k % len(MARKS) + 1]
        since = inter.mark()
        t0 = time.monotonic()
        cand.send(ch)
        t1 = inter.wait_for(re.escape(ch), since, timeout=10)
        out.append((t1 - t0) * 1000)
        time.sleep(gap)
    return out


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(q * (len(s) - 1)))]


def session_memory_mb(server_pid: int) -> list[tuple[float, float]]:
    """(RSS, PSS) of each app process. The apps are forks of the warm launcher and share
    its imported modules, parsed banks and lemmatiser dictionary: RSS counts those shared
    pages in full in every process, PSS divides them among the processes that share them,
    so the PSS of all sessions adds up to the memory they really take."""

    def children(pid: int) -> list[int]:
        out = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    out.append(int(entry))
            except OSError:
                continue
        return out

    def field_kb(path: str, name: str) -> float:
        with open(path) as f:
            for line in f:
                if line.startswith(name + ":"):
                    return float(line.split()[1])
        return float("nan")

    launcher = [
        p
        for p in children(server_pid)
        if b"mockint.pair.launcher" in Path(f"/proc/{p}/cmdline").read_bytes()
    ]
    out = []
    for app in children(launcher[0]) if launcher else []:
        rss = field_kb(f"/proc/{app}/status", "VmRSS")
        pss = field_kb(f"/proc/{app}/smaps_rollup", "Pss")
        out.append((rss / 1024, pss / 1024))
    return out


def main() -> None:
    for tool in ("ssh", "ssh-keygen"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed (openssh-client)")
    with tempfile.TemporaryDirectory(prefix="mockint-bench-") as tmp:
        root = Path(tmp)
        keys = [keygen(root, f"int{i}") for i in range(5)]
        auth = root / "authorized_keys"
        auth.write_text("".join((k.parent / (k.name + ".pub")).read_text() for k in keys))
        env = dict(os.environ, XDG_DATA_HOME=str(root / "data"), MOCKINT_DB=str(root / "b.db"))
        log = root / "serve.out"
        with log.open("wb") as out:
            server = subprocess.Popen(
                [sys.executable, "-m", "mockint", "serve", "--port", "0",
                 "--authorized-keys", str(auth)],
                stdout=out, stderr=subprocess.STDOUT, env=env,
            )  # fmt: skip
        opened: list[SshPty] = []
        try:
            port = 0
            for _ in range(300):
                m = re.search(r"listening on 127\.0\.0\.1:(\d+)", log.read_text())
                if m:
                    port = int(m.group(1))
                    break
                time.sleep(0.1)
            if not port:
                sys.exit("server did not start:\n" + log.read_text())

            paints = []
            for i in range(10):
                p = SshPty(ssh_argv(port, "interviewer", keys[i % len(keys)]))
                t = p.wait_for(rb"Room code(.|\n)*Leave")
                paints.append((t - p.started) * 1000)
                p.close()
                time.sleep(1.0)
            print(f"first paint (ms): {', '.join(f'{x:.0f}' for x in paints)}")

            inter, cand = open_pair(port, keys[0])
            opened += [inter, cand]
            one = mirror_latencies(inter, cand, keys=60, gap=0.1)
            print(f"mirror, one pair: p50 {pct(one, 0.5):.1f} ms, p95 {pct(one, 0.95):.1f} ms")

            pairs = [(inter, cand)]
            for k in keys[1:]:
                pair = open_pair(port, k)
                opened += list(pair)
                pairs.append(pair)
            five: list[float] = []
            for rep in range(ROUNDS_5PAIRS):
                results: list[list[float]] = [[] for _ in pairs]

                def typing(i: int, out: list[list[float]]) -> None:
                    out[i] = mirror_latencies(*pairs[i], keys=60, gap=0.1)

                threads = [
                    threading.Thread(target=typing, args=(i, results)) for i in range(len(pairs))
                ]
                for th in threads:
                    th.start()
                for th in threads:
                    th.join()
                got = [x for r in results for x in r]
                print(
                    f"mirror, five pairs typing, round {rep + 1}: "
                    f"p50 {pct(got, 0.5):.1f} ms, p95 {pct(got, 0.95):.1f} ms"
                )
                five += got
            print(
                f"mirror, five pairs typing, all rounds: "
                f"p50 {pct(five, 0.5):.1f} ms, p95 {pct(five, 0.95):.1f} ms"
            )
            # After the typing: the interviewer's side has scored the answers by then.
            mem = session_memory_mb(server.pid)
            rss = [m[0] for m in mem]
            pss = [m[1] for m in mem]
            print(f"app processes: {len(mem)}, RSS each (MB): {', '.join(f'{x:.0f}' for x in rss)}")
            print(f"PSS each (MB): {', '.join(f'{x:.0f}' for x in pss)}")
            print(
                f"first_paint_ms={statistics.median(paints):.0f} "
                f"mirror_p50_ms={pct(one, 0.5):.1f} mirror_p95_ms={pct(one, 0.95):.1f} "
                f"mirror_p95_5pairs_ms={pct(five, 0.95):.1f} "
                f"rss_per_session_mb={statistics.mean(rss) if rss else float('nan'):.1f} "
                f"pss_per_session_mb={statistics.mean(pss) if pss else float('nan'):.1f}"
            )
        finally:
            for p in opened:
                p.close()
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(15)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    main()
