#!/bin/sh
# The kernel_modules table (/proc/modules read by privd) against lsmod.
# A kernel without loadable modules has nothing to time: skipped.
. "$(dirname "$0")/lib.sh"

QUERY='SELECT * FROM kernel_modules'

if [ ! -e /proc/modules ] || ! command -v lsmod >/dev/null 2>&1; then
	echo "bench: skipped: no /proc/modules or no lsmod here" >&2
	exit 0
fi
bench_start "$QUERY"
compare_tool kernel_modules "$QUERY" lsmod lsmod
