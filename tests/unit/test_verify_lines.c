/*
 * Verification of a log built here as the logger builds it: lines chained
 * across the streams' files, one signature per batch with a real key.
 * A clean log verifies whole; each kind of tampering (an edit, a removed,
 * inserted, reordered or repeated line, a bad or missing signature) is
 * named first, with its file and line; a log whose oldest lines were
 * rotated away, with their signatures, verifies from the first line kept.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "../../logger/chain.h"
#include "../../logger/streams.h"
#include "../../worker/verify_lines.h"
#include "fixture.h"

#define MAX_LINES	64

enum { F_OLD, F_RES, F_STATUS, F_SIG, NFILES };

static const char *const file_names[NFILES] = {
	"hostqld.results.log.1", "hostqld.results.log", "hostqld.status.log",
	"hostqld.signatures.log",
};

struct mfile {
	char	*text[MAX_LINES];
	size_t	 n;
};

struct mlog {
	unsigned char	 pk[CHAIN_PK_LEN], sk[CHAIN_SK_LEN];
	struct chain	 chain;
	struct mfile	 f[NFILES];
	int		 counter;
};

static void
mlog_init(struct mlog *lg)
{
	ck_assert_int_ne(sodium_init(), -1);
	memset(lg, 0, sizeof(*lg));
	crypto_sign_keypair(lg->pk, lg->sk);
}

static void
mlog_free(struct mlog *lg)
{
	size_t i, j;

	for (i = 0; i < NFILES; i++)
		for (j = 0; j < lg->f[i].n; j++)
			free(lg->f[i].text[j]);
	memset(lg, 0, sizeof(*lg));
}

static void
put_line(struct mfile *f, char *text, size_t at)
{
	ck_assert_uint_lt(f->n, MAX_LINES);
	ck_assert_uint_le(at, f->n);
	memmove(&f->text[at + 1], &f->text[at], (f->n - at) *
	    sizeof(char *));
	f->text[at] = text;
	f->n++;
}

/* One batch of n lines to a file, and its signature, as batch.c does. */
static void
mlog_batch(struct mlog *lg, int file, int n)
{
	struct chain before = lg->chain;
	char obj[256], *disk, *sig;
	size_t len;
	int i;

	for (i = 0; i < n; i++) {
		snprintf(obj, sizeof(obj), "{\"name\":\"%s\","
		    "\"hostIdentifier\":\"h\",\"counter\":%d,"
		    "\"columns\":{\"pid\":\"%d\"},\"action\":\"added\"}",
		    file == F_STATUS ? "status" : "q", lg->counter,
		    100 + lg->counter);
		lg->counter++;
		ck_assert_int_eq(chain_append(&lg->chain, obj, strlen(obj),
		    &disk, &len), 0);
		put_line(&lg->f[file], disk, lg->f[file].n);
	}
	ck_assert_int_eq(chain_sign_batch(lg->sk, before.seq + 1,
	    lg->chain.seq, file == F_STATUS ? STREAM_STATUS : STREAM_RESULTS,
	    before.link, lg->chain.link, &sig), 0);
	put_line(&lg->f[F_SIG], sig, lg->f[F_SIG].n);
}

/*
 * The standard log, seq by seq:
 *	results.log.1	1 2 3 | 5 6		(signatures 1, 3)
 *	status.log	4 | 10			(signatures 2, 5)
 *	results.log	7 8 9 | 11 12		(signatures 4, 6)
 */
static void
mlog_standard(struct mlog *lg)
{
	mlog_init(lg);
	mlog_batch(lg, F_OLD, 3);
	mlog_batch(lg, F_STATUS, 1);
	mlog_batch(lg, F_OLD, 2);
	mlog_batch(lg, F_RES, 3);
	mlog_batch(lg, F_STATUS, 1);
	mlog_batch(lg, F_RES, 2);
}

/* Lines in the order verify.c reads them: results (oldest file first),
 * status; then the signature log. */
