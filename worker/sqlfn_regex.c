/*
 * Regular expressions with osquery's meaning, matched by PCRE2:
 *
 *   regex_match(text, pattern, index)	the index-th group of the first
 *					match (0: the whole match); NULL
 *					without a match or past the last
 *					group, "" for a group that took
 *					no part
 *   regex_split(text, pattern, index)	the index-th piece of text
 *					between the matches of pattern
 *
 * osquery uses std::regex's ECMAScript grammar; PCRE2's is a superset of
 * what people write there, set up to agree with it on the points that
 * differ in practice: '$' matches only at the very end, and '.' matches
 * neither '\n' nor '\r'.  Text is matched as UTF-8 where it is valid.
 *
 * Patterns are at most 256 bytes (osquery's --regex_max_size), each
 * match runs under step and memory limits so that a pattern that
 * backtracks without end fails the query instead of hanging the
 * worker, and a compiled pattern is kept for the next row while the
 * statement runs.
 */
#define PCRE2_CODE_UNIT_WIDTH	8
#include <pcre2.h>

#include <stdio.h>
#include <stdlib.h>

#include "sqlfn_impl.h"

#define REGEX_MAX_PATTERN	256
#define REGEX_MATCH_LIMIT	1000000		/* backtracking steps */
#define REGEX_HEAP_LIMIT	4096		/* KiB */

struct regex {
	pcre2_code		*code;
	pcre2_match_data	*md;
	pcre2_match_context	*mctx;
	uint32_t		 groups;	/* capture groups */
};

static void
regex_free(void *arg)
{
	struct regex *re = arg;

	if (re == NULL)
		return;
	pcre2_match_context_free(re->mctx);
	pcre2_match_data_free(re->md);
	pcre2_code_free(re->code);
	free(re);
}

static pcre2_code *
compile(sqlite3_context *ctx, const char *pat, size_t len)
{
	pcre2_compile_context *cctx;
	pcre2_code *code;
	PCRE2_UCHAR msg[120];
	PCRE2_SIZE off;
	char *err;
	int rc;

	if ((cctx = pcre2_compile_context_create(NULL)) == NULL) {
		sqlite3_result_error_nomem(ctx);
		return NULL;
	}
	pcre2_set_newline(cctx, PCRE2_NEWLINE_ANYCRLF);
	code = pcre2_compile((PCRE2_SPTR)pat, len, PCRE2_UTF |
	    PCRE2_MATCH_INVALID_UTF | PCRE2_DOLLAR_ENDONLY |
	    PCRE2_NEVER_BACKSLASH_C, &rc, &off, cctx);
	pcre2_compile_context_free(cctx);
	if (code != NULL)
		return code;
	if (pcre2_get_error_message(rc, msg, sizeof(msg)) < 0)
		snprintf((char *)msg, sizeof(msg), "error %d", rc);
	err = sqlite3_mprintf("Invalid regex: %s at offset %llu", msg,
	    (unsigned long long)off);
	if (err == NULL)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_error(ctx, err, -1);
	sqlite3_free(err);
	return NULL;
}

/* The compiled pattern of argv[1]: kept from an earlier row, or new
 * (*fresh set, for keep_regex()); NULL after setting the error. */
static struct regex *
get_regex(sqlite3_context *ctx, sqlite3_value *arg, int *fresh)
{
	struct regex *re;
	const char *pat;
	size_t len;

	*fresh = 0;
	if ((re = sqlite3_get_auxdata(ctx, 1)) != NULL)
		return re;
	if ((pat = sqlfn_text(ctx, arg, &len)) == NULL)
		return NULL;
	if (len > REGEX_MAX_PATTERN) {
		sqlite3_result_error(ctx, "Invalid regex: too big, max size "
		    "is 256 bytes", -1);
		return NULL;
	}
	if ((re = calloc(1, sizeof(*re))) == NULL) {
		sqlite3_result_error_nomem(ctx);
		return NULL;
	}
	if ((re->code = compile(ctx, pat, len)) == NULL) {
		regex_free(re);
		return NULL;
	}
	re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
	re->mctx = pcre2_match_context_create(NULL);
	if (re->md == NULL || re->mctx == NULL ||
	    pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT,
	    &re->groups) != 0) {
		regex_free(re);
		sqlite3_result_error_nomem(ctx);
		return NULL;
	}
	pcre2_set_match_limit(re->mctx, REGEX_MATCH_LIMIT);
	pcre2_set_heap_limit(re->mctx, REGEX_HEAP_LIMIT);
	*fresh = 1;
	return re;
}

/* Keep a new pattern for the next rows.  SQLite may free it at once,
 * so this comes last, once the result is set. */
static void
keep_regex(sqlite3_context *ctx, struct regex *re, int fresh)
{
	if (fresh)
		sqlite3_set_auxdata(ctx, 1, re, regex_free);
}

