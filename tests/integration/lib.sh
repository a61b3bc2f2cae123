# Helpers for the integration scripts; sourced, not run.
fail() {
	echo "FAIL: $*" >&2
	exit 1
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
