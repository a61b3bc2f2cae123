#!/bin/sh
# The ~/.ssh tables of a user of the test's own, against OpenSSH's tools:
#   user_ssh_keys    keys made by ssh-keygen (OpenSSH, PEM and PKCS#8
#                    formats; RSA, ECDSA, Ed25519; with and without a
#                    passphrase) against ssh-keygen -l and -y, with and
#                    without the .pub beside them
#   authorized_keys  fingerprints of each row's key against ssh-keygen -l
#                    of the file, options and comments as written
#   known_hosts      plain and hashed lines, as ssh-keygen -F finds them
#   ssh_configs      blocks, '=' forms and an Include of a wildcard,
#                    against ssh -G
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
command -v ssh-keygen >/dev/null || fail "ssh-keygen (openssh-client) is missing"
with_home_user hqssh_user
ssh="$home/.ssh"
mkdir -m 0700 "$ssh"

# name, ssh-keygen type and size, format, passphrase ("-" for none),
# and what the table should say of its security.
while read -r name type bits format pass secbits; do
	[ "$pass" = - ] && pass=""
	size=""
	[ "$bits" != - ] && size="-b $bits"
	# shellcheck disable=SC2086
	ssh-keygen -q -t "$type" $size -m "$format" -N "$pass" -C "$name" \
	    -f "$ssh/$name" </dev/null || fail "ssh-keygen $name"
	echo "$name $secbits" >>"$tmp/secbits"
done <<'EOF'
id_rsa rsa 3072 RFC4716 - 128
id_rsa_enc rsa 2048 RFC4716 pass-phrase 112
id_ecdsa ecdsa 384 RFC4716 - 192
id_ecdsa_pem ecdsa 256 PEM - 128
id_ed25519 ed25519 - RFC4716 pass-phrase 128
id_rsa_pem_enc rsa 2048 PEM pass-phrase 112
id_rsa_pkcs8 rsa 4096 PKCS8 - 152
deploy_key ed25519 - RFC4716 - 128
EOF
chown -R "$user:" "$ssh"

# What ssh-keygen says of each: type, size, encrypted.
for key in "$ssh"/*; do
	case "$key" in *.pub) continue ;; esac
	name=$(basename "$key")
	set -- $(ssh-keygen -l -f "$key.pub")
	bits=$1
	case "$4" in
	"(RSA)") type=rsa; group="" ;;
	"(ECDSA)") type=ec
		case "$bits" in
		256) group=prime256v1 ;; 384) group=secp384r1 ;;
		521) group=secp521r1 ;; esac ;;
	"(ED25519)") type=ed25519; group=""; bits=253 ;;
	*) fail "ssh-keygen -l gave $4 for $name" ;;
	esac
	if ssh-keygen -y -P '' -f "$key" >/dev/null 2>&1; then
		enc=0
	else
		enc=1
	fi
	sec=$(awk -v n="$name" '$1 == n { print $2 }' "$tmp/secbits")
	echo "$key,$enc,$type,$group,$bits,$sec"
done | sort >"$tmp/want"
# The default policy lets privd hand over 40 bytes of a private key:
# its PEM header and nothing of the secret.  Whether a key is encrypted
# is then known only where the header says (PKCS#8, PEM's Proc-Type);
# elsewhere the column stays NULL rather than guess.
hq "SELECT path, encrypted FROM user_ssh_keys WHERE uid = $uid" \
    >"$tmp/default"
expect_eq "keys under the default policy" "$(wc -l <"$tmp/default")" 8
awk -F, 'NR == FNR { enc[$1] = $2; next }
    $2 != "" && $2 != enc[$1] { print; bad = 1 } END { exit bad }' \
    "$tmp/want" "$tmp/default" >&2 ||
    fail "encrypted wrong under the default policy"
grep -q ',$' "$tmp/default" || fail "no key left unknown: more than 40 bytes?"

# An operator who wants the whole header raises the limit in a policy of
# their own; then every column is compared with ssh-keygen.
{ "$HOSTQL" --policy | grep -v '^#' |
    sed 's,^\(allow read .*/\.ssh/id_\*\) limit 40$,\1 limit 200,'; } \
    >"$tmp/policy"
grep -q 'limit 200' "$tmp/policy" || fail "no key limit in the default policy"
hqp() {
	"$HOSTQL" --policy_path "$tmp/policy" --csv --noheader "$1" ||
	    fail "hostql failed on: $1"
}
hqp "SELECT path, encrypted, key_type, key_group_name, key_length,
    key_security_bits FROM user_ssh_keys WHERE uid = $uid" | sort >"$tmp/got"
expect_files_eq "user_ssh_keys differ from ssh-keygen (< ssh-keygen, > hostql)"
got=$(hqp "SELECT key_type FROM user_ssh_keys WHERE path = '$ssh/id_ecdsa'")
expect_eq "WHERE path = ..." "$got" ec