static void
mlog_verify(struct mlog *lg, const unsigned char *pk, struct vresult *r)
{
	static const int order[] = { F_OLD, F_RES, F_STATUS };
	struct vline lines[3 * MAX_LINES];
	struct vsig sigs[MAX_LINES];
	size_t n = 0, i, j;

	memset(lines, 0, sizeof(lines));
	memset(sigs, 0, sizeof(sigs));
	for (i = 0; i < 3; i++)
		for (j = 0; j < lg->f[order[i]].n; j++) {
			lines[n].file = file_names[order[i]];
			lines[n].stream = order[i] == F_STATUS ? STREAM_STATUS :
			    STREAM_RESULTS;
			lines[n].lineno = j + 1;
			lines[n].text = lg->f[order[i]].text[j];
			lines[n].len = strlen(lines[n].text);
			vline_parse(&lines[n++]);
		}
	for (j = 0; j < lg->f[F_SIG].n; j++) {
		sigs[j].file = file_names[F_SIG];
		sigs[j].lineno = j + 1;
		vsig_parse(&sigs[j], lg->f[F_SIG].text[j],
		    strlen(lg->f[F_SIG].text[j]));
	}
	ck_assert_int_eq(verify_lines(lines, n, sigs, lg->f[F_SIG].n,
	    pk != NULL ? pk : lg->pk, r), 0);
}

static void
assert_first(const struct vresult *r, const char *want)
{
	ck_assert_msg(r->nproblems > 0, "no problem found, wanted: %s", want);
	ck_assert_str_eq(r->problems[0].text, want);
}

static void
assert_ranges(const struct vresult *r, size_t n, const uint64_t *want)
{
	size_t i;

	ck_assert_uint_eq(r->nranges, n);
	for (i = 0; i < n; i++) {
		ck_assert_uint_eq(r->ranges[i][0], want[2 * i]);
		ck_assert_uint_eq(r->ranges[i][1], want[2 * i + 1]);
	}
}

START_TEST(verify_clean)
{
	static const uint64_t all[] = { 1, 12 };
	struct mlog lg;
	struct vresult r;

	mlog_standard(&lg);
	mlog_verify(&lg, NULL, &r);
	ck_assert_msg(r.nproblems == 0, "problem: %s", r.problems[0].text);
	ck_assert_uint_eq(r.nlines, 12);
	ck_assert_uint_eq(r.nsigned, 12);
	assert_ranges(&r, 1, all);
	vresult_free(&r);
	mlog_free(&lg);
}
END_TEST

/* Change one character of a value in a line's object. */
static void
edit_value(struct mfile *f, size_t idx)
{
	char *p = strstr(f->text[idx], "\"pid\":\"");

	ck_assert_ptr_nonnull(p);
	p[7] = p[7] == '9' ? '8' : '9';
}

START_TEST(verify_edited)
{
	static const uint64_t kept[] = { 1, 6, 10, 12 };
	struct mlog lg;
	struct vresult r;
	char *h;

	mlog_standard(&lg);
	edit_value(&lg.f[F_RES], 1);
	mlog_verify(&lg, NULL, &r);
	assert_first(&r, "edited: hostqld.results.log line 2 (seq 8) does not "
	    "match its link");
	assert_ranges(&r, 2, kept);
	vresult_free(&r);
	mlog_free(&lg);

	/* The link in the chain member is the line's too. */
	mlog_standard(&lg);
	h = strstr(lg.f[F_STATUS].text[1], "\"link\":\"") + 8;
	*h = *h == 'a' ? 'b' : 'a';
	mlog_verify(&lg, NULL, &r);
	assert_first(&r, "edited: hostqld.status.log line 2 (seq 10) does not "
	    "match its link");
	vresult_free(&r);
	mlog_free(&lg);
}
END_TEST

