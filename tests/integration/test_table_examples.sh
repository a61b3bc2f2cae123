#!/bin/sh
# Every table's example query, as the table reference shows it, runs:
# each table of hostql --schema_json has a one-line description ending in
# '.' and an example that hostql runs without an error (an SQL error, a
# required column left out, a deadline, a crash).  Warnings are fine: a
# source this machine lacks gives fewer rows, not a failed query.  The
# tables come from the schema, so a table added later is checked too.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
: "${TESTDIR:?set TESTDIR to a scratch folder}"

"$HOSTQL" --schema_json >"$TESTDIR/schema.json" ||
    fail "hostql --schema_json failed"
# One table a line: name, a tab, the example on one line.  Tables whose
# description or example is missing are reported here, and the examples
# run all the same, so that one run shows every problem.
undescribed=""
python3 - "$TESTDIR/schema.json" >"$TESTDIR/examples" <<'EOF' ||
import json, sys
bad = 0
for t in json.load(open(sys.argv[1])):
    d, e = t.get("description") or "", t.get("example") or ""
    if not d.endswith(".") or "\n" in d:
        print("%s: the description is not one line ending in '.'"
              % t["name"], file=sys.stderr)
        bad = 1
    if not e.strip():
        print("%s: no example query" % t["name"], file=sys.stderr)
        bad = 1
    print("%s\t%s" % (t["name"], " ".join(e.split())))
sys.exit(bad)
EOF
    undescribed=" (and tables without a description or an example)"

tab=$(printf '\t')
failed=""
count=0
while IFS=$tab read -r name sql; do
	count=$((count + 1))
	if ! "$HOSTQL" --csv "$sql" </dev/null >"$TESTDIR/out" \
	    2>"$TESTDIR/err"; then
		echo "$name: $sql" >&2
		sed 's/^/    /' "$TESTDIR/err" >&2
		failed="$failed $name"
	fi
done <"$TESTDIR/examples"
[ "$count" -gt 0 ] || fail "no table in the schema"
[ -z "$failed" ] || fail "examples that fail:$failed$undescribed"
[ -z "$undescribed" ] || fail "tables without a description or an example"
echo "test_table_examples: ok ($count tables)"
