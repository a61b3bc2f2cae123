#!/bin/sh
# kernel_info against uname -r and /proc/cmdline.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"

col()
{
	"$HOSTQL" --csv --noheader "SELECT $1 FROM kernel_info" 2>/dev/null |
	    sed -e 's/^"\(.*\)"$/\1/' -e 's/""/"/g'
}

got=$(col version)
[ "$got" = "$(uname -r)" ] || fail "version [$got], uname -r [$(uname -r)]"

# The words of the command line, BOOT_IMAGE= taken out into path.
want_args=$(tr -s ' \t' '\n\n' </proc/cmdline | grep -v '^BOOT_IMAGE=' |
    grep -v '^$' | tr '\n' ' ' | sed 's/ $//')
want_path=$(tr -s ' \t' '\n\n' </proc/cmdline | sed -n 's/^BOOT_IMAGE=//p' |
    tail -n 1)
want_dev=$(tr -s ' \t' '\n\n' </proc/cmdline | sed -n 's/^root=//p' |
    tail -n 1)
got=$(col arguments)
[ "$got" = "$want_args" ] || fail "arguments [$got], want [$want_args]"
got=$(col path)
[ "$got" = "$want_path" ] || fail "path [$got], want [$want_path]"
got=$(col device)
[ "$got" = "$want_dev" ] || fail "device [$got], want [$want_dev]"
echo "test_kernel_info: ok"