START_TEST(verify_removed)
{
	struct mlog lg;
	struct vresult r;

	mlog_standard(&lg);
	free(lg.f[F_RES].text[1]);
	memmove(&lg.f[F_RES].text[1], &lg.f[F_RES].text[2],
	    (lg.f[F_RES].n - 2) * sizeof(char *));
	lg.f[F_RES].n--;
	mlog_verify(&lg, NULL, &r);
	assert_first(&r, "removed: seq 8 to 8 are missing (before "
	    "hostqld.results.log line 2)");
	vresult_free(&r);
	mlog_free(&lg);

	/* A whole batch and its signature. */
	mlog_standard(&lg);
	free(lg.f[F_OLD].text[3]);
	free(lg.f[F_OLD].text[4]);
	lg.f[F_OLD].n = 3;
	free(lg.f[F_SIG].text[2]);
	memmove(&lg.f[F_SIG].text[2], &lg.f[F_SIG].text[3],
	    3 * sizeof(char *));
	lg.f[F_SIG].n--;
	mlog_verify(&lg, NULL, &r);
	assert_first(&r, "removed: seq 5 to 6 are missing (before "
	    "hostqld.results.log line 1)");
	vresult_free(&r);
	mlog_free(&lg);
}
END_TEST

START_TEST(verify_inserted)
{
	struct mlog lg;
	struct vresult r;

	mlog_standard(&lg);
	put_line(&lg.f[F_RES], strdup("{\"name\":\"q\",\"columns\":{\"pid\":"
	    "\"1\"},\"action\":\"added\"}"), 1);
	mlog_verify(&lg, NULL, &r);
	assert_first(&r, "inserted: hostqld.results.log line 2 is not a line "
	    "hostqld wrote (no chain member)");
	vresult_free(&r);
	mlog_free(&lg);
}
END_TEST

/* A made-up line with a chain member of its own, placed before the first
 * line: seq 0 and link 0, the link the chain starts from. */
START_TEST(verify_inserted_seq0)
{
	char fake[256];
	struct mlog lg;
	struct vresult r;

	mlog_standard(&lg);
	snprintf(fake, sizeof(fake), "{\"name\":\"q\",\"columns\":{\"pid\":"
	    "\"666\"},\"action\":\"added\",\"hostql\":{\"seq\":0,\"link\":\""
	    "%064d\"}}", 0);
	put_line(&lg.f[F_OLD], strdup(fake), 0);
	mlog_verify(&lg, NULL, &r);
	ck_assert_msg(r.nproblems > 0, "a made-up line verified");
	assert_first(&r, "unsigned: hostqld.results.log.1 line 1 (seq 0) is in "
	    "no batch whose signature verifies");
	vresult_free(&r);
	mlog_free(&lg);
}
END_TEST

/* The same for a log whose oldest lines were rotated away: a made-up
 * line just before the first line kept, with that line's signed prev as
 * its link. */
START_TEST(verify_inserted_before_first_kept)
{
	char fake[256], prev[2 * CHAIN_LINK_LEN + 1];
	const char *p;
	struct mlog lg;
	struct vresult r;
	size_t i;

	mlog_init(&lg);
	mlog_batch(&lg, F_OLD, 3);
	mlog_batch(&lg, F_RES, 3);
	for (i = 0; i < lg.f[F_OLD].n; i++)
		free(lg.f[F_OLD].text[i]);
	lg.f[F_OLD].n = 0;
	free(lg.f[F_SIG].text[0]);
	lg.f[F_SIG].text[0] = lg.f[F_SIG].text[1];
	lg.f[F_SIG].n = 1;
	p = strstr(lg.f[F_SIG].text[0], "\"prev\":\"");
	ck_assert_ptr_nonnull(p);
	memcpy(prev, p + 8, 2 * CHAIN_LINK_LEN);
	prev[2 * CHAIN_LINK_LEN] = '\0';
	snprintf(fake, sizeof(fake), "{\"name\":\"q\",\"columns\":{\"pid\":"
	    "\"666\"},\"action\":\"added\",\"hostql\":{\"seq\":3,\"link\":\""
	    "%s\"}}", prev);
	put_line(&lg.f[F_RES], strdup(fake), 0);
	mlog_verify(&lg, NULL, &r);
	assert_first(&r, "unsigned: hostqld.results.log line 1 (seq 3) is in "
	    "no batch whose signature verifies");
	vresult_free(&r);
	mlog_free(&lg);
}
END_TEST