# Without its .pub, a PEM key with a passphrase tells only its type.
rm "$ssh/id_rsa_pem_enc.pub"
got=$(hqp "SELECT encrypted, key_type, key_length FROM user_ssh_keys
    WHERE path = '$ssh/id_rsa_pem_enc'")
expect_eq "a PEM key with a passphrase, no .pub" "$got" "1,rsa,-1"

# authorized_keys: the public keys, one with options, one without a
# comment, a comment line and a blank one.
{
	cat "$ssh/id_rsa.pub"
	echo
	echo "# a comment"
	printf 'command="echo \\"hi there\\"",no-pty,from="10.0.0.0/8" %s\n' \
	    "$(cat "$ssh/id_ecdsa.pub")"
	cut -d' ' -f1,2 "$ssh/deploy_key.pub"
	printf '\t%s\n' "$(cat "$ssh/id_ed25519.pub")"
} >"$ssh/authorized_keys"
chown "$user:" "$ssh/authorized_keys"
ssh-keygen -l -f "$ssh/authorized_keys" | awk '{ print $2 }' | sort \
    >"$tmp/want"
hq "SELECT algorithm, key FROM authorized_keys WHERE uid = $uid" |
while IFS=, read -r alg key; do
	echo "$alg $key" | ssh-keygen -l -f - | awk '{ print $2 }'
done | sort >"$tmp/got"
expect_files_eq "authorized_keys fingerprints differ from ssh-keygen -l"
got=$(hq "SELECT options || '|' || comment FROM authorized_keys
    WHERE uid = $uid AND algorithm = 'ecdsa-sha2-nistp384'")
expect_eq "options and comment" "$got" \
    '"command=""echo \""hi there\"""",no-pty,from=""10.0.0.0/8""|id_ecdsa"'
got=$(hq "SELECT count(*) FROM authorized_keys WHERE uid = $uid
    AND comment IS NULL AND key_file = '$ssh/authorized_keys'")
expect_eq "a key without a comment" "$got" 1

# known_hosts: plain lines, then the same hashed by ssh-keygen -H.
{
	echo "# known hosts of the test"
	echo "host1.example.org,192.0.2.1 $(cut -d' ' -f1,2 "$ssh/id_rsa.pub")"
	echo "[host2.example.org]:2222 $(cut -d' ' -f1,2 "$ssh/id_ecdsa.pub")"
} >"$ssh/known_hosts"
ssh-keygen -H -f "$ssh/known_hosts" >/dev/null 2>&1 || fail "ssh-keygen -H"
echo "@cert-authority *.example.org $(cut -d' ' -f1,2 "$ssh/deploy_key.pub")" \
    >>"$ssh/known_hosts"
rm -f "$ssh/known_hosts.old"
chown "$user:" "$ssh/known_hosts"
ssh-keygen -F host1.example.org -f "$ssh/known_hosts" >/dev/null ||
    fail "ssh-keygen -F finds no host1"
grep -v '^#' "$ssh/known_hosts" | grep . >"$tmp/want"
hq "SELECT key FROM known_hosts WHERE uid = $uid" >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" || fail "known_hosts rows differ from the file"
expect_eq "known_hosts key_file" \
    "$(hq "SELECT DISTINCT key_file FROM known_hosts WHERE uid = $uid")" \
    "$ssh/known_hosts"

# ssh_configs: blocks, an Include, and what ssh -G makes of them.
mkdir -p "$ssh/config.d"
cat >"$ssh/config" <<'EOF'
# the test's ssh config
Include config.d/*.conf
Host bastion
    User admin
    Port=2200
Host *
    ServerAliveInterval 30
EOF
printf '%s\n' 'Host inc-*' '  Port 2222' '  User=included' \
    >"$ssh/config.d/extra.conf"
echo 'Port 9' >"$ssh/config.d/ignored.conf.off"
chown -R "$user:" "$ssh"
hq "SELECT block, option, ssh_config_file FROM ssh_configs
    WHERE uid = $uid" >"$tmp/got"
cat >"$tmp/want" <<EOF
,include config.d/*.conf,$ssh/config
host inc-*,port 2222,$ssh/config.d/extra.conf
host inc-*,user=included,$ssh/config.d/extra.conf
host bastion,user admin,$ssh/config
host bastion,port=2200,$ssh/config
host *,serveraliveinterval 30,$ssh/config
EOF
expect_files_eq "ssh_configs rows of $user (< want, > hostql)"
for h in bastion inc-test; do
	# As the user: relative Include paths are under the ~/.ssh of
	# whoever runs ssh.
	runuser -u "$user" -- ssh -G "$h" >"$tmp/G" 2>/dev/null ||
	    fail "ssh -G $h"
	port=$(awk '$1 == "port" { print $2 }' "$tmp/G")
	usr=$(awk '$1 == "user" { print $2 }' "$tmp/G")
	case "$h" in
	bastion) want="2200 admin" ;;
	inc-test) want="2222 included" ;;
	esac
	expect_eq "ssh -G $h" "$port $usr" "$want"
done

# The system's client configuration, as uid 0.
if [ -f /etc/ssh/ssh_config ]; then
	got=$(hq "SELECT count(*) FROM ssh_configs
	    WHERE ssh_config_file = '/etc/ssh/ssh_config' AND uid = 0")
	want=$(grep -c -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' \
	    /etc/ssh/ssh_config | awk '{ print $1 }')
	want=$((want - $(grep -c -i '^[[:space:]]*\(host\|match\)[[:space:]=]' \
	    /etc/ssh/ssh_config)))
	expect_eq "options of /etc/ssh/ssh_config" "$got" "$want"
fi

# uid constraints reach every table.
for t in user_ssh_keys authorized_keys known_hosts ssh_configs; do
	got=$(hq "SELECT count(DISTINCT uid) FROM $t WHERE uid = $uid")
	expect_eq "$t WHERE uid" "$got" 1
done
echo "test_ssh_tables: ok"
