#!/bin/sh
# processes against ps(1): the ids, parent, real uid, name and command
# line of every process that stays the same while both look, then the
# pid constraint and the columns of this shell.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# CSV as hostql writes it: quote a field holding a comma, a quote or a
# line break, and double the quotes inside.
csv='function q(s) {
	if (s ~ /[,"\n\r]/) { gsub(/"/, "\"\"", s); return "\"" s "\"" }
	return s
}'

snap_ids()
{
	LC_ALL=C ps -e -ww -o pid= -o ppid= -o ruid= -o comm= | awk "$csv"'
	{
		pid = $1; ppid = $2; uid = $3
		sub(/^[ \t]*[0-9]+[ \t]+[0-9]+[ \t]+[0-9]+ /, "")
		# A kernel worker renames itself with each work item.
		if ($0 !~ /^kworker\//) print pid "," ppid "," uid "," q($0)
	}'
}

snap_args()
{
	LC_ALL=C ps -e -ww -o pid= -o args= | awk "$csv"'
	{
		pid = $1
		sub(/^[ \t]*[0-9]+ /, "")
		sub(/[ \t]+$/, "")
		if ($0 !~ /^\[/) print pid "," q($0)
	}'
}

# Compare hostql's lines with the ps lines seen alike before and after it.
# ps prints a control character as a space and, in the C locale, a byte
# above ASCII as "?": the processes whose column ($5) holds either are
# left out, named by a query of their own.
compare()
{
	hq "SELECT pid FROM processes WHERE $5 GLOB '*[^ -~]*'" >"$tmp/skip"
	awk -F, -v what="$1" '
	FILENAME == ARGV[1] { skip[$0] = 1; next }
	$1 in skip { next }
	FILENAME == ARGV[2] { before[$0] = 1; next }
	FILENAME == ARGV[3] {
		if ($0 in before) stable[$1] = $0
		next
	}
	{
		if (!($1 in stable)) next
		seen[$1] = 1; n++
		if ($0 != stable[$1]) {
			printf "%s: pid %s: hostql [%s] ps [%s]\n", what, $1,
			    $0, stable[$1]
			bad++
		}
	}
	END {
		for (p in stable) if (!(p in seen)) {
			printf "%s: pid %s missing: ps [%s]\n", what, p,
			    stable[p]
			bad++
		}
		if (n < 5) { printf "%s: only %d processes compared\n",
		    what, n; bad++ }
		exit bad > 0
	}' "$tmp/skip" "$2" "$3" "$4"
}

snap_ids >"$tmp/ids.before"
hq "SELECT pid, parent, uid, name FROM processes
    WHERE name NOT LIKE 'kworker/%'" >"$tmp/ids.hq"
snap_ids >"$tmp/ids.after"
compare ids "$tmp/ids.before" "$tmp/ids.after" "$tmp/ids.hq" name >&2 ||
    fail "pid, parent, uid, name differ from ps"

# ps shows a process without a command line (a kernel thread, a zombie)
# as "[name]"; hostql gives the empty string, as osquery does.  Those
# are left out here: their names were compared above.
snap_args >"$tmp/args.before"
hq "SELECT pid, cmdline FROM processes WHERE cmdline != ''" >"$tmp/args.hq"
snap_args >"$tmp/args.after"
compare cmdline "$tmp/args.before" "$tmp/args.after" "$tmp/args.hq" \
    cmdline >&2 ||
    fail "cmdline differs from ps args"

# The pid constraint: only the pids asked for, none for a pid that
# cannot exist.
self=$$
got=$(hq "SELECT pid FROM processes WHERE pid = $self")
[ "$got" = "$self" ] || fail "WHERE pid = $self gave [$got]"
got=$(hq "SELECT pid FROM processes WHERE pid IN ($self, 1, 2147483647)
    ORDER BY pid" | tr '\n' ' ')
[ "$got" = "1 $self " ] || fail "WHERE pid IN (...) gave [$got]"
got=$(hq "SELECT count(*) FROM processes WHERE pid = -5")
[ "$got" = "0" ] || fail "WHERE pid = -5 gave [$got]"

# This shell's own columns.
exe=$(readlink "/proc/$self/exe")
cwd=$(readlink "/proc/$self/cwd")
uid=$(id -u)
gid=$(id -g)
now=$(date +%s)
etime=$(ps -o etimes= -p "$self" | tr -d ' ')
line=$(hq "SELECT path, on_disk, cwd, uid, euid, gid, state, root,
    start_time, wired_size FROM processes WHERE pid = $self")
IFS=, read -r h_path h_disk h_cwd h_uid h_euid h_gid h_state h_root h_start \
    h_wired <<EOT
$line
EOT
[ "$h_path" = "$exe" ] || fail "path [$h_path], exe link [$exe]"
[ "$h_disk" = 1 ] || fail "on_disk [$h_disk] for a program on disk"
[ "$h_cwd" = "$cwd" ] || fail "cwd [$h_cwd], cwd link [$cwd]"
[ "$h_uid" = "$uid" ] && [ "$h_euid" = "$uid" ] ||
    fail "uid/euid [$h_uid/$h_euid], id -u [$uid]"
[ "$h_gid" = "$gid" ] || fail "gid [$h_gid], id -g [$gid]"
case "$h_state" in
[RSDTtZXI]) ;;
*) fail "state [$h_state]" ;;
esac
[ "$h_root" = / ] || fail "root [$h_root]"
[ "$h_wired" = 0 ] || fail "wired_size [$h_wired]"
want=$((now - etime))
diff=$((h_start - want))
[ "$diff" -ge -2 ] && [ "$diff" -le 2 ] ||
    fail "start_time [$h_start], ps says about [$want]"

# Memory and times are numbers in bytes and milliseconds.
line=$(hq "SELECT resident_size > 0, total_size >= resident_size,
    user_time >= 0, system_time >= 0, threads >= 1, parent = $PPID
    FROM processes WHERE pid = $self")
[ "$line" = "1,1,1,1,1,1" ] || fail "sizes/times/threads/parent [$line]"
# A program deleted while it runs: path without the kernel's mark,
# on_disk 0.
cp "$(command -v sleep)" "$tmp/gone" || fail "cannot copy sleep"
"$tmp/gone" 30 &
gone=$!
trap 'kill "$gone" 2>/dev/null; rm -rf "$tmp"' EXIT
i=0
while [ "$(readlink "/proc/$gone/exe")" != "$tmp/gone" ] && [ $i -lt 50 ]; do
	sleep 0.02
	i=$((i + 1))
done
rm -f "$tmp/gone"
got=$(hq "SELECT path, on_disk FROM processes WHERE pid = $gone")
[ "$got" = "$tmp/gone,0" ] || fail "deleted program gave [$got]"
echo "test_processes: ok"
