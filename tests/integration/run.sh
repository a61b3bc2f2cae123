#!/bin/sh
# Runs every tests/integration/test_*.sh against the built binaries, as
# root, and closes with the "N passed, N failed" line.  Each script gets
# HOSTQL (the hostql binary), BUILD (the build folder) and TESTDIR (a
# fresh scratch folder), and fails by exiting non-zero.
BUILD=${BUILD:-build}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HOSTQL="$ROOT/$BUILD/hostql"
export BUILD HOSTQL ROOT

if [ "$(id -u)" != 0 ]; then
	echo "integration tests run as root" >&2
	exit 1
fi
# The sandboxed worker runs as its own user; make sure it exists.
sh "$ROOT/packaging/add-users.sh" >/dev/null

passed=0
failed=0
failures=""
for t in "$ROOT"/tests/integration/test_*.sh; do
	name=$(basename "$t" .sh)
	TESTDIR=$(mktemp -d /var/tmp/hostql-test.XXXXXX)
	export TESTDIR
	start=$(date +%s.%N)
	if sh "$t" >"$TESTDIR.log" 2>&1; then
		passed=$((passed + 1))
		status=ok
	else
		failed=$((failed + 1))
		failures="$failures $name"
		status=FAIL
	fi
	secs=$(echo "$(date +%s.%N) - $start" | bc 2>/dev/null || echo "?")
	printf '%-40s %s (%ss)\n' "$name" "$status" "$secs"
	if [ "$status" = FAIL ]; then
		sed 's/^/    | /' "$TESTDIR.log" | tail -40
	fi
	rm -rf "$TESTDIR" "$TESTDIR.log"
done
[ -n "$failures" ] && echo "failed:$failures"
echo "integration: $passed passed, $failed failed"
[ "$failed" = 0 ]