START_TEST(verify_reordered)
{
	struct mlog lg;
	struct vresult r;
	char *t;

	mlog_standard(&lg);
	t = lg.f[F_RES].text[0];
	lg.f[F_RES].text[0] = lg.f[F_RES].text[1];
	lg.f[F_RES].text[1] = t;
	mlog_verify(&lg, NULL, &r);
	assert_first(&r, "reordered: hostqld.results.log line 2 (seq 7) comes "
	    "after seq 8");
	vresult_free(&r);
	mlog_free(&lg);

	/* A line moved to another file. */
	mlog_standard(&lg);
	t = lg.f[F_OLD].text[0];
	memmove(&lg.f[F_OLD].text[0], &lg.f[F_OLD].text[1],
	    (lg.f[F_OLD].n - 1) * sizeof(char *));
	lg.f[F_OLD].n--;
	put_line(&lg.f[F_RES], t, lg.f[F_RES].n);
	mlog_verify(&lg, NULL, &r);
	assert_first(&r, "reordered: hostqld.results.log line 6 (seq 1) comes "
	    "after seq 12");
	vresult_free(&r);
	mlog_free(&lg);
}
END_TEST

START_TEST(verify_duplicated)
{
	struct mlog lg;
	struct vresult r;

	mlog_standard(&lg);
	put_line(&lg.f[F_RES], strdup(lg.f[F_RES].text[1]), 2);
	mlog_verify(&lg, NULL, &r);
	assert_first(&r, "inserted: hostqld.results.log line 3 repeats seq 8 "
	    "of line 2");
	vresult_free(&r);
	mlog_free(&lg);

	/* In another file: the later copy in seq order is named. */
	mlog_standard(&lg);
	put_line(&lg.f[F_STATUS], strdup(lg.f[F_OLD].text[0]), 1);
	mlog_verify(&lg, NULL, &r);
	assert_first(&r, "reordered: hostqld.status.log line 2 (seq 1) comes "
	    "after seq 4");
	ck_assert_uint_ge(r.nproblems, 2);
	ck_assert_str_eq(r.problems[1].text, "inserted: hostqld.status.log "
	    "line 2 repeats seq 1 of hostqld.results.log.1 line 1");
	vresult_free(&r);
	mlog_free(&lg);
}
END_TEST

START_TEST(verify_bad_signature)
{
	static const uint64_t kept[] = { 1, 6, 10, 12 };
	struct mlog lg;
	unsigned char pk[CHAIN_PK_LEN], sk[CHAIN_SK_LEN];
	struct vresult r;
	char *p;

	/* A signature changed. */
	mlog_standard(&lg);
	p = strstr(lg.f[F_SIG].text[3], "\"sig\":\"") + 7;
	*p = *p == 'A' ? 'B' : 'A';
	mlog_verify(&lg, NULL, &r);
	assert_first(&r, "bad signature: hostqld.signatures.log line 4");
	ck_assert_uint_ge(r.nproblems, 2);
	ck_assert_str_eq(r.problems[1].text, "unsigned: hostqld.results.log "
	    "line 1 (seq 7) is in no batch whose signature verifies");
	assert_ranges(&r, 2, kept);
	vresult_free(&r);

	/* Another key. */
	crypto_sign_keypair(pk, sk);
	mlog_verify(&lg, pk, &r);
	assert_first(&r, "bad signature: hostqld.signatures.log line 1");
	ck_assert_uint_eq(r.nranges, 0);
	ck_assert_uint_eq(r.nsigned, 0);
	vresult_free(&r);
	mlog_free(&lg);

	/* A head that is not the batch's: signed by the right key over the
	 * wrong link. */
	mlog_standard(&lg);
	free(lg.f[F_SIG].text[3]);
	{
		unsigned char prev[CHAIN_LINK_LEN], head[CHAIN_LINK_LEN];

		memset(prev, 1, sizeof(prev));
		memset(head, 2, sizeof(head));
		ck_assert_int_eq(chain_sign_batch(lg.sk, 7, 9, STREAM_RESULTS,
		    prev, head, &lg.f[F_SIG].text[3]), 0);
	}
	mlog_verify(&lg, NULL, &r);
	assert_first(&r, "the batch of seq 7 to 9 (hostqld.signatures.log "
	    "line 4) does not verify");
	vresult_free(&r);
	mlog_free(&lg);
}
END_TEST

