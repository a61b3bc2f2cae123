#!/bin/sh
# Figure 3: the listening_ports table (a sock_diag dump by privd, the
# owners found through /proc/<pid>/fd) against ss listing listening TCP
# and UDP sockets with their processes.
. "$(dirname "$0")/lib.sh"

QUERY='SELECT * FROM listening_ports'

bench_start "$QUERY"
compare_tool listening_ports "$QUERY" ss "ss -ltnup"
