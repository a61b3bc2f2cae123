#!/bin/sh
# A worker that speaks the IPC with hostile intent: everything the policy
# forbids is refused, every malformed message gets the sender killed, and
# privd survives it all and still serves the next, honest worker.
. "$(dirname "$0")/lib.sh"

link=/etc/hostql-hostile-link
escape=/usr/local/hostql-hostile-escape
ln -sf shadow "$link"
ln -sf ../../etc/passwd "$escape"
trap 'rm -f "$link" "$escape"' EXIT

"$HOSTQL" --verbose --worker_path "$ROOT/$BUILD/hostile-worker" \
    --worker_restarts 20 >"$TESTDIR/out" 2>"$TESTDIR/err"
rc=$?
out=$(cat "$TESTDIR/out")
err=$(cat "$TESTDIR/err")
echo "$out"
echo "$err"
expect_eq "privd exit status" "$rc" 0
expect_contains "survivor" "$out" "served after 20 violations"
for p in /etc/shadow /etc/gshadow /root/.ssh/id_rsa /var/log/syslog \
    "$link" "$escape" /proc/1/environ /proc/kcore "proc environ"; do
	expect_contains "refusal" "$out" "refused $p: yes"
done
kills=$(echo "$err" | grep -c "killing it")
expect_eq "workers killed" "$kills" 20
for what in "message type not allowed" "malformed message" "bad frame" \
    "second HELLO" "request before HELLO" "unexpected descriptor"; do
	expect_contains "reason" "$err" "$what"
done
expect_contains "refusal log" "$err" "refused READ_FILE /etc/shadow"