START_TEST(verify_signature_removed)
{
	struct mlog lg;
	struct vresult r;

	mlog_standard(&lg);
	free(lg.f[F_SIG].text[5]);
	lg.f[F_SIG].n--;
	mlog_verify(&lg, NULL, &r);
	assert_first(&r, "unsigned: hostqld.results.log line 4 (seq 11) is in "
	    "no batch whose signature verifies");
	vresult_free(&r);
	mlog_free(&lg);
}
END_TEST

/* A line cut short (a truncated file) has no chain member left. */
START_TEST(verify_truncated_line)
{
	struct mlog lg;
	struct vresult r;

	mlog_standard(&lg);
	lg.f[F_RES].text[4][40] = '\0';
	mlog_verify(&lg, NULL, &r);
	assert_first(&r, "inserted: hostqld.results.log line 5 is not a line "
	    "hostqld wrote (no chain member)");
	vresult_free(&r);
	mlog_free(&lg);
}
END_TEST

/*
 * Rotation took the oldest file, and the signatures of its batches went
 * too: the first line kept starts a batch, whose signature names the link
 * before it, and everything from there verifies.
 */
START_TEST(verify_first_kept)
{
	static const uint64_t kept[] = { 6, 10 };
	struct mlog lg;
	struct vresult r;
	size_t i;

	mlog_init(&lg);
	mlog_batch(&lg, F_OLD, 3);
	mlog_batch(&lg, F_OLD, 2);
	mlog_batch(&lg, F_RES, 3);
	mlog_batch(&lg, F_STATUS, 1);
	mlog_batch(&lg, F_RES, 1);
	for (i = 0; i < lg.f[F_OLD].n; i++)
		free(lg.f[F_OLD].text[i]);
	lg.f[F_OLD].n = 0;
	free(lg.f[F_SIG].text[0]);
	free(lg.f[F_SIG].text[1]);
	memmove(&lg.f[F_SIG].text[0], &lg.f[F_SIG].text[2],
	    3 * sizeof(char *));
	lg.f[F_SIG].n = 3;
	mlog_verify(&lg, NULL, &r);
	ck_assert_msg(r.nproblems == 0, "problem: %s", r.problems[0].text);
	ck_assert_uint_eq(r.nlines, 5);
	assert_ranges(&r, 1, kept);
	vresult_free(&r);

	/* The signatures of the lines rotation took are still there (the
	 * signature log rotates later): those batches, all gone and older
	 * than the stream's oldest line, are rotated away, not removed. */
	mlog_free(&lg);
	mlog_init(&lg);
	mlog_batch(&lg, F_OLD, 3);
	mlog_batch(&lg, F_RES, 3);
	for (i = 0; i < lg.f[F_OLD].n; i++)
		free(lg.f[F_OLD].text[i]);
	lg.f[F_OLD].n = 0;
	mlog_verify(&lg, NULL, &r);
	ck_assert_msg(r.nproblems == 0, "problem: %s", r.problems[0].text);
	ck_assert_uint_eq(r.nrotated, 3);
	vresult_free(&r);
	mlog_free(&lg);

	/* But a batch with a line left, or one newer than a line kept, was
	 * not rotated: its missing lines were removed. */
	mlog_init(&lg);
	mlog_batch(&lg, F_OLD, 3);
	mlog_batch(&lg, F_OLD, 2);
	mlog_batch(&lg, F_RES, 3);
	free(lg.f[F_OLD].text[3]);
	free(lg.f[F_OLD].text[4]);
	lg.f[F_OLD].n = 3;
	mlog_verify(&lg, NULL, &r);
	assert_first(&r, "removed: seq 4 to 5 are missing (before "
	    "hostqld.results.log line 1)");
	ck_assert_uint_eq(r.nrotated, 0);
	vresult_free(&r);
	mlog_free(&lg);
}
END_TEST

