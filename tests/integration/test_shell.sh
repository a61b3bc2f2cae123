#!/bin/sh
# The shell as a user meets it: the exact text of each output mode for a
# fixed SELECT of literals, exit statuses and their messages, statements
# on stdin, meta commands, and an interactive session in tmux.
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d) || exit 1
tmux_sock="hostql-test-$$"
trap 'tmux -L "$tmux_sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

nl='
'
SQL="SELECT 1 AS a, 'x,y' AS b, NULL AS c"

# out WHAT WANT ARGS...: stdout must be WANT and the status 0.
out()
{
	what=$1
	want=$2
	shift 2
	got=$("$HOSTQL" "$@" 2>"$tmp/err")
	rc=$?
	expect_eq "$what: status (stderr: $(cat "$tmp/err"))" "$rc" 0
	expect_eq "$what" "$got" "$want"
}

# status WHAT RC MESSAGE ARGS...: exit status RC and MESSAGE on stderr.
status()
{
	what=$1
	want_rc=$2
	msg=$3
	shift 3
	"$HOSTQL" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	expect_eq "$what: status" "$rc" "$want_rc"
	expect_contains "$what: stderr" "$(cat "$tmp/err")" "$msg"
}

# Output modes.
out pretty "+---+-----+---+
| a | b   | c |
+---+-----+---+
| 1 | x,y |   |
+---+-----+---+" "$SQL"
out json '[
  {"a":"1","b":"x,y","c":""}
]' --json "$SQL"
out json_pretty '[
  {
    "a": "1",
    "b": "x,y",
    "c": ""
  }
]' --json_pretty "$SQL"
out "json, no rows" '[]' --json "$SQL WHERE 0"
out csv 'a,b,c
1,"x,y",' --csv "$SQL"
out "csv, no header" '1,"x,y",' --csv --header=false "$SQL"
out "csv, --noheader" '1,"x,y",' --csv --noheader "$SQL"
out list 'a|b|c
1|x,y|' --list "$SQL"
out "list, separator" '1;x,y;NULL' --list --noheader --separator ';' \
    --nullvalue=NULL "$SQL"
out line '    a = 1
    b = x,y
    c = ' --line "$SQL"
out "csv quoting" '"say ""hi""","two
lines"' --csv --noheader "SELECT 'say \"hi\"', 'two' || char(10) || 'lines'"
out "json escaping" '[
  {"v":"tab\there \"q\" back\\slash \u0001"}
]' --json "SELECT 'tab' || char(9) || 'here \"q\" back\\slash ' || char(1) AS v"
out "several statements" '1
2' --list --noheader "SELECT 1; SELECT 2"
out "a query that opens with a comment" '7' --list --noheader \
    "-- why${nl}SELECT 7"

# Exit statuses and messages.
status "unknown table" 1 "Error: no such table: nope" "SELECT * FROM nope"
status "syntax error" 1 'Error: near "SELEC": syntax error' "SELEC 1"
status "unknown column" 1 "no such column: nope" \
    "SELECT nope FROM processes"
status "unknown flag" 2 "hostql: unknown flag --foo; see hostql --help" \
    --foo "SELECT 1"
status "unknown flag with value" 2 "unknown flag --foo;" --foo=1 "SELECT 1"
status "flag without value" 2 "--separator needs a value" --separator
status "bad timeout" 2 "--query_timeout wants milliseconds" \
    --query_timeout soon "SELECT 1"
status "empty query" 2 "empty query" "  "
status "two queries" 2 "one query at a time" "SELECT 1" "SELECT 2"
status "deadline" 1 "deadline" --query_timeout 100 \
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)
    SELECT count(*) FROM c"
"$HOSTQL" --help >"$tmp/out" 2>&1 || fail "--help: status $?"
expect_contains "--help" "$(cat "$tmp/out")" "--json"
"$HOSTQL" --version >"$tmp/out" 2>&1 || fail "--version: status $?"
expect_contains "--version" "$(cat "$tmp/out")" "hostql "