/* One match from off with the options; 1 found, 0 none, -1 after
 * setting the error. */
static int
match_at(sqlite3_context *ctx, struct regex *re, const char *s, size_t len,
    size_t off, uint32_t opts)
{
	PCRE2_UCHAR msg[120];
	char *err;
	int rc;

	rc = pcre2_match(re->code, (PCRE2_SPTR)s, len, off, opts, re->md,
	    re->mctx);
	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
	    rc == PCRE2_ERROR_DEPTHLIMIT) {
		sqlite3_result_error(ctx, "regex too costly on this text "
		    "(it backtracks without end)", -1);
		return -1;
	}
	if (pcre2_get_error_message(rc, msg, sizeof(msg)) < 0)
		snprintf((char *)msg, sizeof(msg), "error %d", rc);
	if ((err = sqlite3_mprintf("regex match failed: %s", msg)) == NULL)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_error(ctx, err, -1);
	sqlite3_free(err);
	return -1;
}

static void
fn_regex_match(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct regex *re;
	PCRE2_SIZE *ov;
	const char *s;
	size_t len;
	sqlite3_int64 index;
	int fresh;

	if (sqlfn_any_null(argc, argv) ||
	    (re = get_regex(ctx, argv[1], &fresh)) == NULL)
		return;
	index = sqlite3_value_int64(argv[2]);
	if ((s = sqlfn_text(ctx, argv[0], &len)) != NULL &&
	    match_at(ctx, re, s, len, 0, 0) == 1 &&
	    index >= 0 && (uint64_t)index <= re->groups) {
		/* The match data has a pair for every group; PCRE2 marks
		 * those of groups that took no part unset. */
		ov = pcre2_get_ovector_pointer(re->md);
		if (ov[2 * index] != PCRE2_UNSET)
			sqlfn_result_text(ctx, s + ov[2 * index],
			    ov[2 * index + 1] - ov[2 * index]);
		else
			sqlfn_result_text(ctx, "", 0);
	}
	keep_regex(ctx, re, fresh);
}

/* The offset of the character after the one at off. */
static size_t
next_char(const char *s, size_t len, size_t off)
{
	off++;
	while (off < len && ((unsigned char)s[off] & 0xc0) == 0x80)
		off++;
	return off;
}

/*
 * The index-th piece between the matches, as std::regex_token_iterator
 * cuts them: the text before each match (even empty), then the rest
 * after the last match when there is any; without a match, the whole
 * text.  After an empty match the next one is looked for at the same
 * place if not empty, else one character on.  1 with the piece, 0 past
 * the last piece, -1 after setting the error.
 */
static int
split_piece(sqlite3_context *ctx, struct regex *re, const char *s,
    size_t len, sqlite3_int64 index, size_t *start, size_t *end)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(re->md);
	size_t from = 0, prev = 0;
	uint32_t opts = 0;
	int matched = 0, rc;

	while (from <= len) {
		if ((rc = match_at(ctx, re, s, len, from, opts)) == -1)
			return -1;
		if (rc == 0 && opts != 0) {
			/* No non-empty match where the empty one was. */
			if (from >= len)
				break;
			from = next_char(s, len, from);
			opts = 0;
			continue;
		}
		if (rc == 0)
			break;
		if (index-- == 0) {
			*start = prev;
			*end = ov[0];
			return 1;
		}
		matched = 1;
		prev = from = ov[1];
		opts = ov[0] == ov[1] ? PCRE2_NOTEMPTY_ATSTART |
		    PCRE2_ANCHORED : 0;
	}
	if (index == 0 && (!matched || prev < len)) {
		*start = prev;
		*end = len;
		return 1;
	}
	return 0;
}

static void
fn_regex_split(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct regex *re;
	const char *s;
	size_t len, start, end;
	sqlite3_int64 index;
	int fresh;

	if (sqlfn_any_null(argc, argv))
		return;
	if (sqlite3_value_bytes(argv[1]) == 0) {
		sqlite3_result_error(ctx, "Invalid input to split function",
		    -1);
		return;
	}
	if ((re = get_regex(ctx, argv[1], &fresh)) == NULL)
		return;
	index = sqlite3_value_int64(argv[2]);
	if (index >= 0 && (s = sqlfn_text(ctx, argv[0], &len)) != NULL &&
	    split_piece(ctx, re, s, len, index, &start, &end) == 1)
		sqlfn_result_text(ctx, s + start, end - start);
	keep_regex(ctx, re, fresh);
}

int
sqlfn_regex_register(sqlite3 *db)
{
	static const struct sqlfn_def defs[] = {
		{ "regex_match",	3,	fn_regex_match },
		{ "regex_split",	3,	fn_regex_split },
	};

	return sqlfn_create(db, defs, sizeof(defs) / sizeof(defs[0]));
}
