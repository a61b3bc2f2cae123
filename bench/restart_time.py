#!/usr/bin/env python3
"""How long hostqld is without a worker after a kill -9 of it.

Usage: restart_time.py PID RUNS [GAP_SECONDS]

PID is privd's.  RUNS times: wait until the worker has lived GAP seconds
(default 1.5: privd starts a worker that lived a second or more again at
once, and one that died younger after a growing delay, so a gap under a
second would time the back-off, not the restart) and sits idle in its
schedule loop, kill it with SIGKILL, then watch /proc every millisecond:

  spawned  the kill to privd's new child running hostql-worker (exec'd);
  ready    the kill to the new worker blocking in its schedule loop's
           poll() on its two channels, privd's and the logger's, as
           /proc/<pid>/syscall shows it: by then it has said HELLO,
           opened SQLite, entered its sandbox, read and parsed the config
           through privd and taken the logger's channel, and a query due
           now would run now.  This is the figure.

The worker is only killed while it is idle in that poll(), so that the
kill never lands in a running query, which the watchdog would deny for
a day.  Prints one line of key=value figures, in milliseconds:

    runs=20 spawned_median_ms=... spawned_max_ms=... ready_median_ms=...
    ready_max_ms=... ready_min_ms=...

Polling costs a little CPU on the measured machine and adds up to about
a millisecond (the period) to each figure; it needs root, for the
worker's /proc/<pid>/syscall.
"""

import os
import platform
import signal
import statistics
import sys
import time

# The schedule loop's wait, by system call number: poll(fds, 2, ms).
# Architectures without poll(2) reach it through ppoll(fds, 2, ...).
POLL_NR = {"x86_64": 7, "aarch64": 73, "riscv64": 73}.get(platform.machine())
PERIOD = 0.001


def worker_of(root):
    """The pid of root's child whose name is hostql-worker, or None."""
    try:
        with open("/proc/%d/task/%d/children" % (root, root)) as f:
            pids = [int(p) for p in f.read().split()]
    except OSError:
        return None
    for pid in pids:
        try:
            with open("/proc/%d/comm" % pid) as f:
                if f.read().strip() == "hostql-worker":
                    return pid
        except OSError:
            pass
    return None


def idle_in_loop(pid):
    """Whether pid blocks in poll() on two descriptors."""
    try:
        with open("/proc/%d/syscall" % pid) as f:
            fields = f.read().split()
    except OSError:
        return False
    return len(fields) > 2 and fields[0] == str(POLL_NR) and \
        int(fields[2], 16) == 2


def wait_idle(root, gap, limit=30.0):
    """The worker's pid once it has lived gap seconds and is idle."""
    born = time.monotonic()
    pid = worker_of(root)
    end = born + limit
    while time.monotonic() < end:
        now = worker_of(root)
        if now != pid:
            pid, born = now, time.monotonic()
        if pid is not None and time.monotonic() - born >= gap and \
                idle_in_loop(pid):
            return pid
        time.sleep(0.01)
    return None


def one_restart(root, old, limit=10.0):
    """(spawned, ready) in seconds after killing old, or None."""
    t0 = time.monotonic()
    os.kill(old, signal.SIGKILL)
    spawned = new = None
    while time.monotonic() - t0 < limit:
        if new is None:
            pid = worker_of(root)
            if pid is not None and pid != old:
                new, spawned = pid, time.monotonic() - t0
        if new is not None and idle_in_loop(new):
            return spawned, time.monotonic() - t0
        time.sleep(PERIOD)
    return None


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write("usage: restart_time.py PID RUNS [GAP]\n")
        return 64
    if POLL_NR is None:
        sys.stderr.write("restart_time: no poll number known for %s\n" %
                         platform.machine())
        return 2
    root, runs = int(argv[1]), int(argv[2])
    gap = float(argv[3]) if len(argv) == 4 else 1.5
    spawned, ready = [], []
    for i in range(runs):
        old = wait_idle(root, gap)
        if old is None:
            sys.stderr.write("restart_time: no idle worker after run %d\n"
                             % i)
            return 1
        got = one_restart(root, old)
        if got is None:
            sys.stderr.write("restart_time: no worker ready within 10 s "
                             "of the kill (run %d)\n" % (i + 1))
            return 1
        spawned.append(got[0] * 1000)
        ready.append(got[1] * 1000)
    print("runs=%d spawned_median_ms=%.1f spawned_max_ms=%.1f "
          "ready_median_ms=%.1f ready_max_ms=%.1f ready_min_ms=%.1f" %
          (runs, statistics.median(spawned), max(spawned),
           statistics.median(ready), max(ready), min(ready)))
    sys.stderr.write("restart_time: ready after (ms): %s\n" %
                     " ".join("%.0f" % r for r in ready))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
