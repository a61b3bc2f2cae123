/*
 * Digests and base64 with osquery's meaning:
 *
 *   md5(x), sha1(x), sha256(x)	lowercase hex digest of the bytes of x
 *   to_base64(x)			standard base64 with padding
 *   from_base64(x)		the decoded bytes as text; line breaks
 *				are dropped and the '=' padding is
 *				optional; "" when x is not base64
 *   conditional_to_base64(x)	x itself when every byte is printable
 *				ASCII (0x20..0x7e), else to_base64(x)
 *
 * NULL gives NULL.  Numbers are taken as the text SQLite prints for
 * them.  The digests come from libcrypto (tables/digest.h), the base64
 * from libsodium.
 */
#include <sodium.h>
#include <string.h>

#include "../tables/digest.h"
#include "sqlfn_impl.h"

static void
hash(sqlite3_context *ctx, sqlite3_value *v, unsigned int which)
{
	struct digest_hex hex;
	const char *p;
	size_t len;

	if (sqlite3_value_type(v) == SQLITE_NULL ||
	    (p = sqlfn_text(ctx, v, &len)) == NULL)
		return;
	if (digest_buf(p, len, which, &hex) != 0) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, which == DIGEST_MD5 ? hex.md5 :
	    which == DIGEST_SHA1 ? hex.sha1 : hex.sha256, -1,
	    SQLITE_TRANSIENT);
}

static void
fn_md5(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	hash(ctx, argv[0], DIGEST_MD5);
}

static void
fn_sha1(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	hash(ctx, argv[0], DIGEST_SHA1);
}

static void
fn_sha256(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	hash(ctx, argv[0], DIGEST_SHA256);
}

static void
result_base64(sqlite3_context *ctx, const char *p, size_t len)
{
	size_t size = sodium_base64_ENCODED_LEN(len,
	    sodium_base64_VARIANT_ORIGINAL);
	char *out;

	if ((out = sqlite3_malloc64(size)) == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sodium_bin2base64(out, size, (const unsigned char *)p, len,
	    sodium_base64_VARIANT_ORIGINAL);
	sqlite3_result_text64(ctx, out, size - 1, sqlite3_free, SQLITE_UTF8);
}

static void
fn_to_base64(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *p;
	size_t len;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    (p = sqlfn_text(ctx, argv[0], &len)) == NULL)
		return;
	result_base64(ctx, p, len);
}

static int
printable(const char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)p[i] < 0x20 || (unsigned char)p[i] > 0x7e)
			return 0;
	return 1;
}

static void
fn_conditional_to_base64(sqlite3_context *ctx, int argc,
    sqlite3_value **argv)
{
	const char *p;
	size_t len;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    (p = sqlfn_text(ctx, argv[0], &len)) == NULL)
		return;
	if (printable(p, len))
		sqlfn_result_text(ctx, p, len);
	else
		result_base64(ctx, p, len);
}

/* The base64 text as osquery reads it: "\r\n" and "\n" removed (a lone
 * '\r' stays, and is then not base64), then the '=' at the end. */
static size_t
base64_clean(const char *p, size_t len, char *out)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		if (p[i] == '\n')
			continue;
		if (p[i] == '\r' && i + 1 < len && p[i + 1] == '\n') {
			i++;
			continue;
		}
		out[n++] = p[i];
	}
	while (n > 0 && out[n - 1] == '=')
		n--;
	return n;
}

static void
fn_from_base64(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *p, *end;
	char *clean;
	unsigned char *bin;
	size_t len, n, binlen;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    (p = sqlfn_text(ctx, argv[0], &len)) == NULL)
		return;
	clean = sqlite3_malloc64(len + 1);
	bin = sqlite3_malloc64(len / 4 * 3 + 3);
	if (clean == NULL || bin == NULL) {
		sqlite3_free(clean);
		sqlite3_free(bin);
		sqlite3_result_error_nomem(ctx);
		return;
	}
	n = base64_clean(p, len, clean);
	if (sodium_base642bin(bin, len / 4 * 3 + 3, clean, n, NULL, &binlen,
	    &end, sodium_base64_VARIANT_ORIGINAL_NO_PADDING) != 0 ||
	    end != clean + n)
		binlen = 0;
	sqlite3_free(clean);
	sqlite3_result_text64(ctx, (char *)bin, binlen, sqlite3_free,
	    SQLITE_UTF8);
}

int
sqlfn_encode_register(sqlite3 *db)
{
	static const struct sqlfn_def defs[] = {
		{ "md5",			1,	fn_md5 },
		{ "sha1",			1,	fn_sha1 },
		{ "sha256",			1,	fn_sha256 },
		{ "to_base64",			1,	fn_to_base64 },
		{ "from_base64",		1,	fn_from_base64 },
		{ "conditional_to_base64",	1,
		    fn_conditional_to_base64 },
	};

	return sqlfn_create(db, defs, sizeof(defs) / sizeof(defs[0]));
}
