#!/bin/sh
# hostql verify against tampering: hostqld runs on a 1 s schedule with a
# small rotation size, so that its results fill several files; the logs
# verify as written.  Then each of these, on a copy of the log directory,
# makes hostql verify fail (exit 1) and name the place in its first
# FAILED line: a value edited, a line deleted, two lines swapped, a line
# made up (without a chain member, and with one of its own making), a
# line cut short, the newest lines cut off, a rotated middle file
# deleted, a signature edited.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/daemon_lib.sh"
set -u
trap 'daemon_cleanup' EXIT

cat >"$D/hostqld.conf" <<'CONF'
{
  "schedule": {
    "time": { "query": "SELECT unix_time FROM time", "interval": 1 },
    "procs": {
      "query": "SELECT pid, name FROM processes ORDER BY pid LIMIT 20",
      "interval": 1
    },
    "kernel": {
      "query": "SELECT version FROM kernel_info",
      "interval": 1, "snapshot": true
    }
  }
}
CONF
# Enough files that rotation drops none here; what it drops is checked
# at the end.
daemon_start "$D/hostqld.conf" --logger_rotate_size 2048 \
    --logger_rotate_max_files 1000
wait_for "$LOGS/hostqld.results.log.3" '"hostql":' 30 ||
    fail "the results did not rotate into four files: $(ls "$LOGS")"
wait_until 10 sh -c "cat '$LOGS'/hostqld.snapshots.log* |
    grep -q '\"counter\":1,'" || fail "no second snapshot"
daemon_stop
verify_logs
expect_contains "verify" "$(cat "$D/verify")" "OK: every line verifies"

# The changes, each on its own copy; each prints the text the first
# FAILED line must hold.
cat >"$D/tamper.py" <<'PY'
import os, re, sys

op, d = sys.argv[1], sys.argv[2]
R = "hostqld.results.log"
S = "hostqld.results.sig"
STREAMS = (R, "hostqld.snapshots.log", "hostqld.status.log")

def read(name):
    with open(os.path.join(d, name), "rb") as f:
        return f.read()

def lines(name):
    data = read(name)
    assert data.endswith(b"\n"), name
    return data[:-1].split(b"\n")

