#!/bin/sh
# npm_packages on node_modules trees this script makes: a project with
# plain, scoped and nested packages, a package.json that is no JSON, a
# directory that is no package and a link that leads back up (WHERE
# directory, and max_depth); a global package under /usr/local/lib; a
# test user's ~/.npm-global.  Everything is removed at exit.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
base=${TESTDIR:-/var/tmp}
tmp=$(mktemp -d "$base/hostql-npm.XXXXXX") || exit 1
user=hqnpm_user
global=/usr/local/lib/node_modules
made_global=
cleanup() {
	userdel "$user" 2>/dev/null
	rm -rf "$global/hostql-test-global"
	[ -n "$made_global" ] && rmdir "$global"
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

pkg() {	# pkg DIR JSON
	mkdir -p "$1"
	printf '%s\n' "$2" > "$1/package.json"
}

app="$tmp/app"
nm="$app/node_modules"
pkg "$nm/alpha" '{"name": "alpha", "version": "1.0.0", "description": "A", "author": {"name": "Ann", "email": "a@x"}, "license": "MIT", "homepage": "https://alpha.example.org"}'
pkg "$nm/alpha/node_modules/beta" '{"name": "beta", "version": "2.0.0", "author": "Bob <b@x>", "license": {"type": "BSD", "url": "https://beta.example.org/license"}}'
pkg "$nm/alpha/node_modules/beta/node_modules/gamma" '{"name": "gamma", "version": "3.0.0-rc.1"}'
pkg "$nm/@scope/delta" '{"name": "@scope/delta", "version": "4.0.0", "description": 7}'
pkg "$nm/broken" '{"name": "broken", '
mkdir -p "$nm/.bin" "$nm/nopackage"
ln -s ../../.. "$nm/alpha/node_modules/beta/node_modules/loop"
{ "$HOSTQL" --policy | grep -v '^#'; echo "allow read $tmp/**"; } \
    > "$tmp/policy"

q() {
	"$HOSTQL" --policy_path "$tmp/policy" --csv --noheader "$1" \
	    2>"$tmp/err" || fail "hostql failed on: $1: $(cat "$tmp/err")"
}

got=$(q "SELECT name, version, description, author, license, homepage,
    path, directory, depth FROM npm_packages WHERE directory = '$app'
    ORDER BY path")
# The link is a package (alpha, once more), whose node_modules is not
# entered again.
beta_nm="$nm/alpha/node_modules/beta/node_modules"
want="@scope/delta,4.0.0,,,,,$nm/@scope/delta/package.json,$app,0
gamma,3.0.0-rc.1,,,,,$beta_nm/gamma/package.json,$app,2
alpha,1.0.0,A,Ann,MIT,https://alpha.example.org,$beta_nm/loop/package.json,$app,2
beta,2.0.0,,Bob <b@x>,https://beta.example.org/license,,$nm/alpha/node_modules/beta/package.json,$app,1
alpha,1.0.0,A,Ann,MIT,https://alpha.example.org,$nm/alpha/package.json,$app,0
,,,,,,$nm/broken/package.json,$app,0"
expect_eq "the project's packages" "$got" "$want"
expect_contains "warning for a package.json that is no JSON" \
    "$(cat "$tmp/err")" "$nm/broken/package.json"

got=$(q "SELECT count(*), max(depth), max(max_depth) FROM npm_packages
    WHERE directory = '$app' AND max_depth = 1")
expect_eq "max_depth = 1" "$got" "4,1,1"
got=$(q "SELECT count(*) FROM npm_packages WHERE directory = '$app'
    AND max_depth = 0")
expect_eq "max_depth = 0" "$got" 3
got=$(q "SELECT count(*) FROM npm_packages WHERE directory = '$app'
    AND max_depth = -1")
expect_eq "max_depth = -1" "$got" 6
got=$(q "SELECT count(*) FROM npm_packages WHERE directory = '$tmp/none'")
expect_eq "a directory that is not there" "$got" 0

# A global package, and a user's.
[ -d "$global" ] || { mkdir -p "$global" && made_global=1; }
pkg "$global/hostql-test-global" '{"name": "hostql-test-global", "version": "0.0.1"}'
home="$tmp/home"
useradd -M -d "$home" -s /usr/sbin/nologin "$user" || fail "useradd"
pkg "$home/.npm-global/lib/node_modules/userpkg" '{"name": "userpkg", "version": "9.9.9"}'
got=$(q "SELECT directory, depth FROM npm_packages
    WHERE name = 'hostql-test-global'")
expect_eq "a global package" "$got" "/usr/local/lib,0"
got=$(q "SELECT directory, path FROM npm_packages WHERE name = 'userpkg'")
expect_eq "a user's package" "$got" \
    "$home/.npm-global/lib,$home/.npm-global/lib/node_modules/userpkg/package.json"
echo "test_npm_packages: ok"
