# Helpers for the integration scripts; sourced, not run.
fail() {
	echo "$(basename "$0" .sh): FAIL: $*" >&2
	exit 1
}

# hq SQL: the rows of hostql's CSV output without the header; a query
# that fails fails the test, with hostql's message.
hq() {
	_hq_err=$(mktemp)
	"$HOSTQL" --csv --noheader "$1" 2>"$_hq_err" ||
	    fail "hostql failed on: $1: $(cat "$_hq_err")"
	rm -f "$_hq_err"
}

# expect_eq WHAT GOT WANT
expect_eq() {
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}

# expect_contains WHAT TEXT NEEDLE
expect_contains() {
	case "$2" in
	*"$3"*) ;;
	*) fail "$1: '$3' not found in: $2" ;;
	esac
}

# hq_list SQL: the rows of hostql's list output, "|"-separated, without
# the header; a query that fails fails the test.  hostql's stderr is left
# in $tmp/err.
hq_list() {
	"$HOSTQL" --list --noheader --separator '|' "$1" 2>"$tmp/err" ||
	    fail "hostql failed on: $1: $(cat "$tmp/err")"
}

# hq_list_quiet SQL: hq_list, where a warning fails the test too.
hq_list_quiet() {
	hq_list "$1"
	[ -s "$tmp/err" ] && fail "$1: warnings: $(cat "$tmp/err")"
	return 0
}

# expect_files_eq WHAT [WANT GOT]: the two files ($tmp/want and $tmp/got
# unless named) are the same, else their diff and a failure.
expect_files_eq() {
	if ! cmp -s "${2:-$tmp/want}" "${3:-$tmp/got}"; then
		diff "${2:-$tmp/want}" "${3:-$tmp/got}" >&2
		fail "$1"
	fi
}

# wait_for WHAT COMMAND...: run COMMAND until it succeeds, for 5 s at
# most; then WHAT is the failure.
wait_for() {
	_wf_what=$1
	shift
	_wf_i=0
	until "$@"; do
		_wf_i=$((_wf_i + 1))
		[ $_wf_i -gt 100 ] && fail "$_wf_what"
		sleep 0.05
	done
}

# with_child: a scratch $tmp, and $spid for a process the test starts;
# on exit the process is killed and $tmp removed.
with_child() {
	tmp=$(mktemp -d) || exit 1
	spid=
	trap '[ -n "$spid" ] && kill "$spid" 2>/dev/null; rm -rf "$tmp"' EXIT
	trap 'exit 1' INT TERM
}

# with_home_user NAME: a scratch $tmp, and a user NAME of the test's own,
# made afresh with a home ($uid, $home); both removed on exit.
with_home_user() {
	user=$1
	userdel -r "$user" 2>/dev/null
	tmp=$(mktemp -d) || exit 1
	trap 'userdel -r "$user" 2>/dev/null; rm -rf "$tmp"' EXIT
	trap 'exit 1' INT TERM
	useradd -m -s /bin/sh "$user" || fail "useradd"
	uid=$(id -u "$user")
	home=$(getent passwd "$user" | cut -d: -f6)
}