# Statements on stdin: split at complete statements, meta commands
# between them, an error shown without stopping the rest.
got=$(printf 'SELECT 1 AS a;\nSELECT\n  2 AS a; SELECT 3 AS a;\n' |
    "$HOSTQL" --csv 2>"$tmp/err") || fail "stdin: status $?"
expect_eq "stdin" "$got" "a${nl}1${nl}a${nl}2${nl}a${nl}3"
got=$(printf '.mode list\n.headers off\nSELECT 1, 2;\n-- done\n' |
    "$HOSTQL") || fail "stdin meta: status $?"
expect_eq "stdin meta" "$got" "1|2"
got=$(printf 'SELECT * FROM nope;\nSELECT 5;\n' |
    "$HOSTQL" --list --noheader 2>"$tmp/err")
expect_eq "stdin error: status" "$?" 1
expect_eq "stdin error: goes on" "$got" "5"
expect_contains "stdin error" "$(cat "$tmp/err")" "no such table: nope"
got=$(printf '.bail on\nSELECT * FROM nope;\nSELECT 5;\n' |
    "$HOSTQL" --list --noheader 2>/dev/null)
expect_eq "stdin .bail: stops" "$got" ""
printf 'SELECT 1;\nSELECT 2\n' | "$HOSTQL" >/dev/null 2>"$tmp/err"
expect_eq "incomplete statement: status" "$?" 1
expect_contains "incomplete statement" "$(cat "$tmp/err")" \
    "incomplete SQL"
printf '.nosuch\n' | "$HOSTQL" >/dev/null 2>"$tmp/err"
expect_eq "unknown meta command: status" "$?" 1
expect_contains "unknown meta command" "$(cat "$tmp/err")" \
    'unknown command ".nosuch"'

# Meta commands and their flags.
got=$("$HOSTQL" -L) || fail "-L: status $?"
expect_contains "-L" "$got" "  => processes"
got=$("$HOSTQL" ".tables proc") || fail ".tables: status $?"
expect_contains ".tables" "$got" "  => processes"
case "$got" in *users*) fail ".tables proc lists users" ;; esac
got=$("$HOSTQL" '.schema processes') || fail ".schema: status $?"
expect_contains ".schema" "$got" 'CREATE TABLE processes(`pid` BIGINT, '
expect_contains ".schema" "$got" 'PRIMARY KEY (`pid`)) WITHOUT ROWID;'
got=$("$HOSTQL" --json -A time) || fail "-A: status $?"
expect_contains "-A" "$got" '"unix_time":"'
status "-A unknown" 1 "no such table: nope" -A nope

# An interactive session, on a terminal that tmux provides.
if ! command -v tmux >/dev/null 2>&1; then
	echo "test_shell: tmux is missing; interactive session skipped"
	exit 0
fi
mkdir "$tmp/home"
tm()
{
	tmux -L "$tmux_sock" -f /dev/null "$@"
}
# type LINE: send it literally; tmux reads a last ';' as its own.
type_line()
{
	tm send-keys -t hq -l "${1%;}"
	case "$1" in *\;) tm send-keys -t hq '\;' ;; esac
	tm send-keys -t hq Enter
}
wait_for()
{
	i=0
	while [ $i -lt 50 ]; do
		tm capture-pane -p -t hq >"$tmp/pane" 2>/dev/null
		grep -q -- "$1" "$tmp/pane" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "interactive: '$1' never showed; the screen: $(cat "$tmp/pane")"
}
tm new-session -d -s hq -x 120 -y 50 \
    "HOME='$tmp/home' '$HOSTQL'; echo \"exit=\$?\"; sleep 10" ||
    fail "tmux cannot start"
wait_for '^hostql>'
type_line '.tables'
wait_for '=> processes'
type_line "SELECT 'it' ||"
wait_for '^    \.\.\.>'
type_line " 'works' AS answer;"
wait_for '| itworks |'
type_line 'SELECT * FROM nope;'
wait_for 'Error: no such table: nope'
type_line '.quit'
wait_for 'exit=0'
history=$(cat "$tmp/home/.hostql_history" 2>/dev/null)
expect_contains "history" "$history" ".tables"
expect_contains "history" "$history" " 'works' AS answer;"
exit 0
