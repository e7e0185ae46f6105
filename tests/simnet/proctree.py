"""Run a command and sample the peak memory of its whole process tree (the command, its browser
drivers, Chromium, worker processes …) from /proc, as issue 11's memory bounds are stated.

psutil would do the walk too, but it is not a dependency of the project and /proc is enough on
the Linux machines the benchmarks run on.
"""
from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def descendants(pid: int) -> list[int]:
    tree, out, todo = _children(), [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(tree.get(p, []))
    return out


def rss_bytes(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(pid: int) -> int:
    return sum(rss_bytes(p) for p in descendants(pid))


class Sampled:
    """A running command with its process tree sampled every ``interval`` seconds."""

    def __init__(self, cmd: list[str], interval: float = 0.2, **popen):
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     start_new_session=True, **popen)
        self.peak, self.samples, self.started = 0, 0, time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, args=(interval,), daemon=True)
        self._thread.start()

    def _sample(self, interval: float) -> None:
        while not self._stop.is_set() and self.proc.poll() is None:
            self.peak = max(self.peak, tree_rss(self.proc.pid))
            self.samples += 1
            time.sleep(interval)

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Kill the whole process group (the crawl and everything it started)."""
        try:
            os.killpg(self.proc.pid, sig)
        except ProcessLookupError:
            pass

    def wait(self, timeout: float | None = None) -> dict:
        try:
            out, err = self.proc.communicate(timeout=timeout)
            code = self.proc.returncode
        except subprocess.TimeoutExpired:
            self.kill()
            out, err = self.proc.communicate()
            code = "timeout"
        self._stop.set()
        self._thread.join(timeout=2)
        return {"returncode": code, "seconds": time.monotonic() - self.started, "peak_rss": self.peak,
                "samples": self.samples, "stdout": out[-6000:], "stderr": err[-6000:]}
