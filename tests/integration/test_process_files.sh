#!/bin/sh
# process_open_files and process_open_pipes against /proc/<pid>/fd, for
# processes of our own: one holding a file whose name has a space, a
# directory, a file deleted since and a FIFO opened both ways; the two
# ends of an anonymous pipe; a FIFO's reader and writer; a pipe whose
# reader has closed it.  Then every descriptor of every process that
# stays the same while both look, against find(1).
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
cleanup() {
	for f in "$tmp"/*.pid; do
		[ -s "$f" ] && kill "$(cat "$f")" 2>/dev/null
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# CSV as hostql writes it.
csv='function q(s) {
	if (s ~ /[,"\n\r]/) { gsub(/"/, "\"\"", s); return "\"" s "\"" }
	return s
}'

# launch NAME SHELL-REDIRECTIONS: a sleep that writes its pid to
# NAME.pid.tmp and has only the descriptors the redirections give it
# (below 10).  await NAME: wait until it runs sleep, with fd 0 closed
# when a second argument says so, and keep its pid in NAME.pid.
launch() {
	_name=$1
	shift
	# The & inside the eval: one child, which execs, holds the files.
	eval "sh -c 'echo \$\$ > \"\$1\"; exec sleep 60' \\
	    sh \"$tmp/$_name.pid.tmp\" $* &"
}
sleep_exe=$(readlink -f "$(command -v sleep)")
started() {
	[ -s "$tmp/$1.pid.tmp" ] &&
	    [ "$(readlink "/proc/$(cat "$tmp/$1.pid.tmp")/exe")" = \
	    "$sleep_exe" ] &&
	    { [ $# = 1 ] || [ ! -e "/proc/$(cat "$tmp/$1.pid.tmp")/fd/0" ]; }
}
await() {
	wait_for "$1 did not start" started "$@"
	mv "$tmp/$1.pid.tmp" "$tmp/$1.pid"
}
pid() {
	cat "$tmp/$1.pid"
}

mkfifo "$tmp/fifo" "$tmp/fifo2" || fail "mkfifo"
: >"$tmp/a file"
: >"$tmp/gone"
launch holder '3<"$tmp/a file" 4>>"$tmp/out" 5<>"$tmp/fifo" 6<"$tmp" \
    7<"$tmp/gone" </dev/null >/dev/null 2>/dev/null'
await holder
rm -f "$tmp/gone"
holder=$(pid holder)

# process_open_files: every descriptor that is not a socket, a pipe or an
# anonymous inode, with its link's target.
want=$(for f in /proc/"$holder"/fd/*; do
	t=$(readlink "$f")
	case "$t" in socket:* | pipe:* | anon_inode:*) continue ;; esac
	echo "${f##*/},$t"
done | sort -t, -k1,1n | awk "$csv"'
	{ fd = $0; sub(/,.*/, "", fd); p = $0; sub(/^[^,]*,/, "", p)
	  print fd "," q(p) }')
