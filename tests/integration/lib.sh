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
