#!/bin/sh
# The worker as the kernel sees it while it waits for a query: seccomp
# filter on, no_new_privs, no capabilities, not root, an empty root
# directory, its own name; and the filter kills it at the first call
# outside the allowlist.
. "$(dirname "$0")/lib.sh"

fifo="$TESTDIR/in"
mkfifo "$fifo"
"$HOSTQL" --csv <"$fifo" >"$TESTDIR/out" 2>&1 &
privd=$!
exec 3>"$fifo"
worker=""
for _ in $(seq 50); do
	worker=$(pgrep -P "$privd" 2>/dev/null | head -1)
	[ -n "$worker" ] && grep -q '^Seccomp:.*2' "/proc/$worker/status" && break
	sleep 0.1
done
[ -n "$worker" ] || fail "no worker under privd $privd"
status=$(cat "/proc/$worker/status")

field() { echo "$status" | awk -v k="$1:" '$1 == k { print $2 }'; }
expect_eq "worker Seccomp" "$(field Seccomp)" 2
expect_eq "worker NoNewPrivs" "$(field NoNewPrivs)" 1
expect_eq "worker CapEff" "$(field CapEff)" 0000000000000000
expect_eq "worker CapPrm" "$(field CapPrm)" 0000000000000000
expect_eq "worker CapBnd" "$(field CapBnd)" 0000000000000000
uid=$(echo "$status" | awk '$1 == "Uid:" { print $2 $3 $4 $5 }')
want=$(id -u _hostql)
expect_eq "worker uids" "$uid" "$want$want$want$want"
expect_eq "worker name" "$(cat /proc/$worker/comm)" hostql-worker
expect_eq "privd name" "$(cat /proc/$privd/comm)" hostql-privd
expect_eq "privd uid" "$(awk '$1 == "Uid:" { print $2 }' /proc/$privd/status)" 0
# The worker's root is an empty directory.
expect_eq "worker root entries" "$(ls -A /proc/$worker/root/ | wc -l)" 0
# No descriptor beyond stdio and the channel.
fds=$(ls /proc/$worker/fd | sort -n | tr '\n' ' ')
expect_eq "worker fds" "$fds" "0 1 2 3 "
nofile=$(awk '/Max open files/ { print $4 }' /proc/$worker/limits)
expect_eq "worker nofile" "$nofile" 32
# Sanitizer builds leave room for LeakSanitizer's tracer.
if [ "$BUILD" != build-san ]; then
	nproc=$(awk '/Max processes/ { print $3 }' /proc/$worker/limits)
	expect_eq "worker nproc" "$nproc" 0
fi

echo "SELECT 40 + 2;" >&3
exec 3>&-
wait "$privd"
rc=$?
expect_eq "exit status" "$rc" 0
expect_contains "output" "$(cat "$TESTDIR/out")" 42

# Outside the allowlist, the kernel kills the worker (sanitizer builds
# only log, as their runtime makes calls the allowlist does not have).
[ "$BUILD" = build-san ] && exit 0
for call in open socket execve; do
	out=$("$HOSTQL" --sandbox_probe="$call" 'SELECT 1' 2>&1)
	rc=$?
	expect_eq "exit status after $call" "$rc" 1
	expect_contains "probe $call" "$out" "signal 31"
done
