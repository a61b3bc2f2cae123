#!/bin/sh
# Figure 4: SHA-256 of a 100 MB file through the hash table (privd opens
# the file and passes the descriptor, the worker reads and hashes it)
# against sha256sum.  The file is made of random bytes under /var/tmp,
# which the default policy does not let privd read, so hostql runs with
# bench/bench.policy: the default plus that directory.  Both read from a
# warm page cache after the warm-up runs.
. "$(dirname "$0")/lib.sh"

DIR=/var/tmp/hostql-bench
FILE=$DIR/blob
SIZE_MB=${SIZE_MB:-100}
POLICY=$BENCH/bench.policy
QUERY="SELECT sha256 FROM hash WHERE path = '$FILE'"

hostql_ready || exit 1
tmp=$(bench_tmpdir) || exit 1
trap 'rm -rf "$tmp" "$DIR"' EXIT
trap 'exit 130' INT TERM

# The policy here must be the default plus one rule; say so if it drifted.
if grep -v -x -F -f "$POLICY" "$(dirname "$BENCH")/policy/default.policy" |
    grep -q .; then
	echo "bench: note: bench/bench.policy no longer holds all of" \
	    "policy/default.policy" >&2
fi

mkdir -p "$DIR" || exit 1
head -c "${SIZE_MB}M" /dev/urandom > "$FILE" || exit 1

want=$(sha256sum "$FILE" | cut -d ' ' -f 1)
got=$("$HOSTQL" --policy_path "$POLICY" --csv --noheader "$QUERY")
if [ "$got" != "$want" ]; then
	echo "bench: skipped: hostql's hash ($got) is not sha256sum's" \
	    "($want)" >&2
	exit 1
fi

time_commands "$tmp/t.json" "$((RUNS * 2 / 3))" \
    "$HOSTQL --policy_path $POLICY --csv \"$QUERY\"" "sha256sum $FILE" ||
    exit 1
h=$(median_ms "$tmp/t.json" 0)
s=$(median_ms "$tmp/t.json" 1)
echo "figure: hash_${SIZE_MB}M hostql_median_ms=$h sha256sum_median_ms=$s" \
    "ratio=$(ratio "$h" "$s") target_ratio=1.2" \
    "hostql_min_ms=$(min_ms "$tmp/t.json" 0)" \
    "sha256sum_min_ms=$(min_ms "$tmp/t.json" 1)"
peak_rss hash_${SIZE_MB}M "$HOSTQL" --policy_path "$POLICY" --csv "$QUERY"
echo "figure: rss.hash_${SIZE_MB}M sha256sum_peak_kb=$(native_rss sha256sum "$FILE")"
