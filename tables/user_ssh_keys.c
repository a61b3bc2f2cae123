/*
 * user_ssh_keys: the private keys in each account's ~/.ssh, whether each
 * is encrypted, its type and size.  Every file of the directory is
 * looked at, as osquery looks, but only its first bytes are asked for:
 * the policy gives no more of a private key (see sshkey_parse.h for what
 * those bytes tell).  What they leave unknown (the size of a PEM key
 * with a passphrase) comes from the key's .pub, when there is one.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "dirlist.h"
#include "sshkey_parse.h"
#include "userfiles.h"

/* What privd gives of a private key ("limit" in the policy). */
#define SSHKEY_PREFIX	200
#define SSHPUB_CAP	(16u << 10)

enum {
	K_UID,
	K_PATH,
	K_ENCRYPTED,
	K_KEY_TYPE,
	K_KEY_GROUP_NAME,
	K_KEY_LENGTH,
	K_KEY_SECURITY_BITS,
	K_PID_WITH_NAMESPACE,
};

static const struct column user_ssh_keys_columns[] = {
	{ "uid", COL_BIGINT, COL_ADDITIONAL | COL_OPTIMIZED, NULL, "The "
	    "local user that owns the key file" },
	{ "path", COL_TEXT, COL_INDEX, NULL, "Path to key file" },
	{ "encrypted", COL_INTEGER, 0, NULL, "1 if key is encrypted, 0 "
	    "otherwise" },
	{ "key_type", COL_TEXT, 0, NULL, "The type of the private key: rsa, "
	    "dsa, ec, ed25519, ed448, or empty when not known" },
	{ "key_group_name", COL_TEXT, 0, NULL, "The group of the private key "
	    "(the curve of an ec key: prime256v1, secp384r1 ...)" },
	{ "key_length", COL_INTEGER, 0, NULL, "The cryptographic length of "
	    "the key in bits, as OpenSSL counts it (253 for ed25519); -1 "
	    "if unavailable" },
	{ "key_security_bits", COL_INTEGER, 0, NULL, "The number of security "
	    "bits of the private key, bits of security as per NIST "
	    "SP800-57; -1 if unavailable" },
	{ "pid_with_namespace", COL_INTEGER, COL_ADDITIONAL | COL_HIDDEN,
	    NULL, "Pids that contain a namespace" },
};

/* Does the query want this path, given its path equalities? */
static int
path_wanted(struct gen_ctx *ctx, const char *path)
{
	int i, n = gen_count(ctx, K_PATH, GEN_EQ);
	const char *want;

	if (n <= 0)
		return 1;
	for (i = 0; i < n; i++)
		if ((want = gen_text(ctx, K_PATH, GEN_EQ, i)) != NULL &&
		    strcmp(want, path) == 0)
			return 1;
	return 0;
}

static int
key_row(struct gen_ctx *ctx, uint32_t uid, const char *path,
    const struct sshkey_info *k)
{
	row_begin(ctx);
	row_int(ctx, K_UID, uid);
	row_text(ctx, K_PATH, path);
	if (k->encrypted >= 0)
		row_int(ctx, K_ENCRYPTED, k->encrypted);
	row_text(ctx, K_KEY_TYPE, k->type);
	row_text(ctx, K_KEY_GROUP_NAME, k->group);
	row_int(ctx, K_KEY_LENGTH, k->bits);
	row_int(ctx, K_KEY_SECURITY_BITS, k->security_bits);
	return row_end(ctx);
}

/* What the start of a key does not tell, its .pub may: the public half
 * ssh-keygen writes beside it (and reads, for ssh-keygen -l).  It is
 * taken only when it is of the type the key itself says. */
static void
fill_from_public(struct userfiles *uf, const char *path,
    struct sshkey_info *k)
{
	struct sshkey_info pub;
	char pubpath[PATH_MAX], *data;
	size_t len;

	if ((*k->type != '\0' && k->bits >= 0) ||
	    snprintf(pubpath, sizeof(pubpath), "%s.pub", path) >=
	    (int)sizeof(pubpath) ||
	    !userfiles_read(uf, pubpath, SSHPUB_CAP, &data, &len, NULL))
		return;
	if (sshkey_parse_public(data, len, &pub) == 0 &&
	    (*k->type == '\0' || strcmp(k->type, pub.type) == 0)) {
		k->type = pub.type;
		k->group = pub.group;
		k->bits = pub.bits;
		k->security_bits = pub.security_bits;
	}
	free(data);
}

static int
key_file(struct userfiles *uf, uint32_t uid, const char *path)
{
	struct sshkey_info k;
	char *data;
	size_t len;
	int rc = 0;

	if (!path_wanted(uf->ctx, path) ||
	    !userfiles_read(uf, path, SSHKEY_PREFIX, &data, &len, NULL))
		return 0;
	rc = sshkey_parse_prefix(data, len, &k);
	/* The prefix may hold part of a key: nothing of it stays. */
	explicit_bzero(data, len);
	free(data);
	if (rc == -1)
		return 0;
	fill_from_public(uf, path, &k);
	return key_row(uf->ctx, uid, path, &k);
}

static int
not_dir(const char *name, unsigned int d_type)
{
	(void)name;
	return d_type != DT_DIR;
}

static int
user_keys(struct userfiles *uf, const struct user *u, void *arg)
{
	(void)arg;
	return userfiles_each_in_dir(uf, u, ".ssh", not_dir, key_file);
}

static int
user_ssh_keys_generate(struct gen_ctx *ctx)
{
	struct userfiles uf;
	int rc;

	if (gen_count(ctx, K_PID_WITH_NAMESPACE, GEN_EQ) > 0) {
		gen_warn(ctx, "pid_with_namespace is not supported");
		return 0;
	}
	userfiles_init(&uf, ctx);
	rc = userfiles_each_user(&uf, K_UID, 0, user_keys, NULL);
	userfiles_end(&uf);
	return rc;
}

const struct table table_user_ssh_keys = {
	.name = "user_ssh_keys",
	.description = "Returns the private keys in the users ~/.ssh "
	    "directory and whether or not they are encrypted.",
	.example = "SELECT u.username, k.path, k.key_type, k.key_length "
	    "FROM users u JOIN user_ssh_keys k USING (uid) "
	    "WHERE k.encrypted = 0",
	.columns = user_ssh_keys_columns,
	.ncolumns = NCOLUMNS(user_ssh_keys_columns),
	.generate = user_ssh_keys_generate,
};
