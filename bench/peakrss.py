#!/usr/bin/env python3
"""Peak resident set size of every process a command starts.

Usage: peakrss.py COMMAND [ARG...]

Runs COMMAND (stdout to /dev/null) and prints one line per process of its
tree, in the order they exited:

    pid=123 ppid=122 comm=hostql-worker peak_rss_kb=4312

The figure comes from the kernel's exit accounting (taskstats over generic
netlink, the interface of the kernel's getdelays tool): at exit, before the
address space is torn down, the kernel reports each task's hiwater_rss,
the same high-water mark as VmHWM in /proc/<pid>/status.  Unlike
getrusage(RUSAGE_CHILDREN) or /usr/bin/time, which give the largest of a
process and all the descendants it reaped, this gives each process on its
own, and unlike polling /proc it cannot miss a process that exits quickly.
It needs root (or CAP_NET_ADMIN) in the initial namespaces and a kernel
built with CONFIG_TASKSTATS and CONFIG_TASK_XACCT; when either is missing
it says so on stderr and exits 2.
"""

import os
import socket
import struct
import subprocess
import sys

NETLINK_GENERIC = 16
GENL_ID_CTRL = 0x10
CTRL_CMD_GETFAMILY = 3
CTRL_ATTR_FAMILY_ID = 1
CTRL_ATTR_FAMILY_NAME = 2
NLM_F_REQUEST = 1
NLMSG_ERROR = 2

TASKSTATS_CMD_GET = 1
TASKSTATS_CMD_NEW = 2
TASKSTATS_TYPE_PID = 1
TASKSTATS_TYPE_STATS = 3
TASKSTATS_TYPE_AGGR_PID = 4
TASKSTATS_CMD_ATTR_REGISTER_CPUMASK = 3

# Offsets in struct taskstats of the fields read here.  They sit in the
# part of the structure that has not moved since version 1; newer
# versions only append.
OFF_COMM, OFF_PID, OFF_PPID, OFF_HIWATER_RSS = 80, 128, 132, 200


def align4(n):
    return (n + 3) & ~3


def attr(kind, payload):
    return struct.pack("=HH", 4 + len(payload), kind) + payload + \
        b"\0" * (align4(len(payload)) - len(payload))


def attrs(buf):
    """Yield (type, payload) of the netlink attributes in buf."""
    off = 0
    while off + 4 <= len(buf):
        length, kind = struct.unpack_from("=HH", buf, off)
        if length < 4 or off + length > len(buf):
            return
        yield kind & 0x3FFF, buf[off + 4:off + length]
        off += align4(length)


def messages(data):
    """Yield (type, genl cmd, attribute bytes) of each message in data."""
    off = 0
    while off + 16 <= len(data):
        length, mtype = struct.unpack_from("=IH", data, off)
        if length < 16 or off + length > len(data):
            return
        body = data[off + 16:off + length]
        if mtype == NLMSG_ERROR:
            err = struct.unpack_from("=i", body)[0]
            if err:
                raise OSError(-err, os.strerror(-err))
        elif len(body) >= 4:
            yield mtype, body[0], body[4:]
        off += align4(length)


def request(sock, family, cmd, payload):
    hdr = struct.pack("=IHHII", 16 + 4 + len(payload), family,
                      NLM_F_REQUEST | 4, 1, 0)   # 4: NLM_F_ACK
    sock.send(hdr + struct.pack("=BBH", cmd, 1, 0) + payload)


def taskstats_family(sock):
    request(sock, GENL_ID_CTRL, CTRL_CMD_GETFAMILY,
            attr(CTRL_ATTR_FAMILY_NAME, b"TASKSTATS\0"))
    family = None
    while family is None:
        for _, _, body in messages(sock.recv(65536)):
            for kind, val in attrs(body):
                if kind == CTRL_ATTR_FAMILY_ID:
                    family = struct.unpack_from("=H", val)[0]
    return family


def register(sock, family):
    cpus = "0-%d" % (os.cpu_count() - 1)
    request(sock, family, TASKSTATS_CMD_GET,
            attr(TASKSTATS_CMD_ATTR_REGISTER_CPUMASK, cpus.encode() + b"\0"))
    sock.recv(65536)    # the acknowledgement; an error raises


def exit_records(data):
    """Yield (pid, ppid, comm, hiwater_rss_kb) of each exit in data."""
    for _, cmd, body in messages(data):
        if cmd != TASKSTATS_CMD_NEW:
            continue
        for kind, val in attrs(body):
            if kind != TASKSTATS_TYPE_AGGR_PID:
                continue
            for sub, stats in attrs(val):
                if sub != TASKSTATS_TYPE_STATS or len(stats) < 208:
                    continue
                comm = stats[OFF_COMM:OFF_COMM + 32].split(b"\0")[0]
                pid, ppid = struct.unpack_from("=II", stats, OFF_PID)
                rss = struct.unpack_from("=Q", stats, OFF_HIWATER_RSS)[0]
                yield pid, ppid, comm.decode(errors="replace"), rss


def open_listener():
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
    sock.bind((0, 0))
    register(sock, taskstats_family(sock))
    return sock


def drain(sock, seen):
    """Read exit records until none came for a short while."""
    sock.settimeout(0.2)
    while True:
        try:
            data = sock.recv(1 << 20)
        except socket.timeout:
            return
        for rec in exit_records(data):
            seen.append(rec)


def tree_of(root, seen):
    """The records of root and its descendants, in exit order."""
    pids = {root}
    out = []
    # A child exits before its parent, so walk the records from the last
    # exit (the root) backwards to learn every pid of the tree first.
    for pid, ppid, _, _ in reversed(seen):
        if ppid in pids:
            pids.add(pid)
    for rec in seen:
        if rec[0] in pids:
            out.append(rec)
    return out


def main(argv):
    if len(argv) < 2:
        sys.stderr.write("usage: peakrss.py COMMAND [ARG...]\n")
        return 64
    try:
        sock = open_listener()
    except OSError as e:
        sys.stderr.write("peakrss: taskstats unavailable: %s\n" % e)
        return 2
    seen = []
    with open(os.devnull, "wb") as null:
        child = subprocess.Popen(argv[1:], stdout=null)
        status = child.wait()
    drain(sock, seen)
    for pid, ppid, comm, rss in tree_of(child.pid, seen):
        print("pid=%d ppid=%d comm=%s peak_rss_kb=%d" % (pid, ppid, comm, rss))
    return 0 if status == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
