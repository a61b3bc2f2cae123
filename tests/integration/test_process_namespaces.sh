#!/bin/sh
# process_namespaces against the /proc/<pid>/ns links and lsns(8): this
# shell, a process of our own in new network and UTS namespaces, and the
# first process lsns names in each namespace.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
with_child

ns_line() {
	_line=$1
	for _t in cgroup ipc mnt net pid user uts; do
		_l=$(readlink "/proc/$1/ns/$_t") || fail "readlink $1 $_t"
		_n=${_l#*[}
		_line="$_line,${_n%]}"
	done
	echo "$_line"
}
cols="pid, cgroup_namespace, ipc_namespace, mnt_namespace, net_namespace,
    pid_namespace, user_namespace, uts_namespace"

got=$(hq "SELECT $cols FROM process_namespaces WHERE pid = $$")
expect_eq "this shell" "$got" "$(ns_line $$)"

unshare --net --uts "$(command -v sleep)" 60 </dev/null >/dev/null 2>&1 &
spid=$!
unshared() {
	[ "$(readlink "/proc/$spid/ns/net")" != \
	    "$(readlink /proc/$$/ns/net)" ] &&
	    [ "$(readlink "/proc/$spid/exe")" = \
	    "$(readlink -f "$(command -v sleep)")" ]
}
wait_for "unshare did not start" unshared
got=$(hq "SELECT $cols FROM process_namespaces WHERE pid = $spid")
expect_eq "unshared process" "$got" "$(ns_line "$spid")"
got=$(hq "SELECT a.net_namespace != b.net_namespace,
    a.mnt_namespace = b.mnt_namespace FROM process_namespaces a,
    process_namespaces b WHERE a.pid = $$ AND b.pid = $spid")
expect_eq "new net, same mnt" "$got" "1,1"

# lsns names, for each namespace, its lowest pid; that process must have
# it.  Namespaces whose process has gone meanwhile are skipped.
lsns -n -r -o NS,TYPE,PID >"$tmp/lsns" || fail "lsns"
n=0
while read -r ns type p; do
	case "$type" in cgroup | ipc | mnt | net | pid | user | uts) ;;
	*) continue ;; esac
	[ -d "/proc/$p" ] || continue
	got=$(hq "SELECT ${type}_namespace FROM process_namespaces
	    WHERE pid = $p")
	[ -d "/proc/$p" ] || continue
	expect_eq "lsns $type of $p" "$got" "$ns"
	n=$((n + 1))
done <"$tmp/lsns"
[ $n -ge 7 ] || fail "only $n namespaces compared"
echo "test_process_namespaces: ok"
