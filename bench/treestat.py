#!/usr/bin/env python3
"""Memory and CPU of a running hostqld: privd and its children.

Usage: treestat.py PID SECONDS [TRACE]

Every second for SECONDS, reads the resident set (VmRSS of
/proc/<pid>/status) and the proportional set (Pss of
/proc/<pid>/smaps_rollup) of PID and of each of its children, and keeps
the peak of their sums and of each process by name.  The CPU time of the
tree is taken at the start and at the end: PID's utime + stime + cutime +
cstime of /proc/<pid>/stat (a child privd reaped, a killed worker say,
is in its cutime/cstime) plus utime + stime of each live child.  Prints
one line of key=value figures (and, with TRACE, every sample to that
file: seconds since the start, then name=VmRSS in kB of each process):

    peak_rss_kb=... peak_pss_kb=... sum_hwm_kb=... cpu_pct=... seconds=...
    peak_rss_kb.hostql-privd=... (one per process name) restarts=...

VmRSS counts the shared libraries' pages in every process that maps
them, so the sum of three processes' RSS counts libc three times; Pss
splits each shared page between the processes that map it, so the sum
of Pss is what the three together cost the machine.  Both are printed,
and sum_hwm_kb, the VmHWM (high-water mark) of each process alive at the
end added up: a bound on a peak that came and went between two samples.
cpu_s.NAME is the CPU time of each live process since its start.
"""

import os
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def children(pid):
    """The pids of pid's children."""
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        pass
    # Kernels without CONFIG_PROC_CHILDREN: scan for the parent pid.
    out = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            st = stat_fields(int(name))
            if st is not None and int(st[1]) == pid:
                out.append(int(name))
    return out


def stat_fields(pid):
    """Fields of /proc/pid/stat after the command name: [0] is state."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            text = f.read()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()


def comm(pid):
    try:
        with open("/proc/%d/comm" % pid) as f:
            return f.read().strip()
    except OSError:
        return None


def status_kb(pid, key):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def pss_kb(pid):
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_ticks(root):
    """CPU ticks of root, the children it reaped, and its live children."""
    st = stat_fields(root)
    if st is None:
        return None
    # utime, stime, cutime, cstime: fields 14-17 of stat, 11-14 here.
    total = sum(int(x) for x in st[11:15])
    for pid in children(root):
        cst = stat_fields(pid)
        if cst is not None:
            total += int(cst[11]) + int(cst[12])
    return total


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write("usage: treestat.py PID SECONDS [TRACE]\n")
        return 64
    root, seconds = int(argv[1]), float(argv[2])
    trace = open(argv[3], "w") if len(argv) == 4 else None
    peak_rss = peak_pss = samples = 0
    peak_by_name = {}
    seen = set()
    start = time.monotonic()
    cpu0 = cpu_ticks(root)
    if cpu0 is None:
        sys.stderr.write("treestat: no process %d\n" % root)
        return 1
    while True:
        pids = [root] + children(root)
        rss = pss = 0
        line = []
        for pid in pids:
            name = comm(pid)
            if name is None:
                continue
            r = status_kb(pid, "VmRSS")
            rss += r
            pss += pss_kb(pid)
            peak_by_name[name] = max(peak_by_name.get(name, 0), r)
            line.append("%s=%d" % (name, r))
            seen.add((name, pid))
        peak_rss = max(peak_rss, rss)
        peak_pss = max(peak_pss, pss)
        samples += 1
        now = time.monotonic()
        if trace is not None:
            trace.write("%.0f %s\n" % (now - start, " ".join(line)))
            trace.flush()
        if now - start >= seconds:
            break
        time.sleep(min(1.0, start + seconds - now))
    cpu1 = cpu_ticks(root)
    wall = time.monotonic() - start
    if cpu1 is None:
        sys.stderr.write("treestat: %d ended during the run\n" % root)
        return 1
    # The high-water marks of the processes alive at the end, added up:
    # a bound on a peak that fell between two samples.
    hwm = sum(status_kb(pid, "VmHWM") for pid in [root] + children(root))
    # Each live process's own CPU time since it started (a restarted
    # child's predecessors are in privd's cutime, not here).
    own = {}
    for pid in [root] + children(root):
        st, name = stat_fields(pid), comm(pid)
        if st is not None and name is not None:
            own[name] = own.get(name, 0) + int(st[11]) + int(st[12])
    names = {}
    for name, _ in seen:
        names[name] = names.get(name, 0) + 1
    out = ["peak_rss_kb=%d" % peak_rss, "peak_pss_kb=%d" % peak_pss,
           "sum_hwm_kb=%d" % hwm,
           "cpu_pct=%.3f" % (100.0 * (cpu1 - cpu0) / TICK / wall),
           "cpu_s=%.2f" % ((cpu1 - cpu0) / TICK),
           "seconds=%.0f" % wall, "samples=%d" % samples]
    for name in sorted(peak_by_name):
        out.append("peak_rss_kb.%s=%d" % (name, peak_by_name[name]))
    for name in sorted(own):
        out.append("cpu_s.%s=%.2f" % (name, own[name] / TICK))
    # More than one pid under one name: a child was started again.
    out.append("restarts=%d" % sum(n - 1 for n in names.values()))
    print(" ".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
