/*
 * Pure parser of authorized_keys lines as sshd(8) reads them: optional
 * options (comma-separated, with double-quoted values that may hold
 * blanks), the key type, the base64 key and an optional comment.
 */
#ifndef HOSTQL_TABLES_AUTHKEYS_PARSE_H
#define HOSTQL_TABLES_AUTHKEYS_PARSE_H

#include "textparse.h"

/* Spans into the line; a part the line does not have has p NULL. */
struct authkey_line {
	struct span	options;
	struct span	algorithm;
	struct span	key;
	struct span	comment;
};

/*
 * 0 for a key line, -1 for one to skip: blank, a comment, or no key of
 * a known type.  A line of options only that names a z/OS key ring
 * ("zos-key-ring-label=") is a key line without algorithm or key, as
 * osquery reads it.
 */
int	authkeys_parse_line(struct span, struct authkey_line *);

/* Is the word an SSH public key type (ssh-rsa, ecdsa-sha2-nistp256,
 * sk-ssh-ed25519@openssh.com, the -cert-v01 forms ...)? */
int	authkeys_is_key_type(struct span);

#endif
