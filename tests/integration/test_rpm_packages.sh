#!/bin/sh
# rpm_packages and rpm_package_files against rpm itself.  The script
# builds two small packages with rpmbuild (one with an epoch, a vendor
# and files of several kinds, one with none of these) and records them
# in the system's RPM database, /var/lib/rpm, with rpm --justdb (the
# database is created when there is none); every package and every file
# of the database is then compared with rpm -qa --queryformat; when the
# script created the database, again in a Berkeley DB Packages file made
# from it.  The packages are erased at exit, and a database the script
# created is removed.  Needs Debian's rpm (rpm, rpmbuild) and
# db5.3-util (db5.3_load) packages.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
base=${TESTDIR:-/var/tmp}
tmp=$(mktemp -d "$base/hostql-rpm.XXXXXX") || exit 1
dbpath=/var/lib/rpm
created=
rpmq() {
	rpm --dbpath "$dbpath" "$@" 2>/dev/null
}
# rpm -e erases nothing when one of its names is not installed.
erase() {
	for p in hostql-test hostql-test-bare; do
		rpmq -e --justdb --nodeps --allmatches "$p"
	done
}
cleanup() {
	erase
	if [ -n "$created" ]; then
		rm -f "$dbpath"/rpmdb.sqlite "$dbpath"/rpmdb.sqlite-shm \
		    "$dbpath"/rpmdb.sqlite-wal "$dbpath"/.rpm.lock \
		    "$dbpath"/Packages
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

command -v rpm >/dev/null && command -v rpmbuild >/dev/null ||
    fail "rpm and rpmbuild are needed (Debian package rpm)"

mkdir -p "$tmp/top/SPECS"
cat > "$tmp/top/SPECS/hostql-test.spec" <<'EOF'
Name: hostql-test
Version: 1.2.3
Release: 4
Epoch: 2
Summary: A package for hostql's tests
License: MIT
Group: Applications/System
Vendor: hostql
BuildArch: noarch
%description
A package for hostql's tests.
%install
mkdir -p %{buildroot}/opt/hostql-test/sub
echo hello > %{buildroot}/opt/hostql-test/hello.txt
printf '#!/bin/sh\necho hi\n' > %{buildroot}/opt/hostql-test/run.sh
ln -s hello.txt %{buildroot}/opt/hostql-test/link
: > %{buildroot}/opt/hostql-test/sub/empty
%files
%defattr(-,root,root)
%dir /opt/hostql-test
%dir /opt/hostql-test/sub
/opt/hostql-test/hello.txt
/opt/hostql-test/link
%attr(0750,root,root) /opt/hostql-test/run.sh
%attr(4711,root,root) /opt/hostql-test/sub/empty
EOF
cat > "$tmp/top/SPECS/hostql-test-bare.spec" <<'EOF'
Name: hostql-test-bare
Version: 0.1
Release: 1
Summary: A package with no epoch, vendor or files
License: MIT
Group: Development/Tools
BuildArch: noarch
%description
No files.
%files
EOF
for spec in hostql-test hostql-test-bare; do
	rpmbuild --define "_topdir $tmp/top" -bb \
	    "$tmp/top/SPECS/$spec.spec" >"$tmp/build.log" 2>&1 ||
	    fail "rpmbuild failed: $(tail -5 "$tmp/build.log")"
done

if [ ! -e "$dbpath/rpmdb.sqlite" ]; then
	mkdir -p "$dbpath"
	rpmq --initdb || fail "rpm --initdb failed"
	created=1
fi
erase
rpmq -i --justdb --nodeps --ignorearch "$tmp"/top/RPMS/noarch/*.rpm ||
    fail "rpm could not record the test packages in $dbpath"

# rpm's view and hostql's, as lines of '|'-separated fields; rpm prints
# "(none)" for what a package does not have, hostql NULL.  $1 is what
# the comparison is of; the rest are options for rpm.
compare_packages() {
	what=$1
	shift
	rpmq "$@" -qa --queryformat '%{NAME}|%{VERSION}|%{RELEASE}|%{SOURCERPM}|%{LONGSIZE}|%{SHA1HEADER}|%{ARCH}|%{EPOCH}|%{INSTALLTIME}|%{VENDOR}|%{GROUP}\n' |
	    sed 's/(none)//g' | sort > "$tmp/want"
	"$HOSTQL" --json "SELECT * FROM rpm_packages" 2>"$tmp/err" |
	    python3 -c '
import json, sys
cols = ["name", "version", "release", "source", "size", "sha1", "arch",
    "epoch", "install_time", "vendor", "package_group"]
for r in json.load(sys.stdin):
    print("|".join("" if r[c] is None else str(r[c]) for c in cols))
' | sort > "$tmp/got"
	grep -q '^hostql-test|1.2.3|4|hostql-test-1.2.3-4.src.rpm|' \
	    "$tmp/want" || fail "$what: rpm does not list the test package"
	if ! cmp -s "$tmp/want" "$tmp/got"; then
		diff "$tmp/want" "$tmp/got" >&2
		fail "$what: rpm_packages differs from rpm -qa" \
		    "(< rpm, > hostql): $(cat "$tmp/err")"
	fi
}

# Files: the mode as its permission bits, the digest only where the
# package digests its files with SHA-256.
compare_files() {
	what=$1
	shift
	rpmq "$@" -qa --queryformat '[%{=NAME}|%{FILENAMES}|%{FILEUSERNAME}|%{FILEGROUPNAME}|%{FILEMODES}|%{FILESIZES}|%{FILEDIGESTS}|%{=FILEDIGESTALGO}\n]' |
	    python3 -c '
import sys
for line in sys.stdin:
    f = line.rstrip("\n").split("|")
    digest = f[6] if f[7] == "8" else ""
    print("|".join(f[:4] + ["%04o" % (int(f[4]) & 0o7777), f[5], digest]))
' | sort > "$tmp/want"
	"$HOSTQL" --json "SELECT * FROM rpm_package_files" 2>"$tmp/err" |
	    python3 -c '
import json, sys
cols = ["package", "path", "username", "groupname", "mode", "size",
    "sha256"]
for r in json.load(sys.stdin):
    print("|".join("" if r[c] is None else str(r[c]) for c in cols))
' | sort > "$tmp/got"
	grep -q '^hostql-test|/opt/hostql-test/sub/empty|root|root|4711|0|' \
	    "$tmp/want" || fail "$what: rpm does not list the test files"
	if ! cmp -s "$tmp/want" "$tmp/got"; then
		diff "$tmp/want" "$tmp/got" >&2
		fail "$what: rpm_package_files differs from rpm -qa" \
		    "(< rpm, > hostql)"
	fi
}

compare_packages "sqlite"
compare_files "sqlite"

# The name index, for one package and for one that is not there.
got=$(hq "SELECT name, epoch, vendor FROM rpm_packages
    WHERE name IN ('hostql-test-bare', 'no-such-package')")
expect_eq "WHERE name IN (...)" "$got" "hostql-test-bare,,"
got=$(hq "SELECT count(*) FROM rpm_package_files
    WHERE package = 'hostql-test'")
expect_eq "files of one package" "$got" 6
got=$(hq "SELECT path FROM rpm_package_files WHERE package = 'hostql-test'
    AND mode = '0750'")
expect_eq "WHERE package AND mode" "$got" /opt/hostql-test/run.sh
got=$(hq "SELECT count(*) FROM rpm_package_files
    WHERE package = 'hostql-test-bare'")
expect_eq "a package with no files" "$got" 0

# A database the policy keeps closed: a warning, no rows, no failure.
"$HOSTQL" --policy | grep -v '^#' | grep -v '/var/lib/rpm' \
    > "$tmp/policy"
echo "deny read $dbpath/**" >> "$tmp/policy"
got=$("$HOSTQL" --policy_path "$tmp/policy" --csv --noheader \
    "SELECT count(*) FROM rpm_packages" 2>"$tmp/err") ||
    fail "a refused database failed the query: $(cat "$tmp/err")"
expect_eq "rows of a refused database" "$got" 0
expect_contains "warning for a refused database" "$(cat "$tmp/err")" \
    "rpmdb.sqlite"
# The same packages in a Berkeley DB Packages file, as RHEL 7 and 8
# keep them: made from the sqlite database with db5.3_load (one key per
# package number, in this host's byte order; key 0 is rpm's counter),
# read by rpm's bdb_ro backend and by hostql.  Only done with a database
# this script created, which it may then swap for another.
if [ -n "$created" ]; then
	command -v db5.3_load >/dev/null ||
	    fail "db5.3_load is needed (Debian package db5.3-util)"
	python3 - "$dbpath/rpmdb.sqlite" > "$tmp/dump" <<'EOF'
import sqlite3, struct, sys
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
rows = db.execute("SELECT hnum, blob FROM Packages ORDER BY hnum").fetchall()
print("VERSION=3\nformat=bytevalue\ntype=hash\nHEADER=END")
top = max([h for h, _ in rows] + [0])
for hnum, blob in [(0, struct.pack("=I", top + 1))] + rows:
    if hnum == 0:
        print(" " + struct.pack("=I", 0).hex())
        print(" " + blob.hex())
    else:
        print(" " + struct.pack("=I", hnum).hex())
        print(" " + bytes(blob).hex())
print("DATA=END")
EOF
	mkdir "$tmp/bdb"
	db5.3_load -f "$tmp/dump" "$tmp/bdb/Packages" ||
	    fail "db5.3_load failed"
	mkdir "$tmp/saved"
	mv "$dbpath"/rpmdb.sqlite* "$tmp/saved/"
	cp "$tmp/bdb/Packages" "$dbpath/Packages"
	compare_packages "bdb" --define '_db_backend bdb_ro'
	compare_files "bdb" --define '_db_backend bdb_ro'
	got=$(hq "SELECT count(*) FROM rpm_package_files
	    WHERE package = 'hostql-test'")
	expect_eq "bdb: files of one package" "$got" 6
	rm -f "$dbpath/Packages"
	mv "$tmp"/saved/rpmdb.sqlite* "$dbpath/"
fi
echo "test_rpm_packages: ok"
