#!/bin/sh
# shell_history for a user of the test's own.  Under the default policy
# histories are secrets: no rows, and a warning that says why.  Under a
# policy that allows them: the bash history (HISTTIMEFORMAT timestamps)
# as bash itself reads it back, the zsh history (written by zsh with
# EXTENDED_HISTORY, non-ASCII bytes metafied) as zsh's fc lists it, and
# plain histories a command a line with time 0.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
command -v zsh >/dev/null || fail "zsh is missing"
with_home_user hqhist_user

printf '%s\n' '#1600000000' 'ls -la' '#1600000100' "echo 'a, b'" \
    '#1600000200' 'cd /tmp' >"$home/.bash_history"
zsh -fic 'setopt extendedhistory; HISTFILE=$1; SAVEHIST=100; HISTSIZE=100
    print -s "git status"; print -s "echo voilà č"; fc -W' zsh \
    "$home/.zsh_history" </dev/null || fail "zsh could not write history"
printf '%s\n' 'echo from zhistory' >"$home/.zhistory"
printf '%s\n' 'echo from history' 'echo second' >"$home/.history"
mkdir "$home/.bash_sessions"
printf '%s\n' 'echo from a session' >"$home/.bash_sessions/one.history"
chown -R "$user:" "$home"

# The default policy: nothing, and a warning.
"$HOSTQL" --csv --noheader "SELECT count(*) FROM shell_history
    WHERE uid = $uid" >"$tmp/out" 2>"$tmp/err" ||
    fail "shell_history failed: $(cat "$tmp/err")"
[ "$(cat "$tmp/out")" = 0 ] || fail "the default policy gave" \
    "$(cat "$tmp/out") rows of histories: it needs 'deny read' rules for" \
    "each of .*_history, .zhistory, .history and .bash_sessions/**"
expect_contains "the warning" "$(cat "$tmp/err")" "refused by the policy"

# A policy of our own that allows histories.
"$HOSTQL" --policy | grep -v -E '^deny read .*(history|bash_sessions)' \
    >"$tmp/policy"
hqp() {
	"$HOSTQL" --policy_path "$tmp/policy" --csv --noheader "$1" \
	    2>"$tmp/err" || fail "hostql failed on: $1: $(cat "$tmp/err")"
}

q() {
	awk '{ if ($0 ~ /[,"]/) { gsub(/"/, "\"\""); $0 = "\"" $0 "\"" }
	    print }'
}

# bash reads its file back: "N  TIME command".
bash -c 'HISTTIMEFORMAT="%s "; history -c; history -r "$1"; history' bash \
    "$home/.bash_history" | sed -E 's/^ *[0-9]+ +//' |
while read -r t cmd; do
	printf '%s,%s\n' "$t" "$(printf '%s' "$cmd" | q)"
done >"$tmp/want"
hqp "SELECT time, command FROM shell_history WHERE uid = $uid
    AND history_file = '$home/.bash_history'" >"$tmp/got"
expect_files_eq ".bash_history differs from bash's history (< bash, > hostql)"

# zsh lists its file: "N  TIME  command".
zsh -fic 'HISTSIZE=100; fc -R $1; fc -l -t "%s" 1' zsh \
    "$home/.zsh_history" </dev/null | sed -E 's/^ *[0-9]+ +//' |
while read -r t cmd; do
	printf '%s,%s\n' "$t" "$(printf '%s' "$cmd" | q)"
done >"$tmp/want"
hqp "SELECT time, command FROM shell_history WHERE uid = $uid
    AND history_file = '$home/.zsh_history'" >"$tmp/got"
expect_files_eq ".zsh_history differs from zsh's fc -l (< zsh, > hostql)"
expect_eq "two zsh entries" "$(wc -l <"$tmp/got")" 2
grep -q "voilà č" "$tmp/got" || fail "zsh's metafied bytes were not restored"

# Plain histories: each line a command, at time 0.
for f in .zhistory .history .bash_sessions/one.history; do
	sed 's/^/0,/' "$home/$f" >"$tmp/want"
	hqp "SELECT time, command FROM shell_history WHERE uid = $uid
	    AND history_file = '$home/$f'" >"$tmp/got"
	cmp -s "$tmp/want" "$tmp/got" || fail "rows of $f: $(cat "$tmp/got")"
done
got=$(hqp "SELECT count(*) FROM shell_history WHERE uid = $uid")
expect_eq "rows of every history file" "$got" 9
echo "test_shell_history: ok"