START_TEST(verify_nothing)
{
	struct mlog lg;
	struct vresult r;

	mlog_init(&lg);
	mlog_verify(&lg, NULL, &r);
	ck_assert_uint_eq(r.nproblems, 0);
	ck_assert_uint_eq(r.nlines, 0);
	vresult_free(&r);
	mlog_free(&lg);
}
END_TEST

/*
 * The fuzzers' seed log, signed with the key of a seed of 32 zero bytes
 * (fuzz/fuzz_chain.c verifies with it): it must stay a log that verifies,
 * or the fuzzer starts from nothing.
 */
START_TEST(verify_seed_fixture)
{
	static const unsigned char seed[crypto_sign_SEEDBYTES];
	static const uint64_t all[] = { 1, 6 };
	unsigned char pk[CHAIN_PK_LEN], sk[CHAIN_SK_LEN];
	struct vline lines[16];
	struct vsig sigs[16];
	struct vresult r;
	size_t len, start, end, nl = 0, ns = 0;
	char *text;

	ck_assert_int_ne(sodium_init(), -1);
	crypto_sign_seed_keypair(pk, sk, seed);
	text = fixture_load("daemon", "chain.log", &len);
	memset(lines, 0, sizeof(lines));
	memset(sigs, 0, sizeof(sigs));
	for (start = 0; start < len; start = end + 1) {
		for (end = start; end < len && text[end] != '\n'; end++)
			;
		ck_assert(nl < 16 && ns < 16);
		if (strncmp(text + start, "{\"first\":", 9) == 0) {
			sigs[ns].file = "chain.log";
			sigs[ns].lineno = nl + ns + 1;
			vsig_parse(&sigs[ns++], text + start, end - start);
			continue;
		}
		lines[nl].file = "chain.log";
		lines[nl].lineno = nl + ns + 1;
		lines[nl].text = text + start;
		lines[nl].len = end - start;
		vline_parse(&lines[nl++]);
	}
	ck_assert_int_eq(verify_lines(lines, nl, sigs, ns, pk, &r), 0);
	ck_assert_msg(r.nproblems == 0, "problem: %s", r.problems[0].text);
	assert_ranges(&r, 1, all);
	vresult_free(&r);
	free(text);
}
END_TEST

Suite	*suite_verify_lines(void);

Suite *
suite_verify_lines(void)
{
	Suite *s = suite_create("verify_lines");
	TCase *tc = tcase_create("verify_lines");

	tcase_add_test(tc, verify_clean);
	tcase_add_test(tc, verify_edited);
	tcase_add_test(tc, verify_removed);
	tcase_add_test(tc, verify_inserted);
	tcase_add_test(tc, verify_inserted_seq0);
	tcase_add_test(tc, verify_inserted_before_first_kept);
	tcase_add_test(tc, verify_reordered);
	tcase_add_test(tc, verify_duplicated);
	tcase_add_test(tc, verify_bad_signature);
	tcase_add_test(tc, verify_signature_removed);
	tcase_add_test(tc, verify_truncated_line);
	tcase_add_test(tc, verify_first_kept);
	tcase_add_test(tc, verify_nothing);
	tcase_add_test(tc, verify_seed_fixture);
	suite_add_tcase(s, tc);
	return s;
}
