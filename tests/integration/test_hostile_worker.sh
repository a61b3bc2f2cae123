#!/bin/sh
# A worker that speaks the IPC with hostile intent: everything the policy
# forbids is refused, every malformed message gets the sender killed, and
# privd survives it all and still serves the next, honest worker.
. "$(dirname "$0")/lib.sh"

link=/etc/hostql-hostile-link
escape=/usr/local/hostql-hostile-escape
shadow_link=/etc/hostql-hostile-shadow
key=/root/.ssh/id_hostql_hostile
ln -sf gshadow "$link"
ln -sf ../../etc/passwd "$escape"
ln -sf shadow "$shadow_link"
mkdir -p /root/.ssh
head -c 1000 /dev/zero | tr '\0' k >"$key"
trap 'rm -f "$link" "$escape" "$shadow_link" "$key"' EXIT

"$HOSTQL" --verbose --worker_path "$ROOT/$BUILD/hostile-worker" \
    --worker_restarts 20 >"$TESTDIR/out" 2>"$TESTDIR/err"
rc=$?
out=$(cat "$TESTDIR/out")
err=$(cat "$TESTDIR/err")
echo "$out"
echo "$err"
expect_eq "privd exit status" "$rc" 0
expect_contains "survivor" "$out" "served after 20 violations"
for p in /etc/gshadow /etc/ssh/ssh_host_ed25519_key /var/log/syslog \
    "$link" "$escape" /proc/1/environ /proc/kcore "proc environ"; do
	expect_contains "refusal" "$out" "refused $p: yes"
done
# What the policy lets out on its terms, and never as a descriptor.
for p in /etc/shadow "$shadow_link"; do
	expect_contains "shadow read" "$out" "read $p: ok, no hash"
	expect_contains "shadow descriptor" "$out" \
	    "refused descriptor of $p: yes"
done
expect_contains "key prefix" "$out" "read private key: 40 bytes"
expect_contains "key descriptor" "$out" \
    "refused descriptor of private key: yes"
kills=$(echo "$err" | grep -c "killing it")
expect_eq "workers killed" "$kills" 20
for what in "message type not allowed" "malformed message" "bad frame" \
    "second HELLO" "request before HELLO" "unexpected descriptor"; do
	expect_contains "reason" "$err" "$what"
done
expect_contains "refusal log" "$err" "refused READ_FILE /etc/gshadow"
