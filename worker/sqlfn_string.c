/*
 * String functions with osquery's meaning:
 *
 *   split(text, tokens, index)	the index-th piece (from 0) of text cut
 *				at any byte of tokens; empty pieces are
 *				dropped and each piece is trimmed of
 *				white space; NULL past the last piece
 *   concat(a, ...)		the arguments end to end, NULLs skipped
 *   concat_ws(sep, a, ...)	the same with sep after every non-NULL
 *				argument but the last argument (so a
 *				trailing NULL leaves a trailing sep, as
 *				osquery does)
 *   parent_directory(path)	path up to its last '/', NULL without one
 *
 * A NULL argument to split gives NULL; parent_directory wants text and
 * fails the query otherwise, as osquery's does.
 */
#include <string.h>

#include "sqlfn_impl.h"

/* The white space boost::algorithm::trim() removes in the C locale. */
static int
is_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static int
is_token(const char *tokens, size_t ntokens, char c)
{
	return memchr(tokens, c, ntokens) != NULL;
}

/* The index-th non-empty piece of s; 0 and the piece, or -1. */
static int
split_piece(const char *s, size_t len, const char *tokens, size_t ntokens,
    sqlite3_int64 index, const char **piece, size_t *plen)
{
	size_t i = 0, start;

	while (i < len) {
		start = i;
		while (i < len && !is_token(tokens, ntokens, s[i]))
			i++;
		if (i > start && index-- == 0) {
			*piece = s + start;
			*plen = i - start;
			return 0;
		}
		i++;		/* past the token */
	}
	return -1;
}

static void
fn_split(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s, *tokens, *piece;
	size_t len, ntokens, plen;
	sqlite3_int64 index;

	if (sqlfn_any_null(argc, argv))
		return;
	if ((s = sqlfn_text(ctx, argv[0], &len)) == NULL ||
	    (tokens = sqlfn_text(ctx, argv[1], &ntokens)) == NULL)
		return;
	if (ntokens == 0) {
		sqlite3_result_error(ctx, "Invalid input to split function",
		    -1);
		return;
	}
	index = sqlite3_value_int64(argv[2]);
	if (index < 0 ||
	    split_piece(s, len, tokens, ntokens, index, &piece, &plen) == -1)
		return;
	while (plen > 0 && is_space((unsigned char)*piece)) {
		piece++;
		plen--;
	}
	while (plen > 0 && is_space((unsigned char)piece[plen - 1]))
		plen--;
	sqlfn_result_text(ctx, piece, plen);
}

/* The built string as the result, or the error that stopped it. */
static void
result_str(sqlite3_context *ctx, sqlite3_str *str)
{
	int rc = sqlite3_str_errcode(str);
	int len = sqlite3_str_length(str);
	char *p = sqlite3_str_finish(str);

	if (rc == SQLITE_TOOBIG)
		sqlite3_result_error_toobig(ctx);
	else if (rc != SQLITE_OK)
		sqlite3_result_error_nomem(ctx);
	else if (p == NULL)
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
	else {
		sqlite3_result_text(ctx, p, len, sqlite3_free);
		return;
	}
	sqlite3_free(p);
}

/* Arguments first.. joined, NULLs skipped, sep after each one that is
 * not the last argument. */
static void
join(sqlite3_context *ctx, const char *sep, size_t seplen, int first,
    int argc, sqlite3_value **argv)
{
	sqlite3_str *str = sqlite3_str_new(sqlite3_context_db_handle(ctx));
	const char *p;
	size_t len;
	int i;

	for (i = first; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			continue;
		if ((p = sqlfn_text(ctx, argv[i], &len)) == NULL) {
			sqlite3_free(sqlite3_str_finish(str));
			return;
		}
		/* Longer than SQLite's length limit cannot come in. */
		sqlite3_str_append(str, p, (int)len);
		if (i + 1 < argc)
			sqlite3_str_append(str, sep, (int)seplen);
	}
	result_str(ctx, str);
}

static void
fn_concat(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (argc == 0)
		return;
	join(ctx, "", 0, 0, argc, argv);
}

static void
fn_concat_ws(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *sep = "";
	size_t seplen = 0;

	if (argc == 0) {
		sqlite3_result_error(ctx, "Missing separator to concat_ws", -1);
		return;
	}
	if (argc == 1)
		return;
	if (sqlite3_value_type(argv[0]) != SQLITE_NULL &&
	    (sep = sqlfn_text(ctx, argv[0], &seplen)) == NULL)
		return;
	join(ctx, sep, seplen, 1, argc, argv);
}

static void
fn_parent_directory(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *path, *slash = NULL;
	size_t len, i;

	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
		sqlite3_result_error(ctx, "Invalid inputs to parent_directory, "
		    "TEXT was expected", -1);
		return;
	}
	if ((path = sqlfn_text(ctx, argv[0], &len)) == NULL)
		return;
	for (i = 0; i < len; i++)
		if (path[i] == '/')
			slash = path + i;
	if (slash != NULL)
		sqlfn_result_text(ctx, path, (size_t)(slash - path));
}

int
sqlfn_string_register(sqlite3 *db)
{
	static const struct sqlfn_def defs[] = {
		{ "split",		3,	fn_split },
		{ "concat",		-1,	fn_concat },
		{ "concat_ws",		-1,	fn_concat_ws },
		{ "parent_directory",	1,	fn_parent_directory },
	};

	return sqlfn_create(db, defs, sizeof(defs) / sizeof(defs[0]));
}
