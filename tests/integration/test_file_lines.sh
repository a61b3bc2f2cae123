#!/bin/sh
# file_lines against the files' own lines, as Python splits them: system
# files, and files this script writes (CRLF, empty lines, no newline at
# the end, an empty file, a line longer than a read, a line longer than
# the table takes); by path, IN and LIKE; and what gives no row: a
# directory, a missing file, a file the policy keeps closed (warnings),
# a query without a path (an error).
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
base=${TESTDIR:-/var/tmp}
tmp=$(mktemp -d "$base/hostql-lines.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

d="$tmp/data"
mkdir -p "$d/sub"
printf 'one\r\ntwo\n\n\nlast without newline' > "$d/crlf.conf"
printf 'PermitRootLogin no\n# comment\n  Indented yes\n' > "$d/sshd.conf"
: > "$d/empty.conf"
python3 -c 'import sys; sys.stdout.write("x" * 200000 + "\nshort\n")' \
    > "$d/long.txt"
{ "$HOSTQL" --policy | grep -v '^#'; echo "allow read $d/**"; } \
    > "$tmp/policy"

# The lines of each file, as "path|line" with '|' and the bytes JSON
# escapes compared as JSON strings.
want() {
	python3 - "$@" <<'EOF'
import json, sys
for path in sys.argv[1:]:
    data = open(path, "rb").read().decode("utf-8", "replace")
    lines = data.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for l in lines:
        if l.endswith("\r"):
            l = l[:-1]
        print(json.dumps([path, l]))
EOF
}

got() {
	"$HOSTQL" --policy_path "$tmp/policy" --json "$1" 2>"$tmp/err" |
	    python3 -c '
import json, sys
for r in json.load(sys.stdin):
    print(json.dumps([r["path"], r["line"]]))
' || fail "hostql failed on: $1: $(cat "$tmp/err")"
}

check() {	# check WHAT QUERY FILE...
	what=$1
	query=$2
	shift 2
	want "$@" > "$tmp/want"
	got "$query" > "$tmp/got"
	if ! cmp -s "$tmp/want" "$tmp/got"; then
		diff "$tmp/want" "$tmp/got" | cut -c1-200 | head -10 >&2
		fail "$what: lines differ (< python, > hostql)"
	fi
}

check "/etc/passwd" "SELECT path, line FROM file_lines
    WHERE path = '/etc/passwd'" /etc/passwd
check "/etc/hosts and /etc/passwd" "SELECT path, line FROM file_lines
    WHERE path IN ('/etc/passwd', '/etc/hosts') ORDER BY path = '/etc/passwd'" \
    /etc/hosts /etc/passwd
check "odd lines" "SELECT path, line FROM file_lines
    WHERE path = '$d/crlf.conf'" "$d/crlf.conf"
check "a long line" "SELECT path, line FROM file_lines
    WHERE path = '$d/long.txt'" "$d/long.txt"
check "LIKE" "SELECT path, line FROM file_lines WHERE path LIKE '$d/%.conf'
    ORDER BY path" "$d/crlf.conf" "$d/empty.conf" "$d/sshd.conf"

got=$("$HOSTQL" --policy_path "$tmp/policy" --csv --noheader "SELECT line
    FROM file_lines WHERE path = '$d/sshd.conf' AND line LIKE
    'PermitRootLogin%'")
expect_eq "a CIS-style check" "$got" "PermitRootLogin no"

# A line longer than the table takes is cut, with a warning.
python3 -c 'import sys; sys.stdout.write("y" * 1500000)' > "$d/huge.txt"
got=$("$HOSTQL" --policy_path "$tmp/policy" --csv --noheader "SELECT
    length(line) FROM file_lines WHERE path = '$d/huge.txt'" 2>"$tmp/err")
expect_eq "a line cut" "$got" 1048576
expect_contains "warning for a cut line" "$(cat "$tmp/err")" "was cut"

# No rows: a directory, a missing file, a secret.
got=$("$HOSTQL" --policy_path "$tmp/policy" --csv --noheader "SELECT
    count(*) FROM file_lines WHERE path IN ('$d/sub', '$d/missing',
    '/etc/shadow')" 2>"$tmp/err") || fail "no-row paths failed the query"
expect_eq "rows of no file" "$got" 0
expect_contains "warning for a directory" "$(cat "$tmp/err")" \
    "$d/sub is not a regular file"
expect_contains "warning for /etc/shadow" "$(cat "$tmp/err")" "/etc/shadow"
if "$HOSTQL" --csv "SELECT * FROM file_lines" >/dev/null 2>"$tmp/err"; then
	fail "a query without a path was answered"
fi
expect_contains "error without a path" "$(cat "$tmp/err")" "path"
echo "test_file_lines: ok"
