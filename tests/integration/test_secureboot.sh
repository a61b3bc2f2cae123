#!/bin/sh
# secureboot against the EFI variables themselves (their fifth byte);
# a machine booted without EFI gets its one row with no values and a
# warning that says why.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
guid=8be4df61-93ca-11d2-aa0d-00e098032b8c
vars=/sys/firmware/efi/efivars

got=$("$HOSTQL" --list --noheader --separator '|' --nullvalue NULL \
    "SELECT secure_boot, setup_mode FROM secureboot" 2>"$tmp/err") ||
    fail "hostql failed: $(cat "$tmp/err")"

value() {
	f="$vars/$1-$guid"
	if [ -r "$f" ]; then
		v=$(od -An -tu1 -j4 -N1 "$f" | tr -d ' ')
		case "$v" in
		0|1) echo "$v" ;;
		*) echo -1 ;;
		esac
	else
		echo NULL
	fi
}
want="$(value SecureBoot)|$(value SetupMode)"
expect_eq "secureboot" "$got" "$want"
if [ ! -d "$vars" ]; then
	expect_contains "the warning" "$(cat "$tmp/err")" "not booted with EFI"
	echo "test_secureboot: no EFI here: only the empty row checked"
fi
echo "test_secureboot: ok"