def write(name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

def write_lines(name, ls):
    write(name, b"".join(l + b"\n" for l in ls))

def seq(line):
    return int(re.findall(rb',"hostql":\{"seq":(\d+),', line)[-1])

def files(base):
    """A stream's files, oldest first."""
    rot = [int(n[len(base) + 1:]) for n in os.listdir(d)
           if n.startswith(base + ".") and n[len(base) + 1:].isdigit()]
    return ["%s.%d" % (base, n) for n in sorted(rot, reverse=True)] + [base]

def all_seqs():
    return {seq(l) for b in STREAMS for n in files(b) if os.path.exists(
        os.path.join(d, n)) for l in lines(n) if b'"hostql":' in l}

def batch_of(s):
    """The signature line of the batch holding seq s."""
    for n in files(S):
        for i, l in enumerate(lines(n)):
            m = re.match(rb'\{"first":(\d+),"last":(\d+),', l)
            if int(m.group(1)) <= s <= int(m.group(2)):
                return "the batch of seq %s to %s (%s line %d) does " \
                    "not verify" % (m.group(1).decode(), m.group(2).decode(),
                                    n, i + 1)
    raise SystemExit("no batch holds seq %d" % s)

MADE_UP = (b'{"name":"procs","hostIdentifier":"h","calendarTime":"Mon May  2 '
           b'22:27:32 2016 UTC","unixTime":1462228052,"epoch":0,"counter":1,'
           b'"numerics":false,"columns":{"pid":"1","name":"evil"},'
           b'"action":"added"')
F = R + ".2"
ls = lines(F)
assert len(ls) >= 3, "%s has %d lines" % (F, len(ls))

if op == "edit":
    l = ls[1]
    at = l.index(b'"columns":{"')
    at = l.index(b'":"', at + 12) + 3
    assert l[at:at + 1].isdigit(), l
    ls[1] = l[:at] + str((int(l[at:at + 1]) + 1) % 10).encode() + l[at + 1:]
    write_lines(F, ls)
    print("edited: %s line 2 (seq %d) does not match its link" % (F, seq(l)))
elif op == "delete":
    s = seq(ls.pop(1))
    write_lines(F, ls)
    print("removed: seq %d to %d are missing" % (s, s))
elif op == "swap":
    a, b = seq(ls[1]), seq(ls[2])
    ls[1], ls[2] = ls[2], ls[1]
    write_lines(F, ls)
    print("reordered: %s line 3 (seq %d) comes after seq %d" % (F, a, b))
elif op == "insert":
    ls.insert(1, MADE_UP + b"}")
    write_lines(F, ls)
    print("inserted: %s line 2 is not a line hostqld wrote" % F)
elif op == "insert_chained":
    # A chain member of its own making: seq 0, and the link the chain
    # starts from, before the first line of the oldest file.
    old = files(R)[0]
    write(old, MADE_UP + b',"hostql":{"seq":0,"link":"' + b"0" * 64 +
          b'"}}\n' + read(old))
    print("unsigned: %s line 1 (seq 0) is in no batch whose signature "
          "verifies" % old)
elif op == "cut_line":
    data = read(F)
    write(F, data[:len(data) - len(ls[-1]) // 2 - 1])
    print("inserted: %s line %d is not a line hostqld wrote" % (F, len(ls)))
elif op == "cut_tail":
    live = lines(R)
    keep = len(live) // 2
    s0 = seq(live[keep])
    write_lines(R, live[:keep])
    later = [s for s in all_seqs() if s > s0]
    print("removed: seq %d to" % s0 if later else batch_of(s0))
elif op == "delete_file":
    a = seq(ls[0])
    os.unlink(os.path.join(d, F))
    print("removed: seq %d to" % a)
elif op == "edit_sig":
    # Line 2 of the newest signature file that has one.
    name = [n for n in files(S) if len(lines(n)) >= 2][-1]
    sl = lines(name)
    at = sl[1].index(b'"sig":"') + 7
    sl[1] = sl[1][:at] + (b"B" if sl[1][at:at + 1] == b"A" else b"A") + \
        sl[1][at + 1:]
    write_lines(name, sl)
    print("bad signature: %s line 2" % name)
else:
    raise SystemExit("unknown change " + op)
PY

mkdir "$D/t"
for op in edit delete swap insert insert_chained cut_line cut_tail \
    delete_file edit_sig; do
	cp -a "$LOGS" "$D/t/$op"
	want=$(python3 "$D/tamper.py" "$op" "$D/t/$op") ||
	    fail "$op: could not make the change"
	"$HOSTQL" verify --database_path "$D/state" "$D/t/$op" \
	    >"$D/t/$op.out" 2>&1
	rc=$?
	[ "$rc" = 1 ] ||
	    fail "$op: hostql verify exited $rc: $(cat "$D/t/$op.out")"
	first=$(grep -m 1 '^FAILED: ' "$D/t/$op.out")
	expect_contains "$op: first FAILED line" "$first" "FAILED: $want"
done

# What rotation drops, the oldest results file with its signatures,
# is not tampering.
cp -a "$LOGS" "$D/t/rotated"
oldest=$(ls "$D/t/rotated" | sed -n 's/^hostqld\.results\.log\.\([0-9]*\)$/\1/p' |
    sort -n | tail -1)
rm "$D/t/rotated/hostqld.results.log.$oldest" \
    "$D/t/rotated/hostqld.results.sig.$oldest"
"$HOSTQL" verify --database_path "$D/state" "$D/t/rotated" \
    >"$D/t/rotated.out" 2>&1 ||
    fail "after rotation: $(cat "$D/t/rotated.out")"
expect_contains "after rotation" "$(cat "$D/t/rotated.out")" \
    "OK: every line verifies"

# The directory verified at first still does.
verify_logs
echo "test_verify_tamper: ok"
