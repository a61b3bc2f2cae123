#!/bin/sh
# os_version against os-release as the shell reads it, and uname -m.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"

# One column at a time, so that no CSV quoting is in the way.
col()
{
	"$HOSTQL" --csv --noheader "SELECT $1 FROM os_version" 2>/dev/null |
	    sed -e 's/^"\(.*\)"$/\1/' -e 's/""/"/g'
}

for f in /etc/os-release /usr/lib/os-release; do
	[ -r "$f" ] && break
done
[ -r "$f" ] || { echo "test_os_version: no os-release, skipped"; exit 0; }

eval "$(
	NAME= VERSION= ID= ID_LIKE= VERSION_ID= VERSION_CODENAME= BUILD_ID=
	. "$f"
	for v in NAME VERSION ID ID_LIKE VERSION_CODENAME BUILD_ID \
	    VERSION_ID; do
		eval "val=\$$v"
		printf "want_%s='%s'\n" "$v" \
		    "$(printf '%s' "$val" | sed "s/'/'\\\\''/g")"
	done
)"

check()
{
	got=$(col "$1")
	[ "$got" = "$2" ] || fail "$1 is [$got], $f says [$2]"
}

check name "$want_NAME"
check version "$want_VERSION"
check platform "$want_ID"
check platform_like "$want_ID_LIKE"
check codename "$want_VERSION_CODENAME"
check build "$want_BUILD_ID"
check arch "$(uname -m)"

major=$(printf '%s' "$want_VERSION_ID" | sed -n 's/^\([0-9]*\).*/\1/p')
minor=$(printf '%s' "$want_VERSION_ID" | sed -n 's/^[0-9]*\.\([0-9]*\).*/\1/p')
[ -n "$major" ] || major=0
[ -n "$minor" ] || minor=0
check major "$((major))"
check minor "$((minor))"
got=$(col "count(*)")
[ "$got" = 1 ] || fail "$got rows, want 1"
echo "test_os_version: ok"
