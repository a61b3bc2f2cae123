#!/bin/sh
# process_envs: under the default policy environments are secrets, so
# the table has no rows and says why on stderr; under a policy that
# allows "proc environ", the variables of a process of our own are
# exactly those of /proc/<pid>/environ, odd ones included.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
with_child

env -i A=1 'B=x=y' C= 'D=a, "b"' 'SECRET_TOKEN=hunter2' \
    "$(command -v sleep)" 60 </dev/null >/dev/null 2>&1 &
spid=$!
started() {
	tr '\0' '\n' <"/proc/$spid/environ" 2>/dev/null | grep -q '^A=1$'
}
wait_for "test process did not start" started

# Default policy: no rows, a warning naming the policy, no failure.
"$HOSTQL" --csv --noheader "SELECT * FROM process_envs WHERE pid = $spid" \
    >"$tmp/out" 2>"$tmp/err" || fail "process_envs failed: $(cat "$tmp/err")"
[ ! -s "$tmp/out" ] || fail "default policy gave rows: $(cat "$tmp/out")"
expect_contains "warning" "$(cat "$tmp/err")" "allow proc environ"
# The built-in default is policy/default.policy.
default_policy="${ROOT:-$(dirname "$0")/../..}/policy/default.policy"
grep -q '^deny proc environ' "$default_policy" ||
    fail "the default policy does not deny environ plainly"
# A join with the table still answers.
got=$(hq "SELECT p.pid, e.key FROM processes p LEFT JOIN process_envs e
    USING (pid) WHERE p.pid = $spid" 2>/dev/null)
expect_eq "join" "$got" "$spid,"

# A policy that allows environments.
grep -v '^deny proc environ' "$default_policy" >"$tmp/policy"
echo "allow proc environ" >>"$tmp/policy"
envq() {
	"$HOSTQL" --policy_path "$tmp/policy" --csv --noheader "$1" \
	    2>"$tmp/err" || fail "hostql failed on: $1: $(cat "$tmp/err")"
}
got=$(envq "SELECT key, value FROM process_envs WHERE pid = $spid")
want=$(cat <<'EOT'
A,1
B,x=y
C,
D,"a, ""b"""
SECRET_TOKEN,hunter2
EOT
)
[ "$got" = "$want" ] || fail "environment: want
$want
got
$got"

# This shell's whole environment, as the kernel keeps it: one variable
# per NUL (a value may hold a line break).
want=$(tr -cd '\0' <"/proc/$$/environ" | wc -c | tr -d ' ')
got=$(envq "SELECT count(*) FROM process_envs WHERE pid = $$")
expect_eq "count of this shell's variables" "$got" "$want"
got=$(envq "SELECT count(DISTINCT pid) > 1 FROM process_envs")
expect_eq "every process" "$got" 1
echo "test_process_envs: ok"
