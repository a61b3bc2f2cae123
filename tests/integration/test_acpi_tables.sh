#!/bin/sh
# acpi_tables against the files under /sys/firmware/acpi/tables: each
# table's name, size and md5sum, those in dynamic/ and data/ included.
# Then, in a mount namespace of the test's own, the same tables with a
# dynamic one and an MSDM (the Windows product key, a placeholder here):
# the default policy keeps MSDM back, so it is listed with its size, no
# md5 and a warning.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v unshare >/dev/null || fail "unshare not installed (util-linux)"
ACPI=/sys/firmware/acpi/tables

# name|size|md5 of every table, MSDM without its md5.
expected()
{
	[ -d "$ACPI" ] || return 0
	find "$ACPI" -maxdepth 2 -type f | while read -r f; do
		name=${f##*/}
		md5=
		[ "$name" = MSDM ] || md5=$(md5sum <"$f" | cut -d' ' -f1)
		echo "$name|$(wc -c <"$f" | tr -d ' ')|$md5"
	done | sort
}

check()
{
	expected >"$tmp/want"
	"$HOSTQL" --list --separator '|' --noheader \
	    "SELECT name, size, ifnull(md5, '') FROM acpi_tables" \
	    2>"$tmp/err" | sort >"$tmp/got" ||
	    fail "$1: hostql: $(cat "$tmp/err")"
	grep -v "$ACPI/MSDM: Permission denied" "$tmp/err" >"$tmp/err2"
	[ -s "$tmp/err2" ] && fail "$1: warnings: $(cat "$tmp/err2")"
	if ! cmp -s "$tmp/want" "$tmp/got"; then
		diff "$tmp/want" "$tmp/got" >&2
		fail "$1: acpi_tables differs from the files"
	fi
	# Without md5 no table is opened; the sizes come from stat.
	"$HOSTQL" --list --separator '|' --noheader \
	    "SELECT name, size FROM acpi_tables" 2>"$tmp/err" |
	    sort >"$tmp/got"
	[ -s "$tmp/err" ] && fail "$1: warnings: $(cat "$tmp/err")"
	cut -d'|' -f1,2 "$tmp/want" | sort >"$tmp/want2"
	cmp -s "$tmp/want2" "$tmp/got" || fail "$1: sizes from stat differ"
}

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

if [ "${1:-}" = inside ]; then
	mkdir "$tmp/real"
	[ -d "$ACPI" ] && find "$ACPI" -maxdepth 1 -type f \
	    -exec cp {} "$tmp/real/" \;
	mount -t tmpfs hostql-test "$ACPI" || fail "cannot mount tmpfs"
	mkdir "$ACPI/dynamic" "$ACPI/data"
	cp "$tmp/real"/* "$ACPI/" 2>/dev/null
	cp "$ACPI/DSDT" "$ACPI/dynamic/SSDT1" 2>/dev/null
	cp "$ROOT/tests/fixtures/acpi/MSDM" "$ACPI/"
	find "$ACPI" -type f -exec chmod 0400 {} +
	check "with MSDM and dynamic/"
	"$HOSTQL" --list --noheader "SELECT name FROM acpi_tables
	    WHERE name = 'MSDM' AND md5 IS NULL" 2>"$tmp/err" |
	    grep -qx MSDM || fail "MSDM was read"
	grep -q "MSDM: Permission denied" "$tmp/err" ||
	    fail "no warning for MSDM"
	exit 0
fi

check "this machine"
[ -d "$ACPI" ] || echo "test_acpi_tables: this machine has no ACPI tables"
# The namespace needs the directory to mount on.
if [ -d "$ACPI" ]; then
	unshare -m --propagation private sh "$0" inside ||
	    fail "tables with MSDM"
fi
echo "test_acpi_tables: ok"
