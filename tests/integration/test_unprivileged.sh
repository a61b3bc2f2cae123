#!/bin/sh
# Run by a normal user, hostql still answers, with that user's rights, and
# its worker is still confined: seccomp, no_new_privs, an empty root in a
# user namespace.
. "$(dirname "$0")/lib.sh"

bin="$TESTDIR/bin"
mkdir -p "$bin"
cp "$ROOT/$BUILD/hostql" "$ROOT/$BUILD/hostql-worker" "$bin/"
chmod 755 "$TESTDIR" "$bin" "$bin"/*
as_nobody() {
	setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
}

out=$(as_nobody "$bin/hostql" --csv --header=false \
    "SELECT pid FROM processes WHERE pid = 1" 2>&1)
expect_eq "pid 1 as nobody" "$out" 1

# privd has nobody's rights: a file only root may read, which the policy
# allows, hashes for root and not for nobody.
secret=/etc/hostql-test-secret
echo secret >"$secret"
chmod 600 "$secret"
trap 'rm -f "$secret"' EXIT
q="SELECT count(*) FROM hash WHERE path = '$secret' AND sha256 IS NOT NULL"
expect_eq "secret as root" "$("$bin/hostql" --csv --header=false "$q")" 1
out=$(as_nobody "$bin/hostql" --csv --header=false "$q" 2>"$TESTDIR/err")
expect_eq "secret as nobody" "$out" 0
expect_contains "warning" "$(cat "$TESTDIR/err")" "Permission denied"

fifo="$TESTDIR/in"
mkfifo "$fifo"
chmod 666 "$fifo"
setpriv --reuid=nobody --regid=nogroup --clear-groups -- \
    "$bin/hostql" --csv <"$fifo" >"$TESTDIR/out" 2>&1 &
privd=$!
exec 3>"$fifo"
worker=""
for _ in $(seq 50); do
	worker=$(pgrep -P "$privd" | head -1)
	[ -n "$worker" ] && grep -q '^Seccomp:.*2' "/proc/$worker/status" && break
	sleep 0.1
done
[ -n "$worker" ] || fail "no worker"
expect_eq "Seccomp" "$(awk '$1 == "Seccomp:" { print $2 }' /proc/$worker/status)" 2
expect_eq "NoNewPrivs" "$(awk '$1 == "NoNewPrivs:" { print $2 }' /proc/$worker/status)" 1
expect_eq "CapEff" "$(awk '$1 == "CapEff:" { print $2 }' /proc/$worker/status)" 0000000000000000
expect_eq "uid" "$(awk '$1 == "Uid:" { print $2 }' /proc/$worker/status)" "$(id -u nobody)"
expect_eq "root entries" "$(ls -A /proc/$worker/root/ | wc -l)" 0
echo "SELECT 6 * 7;" >&3
exec 3>&-
wait
expect_contains "answer" "$(cat "$TESTDIR/out")" 42