got=$(hq "SELECT fd, path FROM process_open_files WHERE pid = $holder
    ORDER BY fd")
[ "$got" = "$want" ] || fail "open files of $holder: want
$want
got
$got"
expect_contains "deleted file" "$got" "7,$tmp/gone (deleted)"
expect_contains "file with a space" "$got" "3,$tmp/a file"
expect_eq "no such pid" "$(hq "SELECT count(*) FROM process_open_files
    WHERE pid = 2147483647")" 0
expect_eq "pid IN" "$(hq "SELECT DISTINCT pid FROM process_open_files
    WHERE pid IN ($holder, 2147483647) ORDER BY pid")" "$holder"

# Pipes: a writer and a reader; a FIFO's two ends; a writer whose reader
# closed its end.
sh -c 'echo $$ > "$1"; exec sleep 60' sh "$tmp/w.pid.tmp" \
    </dev/null 2>/dev/null |
    sh -c 'echo $$ > "$1"; exec sleep 60' sh "$tmp/r.pid.tmp" \
    >/dev/null 2>/dev/null &
sh -c 'echo $$ > "$1"; exec sleep 60' sh "$tmp/lw.pid.tmp" \
    </dev/null 2>/dev/null |
    sh -c 'echo $$ > "$1"; exec 0<&-; exec sleep 60' sh "$tmp/lr.pid.tmp" \
    >/dev/null 2>/dev/null &
# The FIFO's reader waits in open() until the writer comes.
launch fr '<"$tmp/fifo2" >/dev/null 2>/dev/null'
launch fw '>"$tmp/fifo2" </dev/null 2>/dev/null'
for n in w r lw fr fw; do
	await $n
done
await lr closed
w=$(pid w) r=$(pid r) lw=$(pid lw) fr=$(pid fr) fw=$(pid fw)
pino=$(readlink "/proc/$w/fd/1" | tr -dc 0-9)
[ "$(readlink "/proc/$r/fd/0")" = "pipe:[$pino]" ] || fail "pipe set-up"
lino=$(readlink "/proc/$lw/fd/1" | tr -dc 0-9)
fino=$(stat -c %i "$tmp/fifo2")
hino=$(stat -c %i "$tmp/fifo")

want=$(sort -t, -k1,1n -k2,2n <<EOT
$holder,5,rw,$hino,named,,,
$w,1,w,$pino,anonymous,$r,0,r
$r,0,r,$pino,anonymous,$w,1,w
$lw,1,w,$lino,anonymous,,,
$fr,0,r,$fino,named,$fw,1,w
$fw,1,w,$fino,named,$fr,0,r
EOT
)
got=$(hq "SELECT pid, fd, mode, inode, type, partner_pid, partner_fd,
    partner_mode FROM process_open_pipes
    WHERE pid IN ($holder, $w, $r, $lw, $fr, $fw) AND fd < 10
    ORDER BY pid, fd")
[ "$got" = "$want" ] || fail "pipes: want
$want
got
$got"

# The whole table against find(1): the lines seen alike before and after
# hostql must all be there, and hostql may show no other line for those
# processes.  This shell's own descriptors change as it runs commands.
snap() {
	find /proc/[0-9]*/fd -mindepth 1 -maxdepth 1 -type l \
	    -printf '%h %f %l\n' 2>/dev/null | awk "$csv"'
	{
		split($1, d, "/"); pid = d[3]; fd = $2
		t = $0; sub(/^[^ ]* [^ ]* /, "", t)
		# A link nobody may read (a protected process) shows empty.
		if (t == "" || t ~ /^(socket|pipe|anon_inode):/) next
		print pid "," fd "," q(t)
	}' | grep -v "^$$," | sort -u
}
ok=0
for attempt in 1 2 3; do
	snap >"$tmp/before"
	hq "SELECT pid, fd, path FROM process_open_files" | grep -v "^$$," |
	    sort -u >"$tmp/hq"
	snap >"$tmp/after"
	comm -12 "$tmp/before" "$tmp/after" >"$tmp/stable"
	cut -d, -f1 "$tmp/stable" | sort -u >"$tmp/stable.pids"
	sort -u "$tmp/before" "$tmp/after" >"$tmp/either"
	missing=$(comm -23 "$tmp/stable" "$tmp/hq")
	extra=$(awk -F, 'NR == FNR { p[$1] = 1; next } $1 in p' \
	    "$tmp/stable.pids" "$tmp/hq" | comm -23 - "$tmp/either")
	if [ -z "$missing" ] && [ -z "$extra" ]; then
		ok=1
		break
	fi
	sleep 0.3
done
[ $ok = 1 ] || fail "process_open_files differs from /proc: missing
$missing
extra
$extra"
[ "$(wc -l <"$tmp/stable")" -ge 5 ] || fail "too few descriptors compared"
echo "test_process_files: ok"
