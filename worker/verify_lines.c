/* Checking the chain and its signatures; see verify_lines.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "../logger/streams.h"
#include "verify_lines.h"

#define MAX_PROBLEMS	100

/* What a signature line is found to be. */
#define SIG_BAD		0
#define SIG_VALID	1
#define SIG_ROTATED	2	/* valid, its batch rotated away */

void
vline_parse(struct vline *l)
{
	l->chained = chain_parse_line(l->text, l->len, &l->objlen, &l->seq,
	    l->link) == 0;
}

static int
hex_field(const char *text, size_t len, const char *key, unsigned char *out)
{
	const char *p = memmem(text, len, key, strlen(key));
	size_t klen = strlen(key);

	if (p == NULL || (size_t)(text + len - p) < klen + 2 * CHAIN_LINK_LEN)
		return -1;
	return sodium_hex2bin(out, CHAIN_LINK_LEN, p + klen,
	    2 * CHAIN_LINK_LEN, NULL, NULL, NULL);
}

/* A number after key, read within the line. */
static int
num_field(const char *text, size_t len, const char *key, uint64_t *v)
{
	const char *p = memmem(text, len, key, strlen(key)), *end = text + len;

	if (p == NULL)
		return -1;
	p += strlen(key);
	if (p == end || *p < '0' || *p > '9')
		return -1;
	for (*v = 0; p < end && *p >= '0' && *p <= '9'; p++) {
		if (*v > (UINT64_MAX - (uint64_t)(*p - '0')) / 10)
			return -1;
		*v = *v * 10 + (uint64_t)(*p - '0');
	}
	return 0;
}

/* The "stream":"name" of a signature line, or -1. */
static int
stream_field(const char *text, size_t len)
{
	static const char key[] = "\"stream\":\"";
	const char *p = memmem(text, len, key, sizeof(key) - 1), *q;

	if (p == NULL)
		return -1;
	p += sizeof(key) - 1;
	if ((q = memchr(p, '"', (size_t)(text + len - p))) == NULL)
		return -1;
	return stream_by_name(p, (size_t)(q - p));
}

void
vsig_parse(struct vsig *s, const char *text, size_t len)
{
	const char *p = memmem(text, len, "\"sig\":\"", 7), *q;
	size_t siglen;

	s->parsed = 0;
	if (p == NULL || num_field(text, len, "\"first\":", &s->first) == -1 ||
	    num_field(text, len, "\"last\":", &s->last) == -1 ||
	    hex_field(text, len, "\"prev\":\"", s->prev) != 0 ||
	    hex_field(text, len, "\"head\":\"", s->head) != 0)
		return;
	p += 7;
	if ((q = memchr(p, '"', (size_t)(text + len - p))) == NULL ||
	    sodium_base642bin(s->sig, sizeof(s->sig), p, (size_t)(q - p),
	    NULL, &siglen, NULL, sodium_base64_VARIANT_ORIGINAL) != 0 ||
	    siglen != CHAIN_SIG_LEN)
		return;
	s->stream = stream_field(text, len);
	s->parsed = s->first >= 1 && s->first <= s->last && s->stream >= 0;
}

static void
problem(struct vresult *r, const char *fmt, ...)
{
	struct vproblem *grown;
	va_list ap;

	if (r->nproblems >= MAX_PROBLEMS)
		return;
	grown = realloc(r->problems, (r->nproblems + 1) * sizeof(*grown));
	if (grown == NULL)
		return;
	r->problems = grown;
	va_start(ap, fmt);
	vsnprintf(grown[r->nproblems].text, sizeof(grown->text), fmt, ap);
	va_end(ap);
	r->nproblems++;
}

/* Inserted lines (no chain member) and lines out of order in a file. */
static void
check_file_order(struct vline *lines, size_t n, struct vresult *r)
{
	const struct vline *prev = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		struct vline *l = &lines[i];

		if (prev != NULL && prev->file != l->file)
			prev = NULL;
		if (!l->chained) {
			problem(r, "inserted: %s line %zu is not a line hostqld "
			    "wrote (no chain member)", l->file, l->lineno);
			continue;
		}
		if (prev != NULL && l->seq == prev->seq)
			problem(r, "inserted: %s line %zu repeats seq %llu of "
			    "line %zu", l->file, l->lineno,
			    (unsigned long long)l->seq, prev->lineno);
		else if (prev != NULL && l->seq < prev->seq)
			problem(r, "reordered: %s line %zu (seq %llu) comes after "
			    "seq %llu", l->file, l->lineno,
			    (unsigned long long)l->seq,
			    (unsigned long long)prev->seq);
		prev = l;
	}
}

static int
by_seq(const void *a, const void *b)
{
	const struct vline *x = *(const struct vline *const *)a;
	const struct vline *y = *(const struct vline *const *)b;

	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return x < y ? -1 : x > y;
}

static int
link_ok(const struct vline *l, const unsigned char prev[CHAIN_LINK_LEN])
{
	unsigned char link[CHAIN_LINK_LEN];
	char *obj;

	if ((obj = malloc(l->objlen + 1)) == NULL)
		return 0;
	memcpy(obj, l->text, l->objlen);
	obj[l->objlen] = '}';
	chain_link(prev, l->seq, obj, l->objlen + 1, link);
	free(obj);
	return memcmp(link, l->link, CHAIN_LINK_LEN) == 0;
}

/* The link before seq, from a valid signature whose batch starts there. */
static const unsigned char *
signed_prev(const struct vsig *sigs, size_t nsigs, const int *valid,
    uint64_t seq)
{
	size_t i;

	for (i = 0; i < nsigs; i++)
		if (valid[i] == SIG_VALID && sigs[i].first == seq)
			return sigs[i].prev;
	return NULL;
}

/*
 * Can rotation have taken seq a to b?  Either batches it took cover them
 * (their signatures outlived them), or no signature that verifies says a
 * word of them and they are older than all a stream keeps: rotation
 * removes a stream's oldest files with their signatures.  (sigs are in
 * order of first.)
 */
static int
rotated_away(const struct vsig *sigs, size_t nsigs, const int *valid,
    const uint64_t oldest[STREAM_LINES], uint64_t a, uint64_t b)
{
	uint64_t from = a;
	size_t i;
	int s;

	for (i = 0; i < nsigs && a <= b; i++)
		if (valid[i] == SIG_ROTATED && sigs[i].first <= a &&
		    sigs[i].last >= a)
			a = sigs[i].last + 1;
	if (a > b)
		return 1;
	for (i = 0; i < nsigs; i++)
		if (valid[i] != SIG_BAD && sigs[i].first <= b &&
		    sigs[i].last >= from)
			return 0;
	for (s = 0; s < STREAM_LINES; s++)
		if (oldest[s] != UINT64_MAX && oldest[s] > b)
			return 1;
	return 0;
}

/* Walk the chain in seq order: gaps, duplicates, edits. */
static void
check_chain(struct vline **byseq, size_t n, const struct vsig *sigs,
    size_t nsigs, const int *valid, const uint64_t oldest[STREAM_LINES],
    struct vresult *r)
{
	static const unsigned char zero[CHAIN_LINK_LEN];
	const unsigned char *prev;
	size_t i;

	for (i = 0; i < n; i++) {
		struct vline *l = byseq[i], *before = i > 0 ? byseq[i - 1] : NULL;

		if (before != NULL && before->seq == l->seq) {
			problem(r, "inserted: %s line %zu repeats seq %llu of %s "
			    "line %zu", l->file, l->lineno,
			    (unsigned long long)l->seq, before->file,
			    before->lineno);
			continue;
		}
		if (before != NULL && l->seq > before->seq + 1 &&
		    !rotated_away(sigs, nsigs, valid, oldest, before->seq + 1,
		    l->seq - 1))
			problem(r, "removed: seq %llu to %llu are missing "
			    "(before %s line %zu)",
			    (unsigned long long)before->seq + 1,
			    (unsigned long long)l->seq - 1, l->file, l->lineno);
		if (before != NULL && before->seq + 1 == l->seq)
			prev = before->link;
		else if (l->seq == 1)
			prev = zero;
		else
			prev = signed_prev(sigs, nsigs, valid, l->seq);
		if (prev == NULL)
			continue;	/* its predecessor is gone: see below */
		l->ok = link_ok(l, prev);
		if (!l->ok)
			problem(r, "edited: %s line %zu (seq %llu) does not match "
			    "its link", l->file, l->lineno,
			    (unsigned long long)l->seq);
	}
}

/* The first line whose seq is seq or more: n when none. */
static size_t
lower_bound(struct vline **byseq, size_t n, uint64_t seq)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (byseq[mid]->seq < seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static struct vline *
find_seq(struct vline **byseq, size_t n, uint64_t seq)
{
	size_t i = lower_bound(byseq, n, seq);

	return i < n && byseq[i]->seq == seq ? byseq[i] : NULL;
}

/*
 * Batches rotation took: their signature verifies, none of their lines
 * is left, and they are older than the oldest line their stream keeps.
 * Removing the oldest files is what rotation does; a file gone from the
 * middle, or lines gone from a batch, is not.
 */
/* The oldest seq each stream keeps (UINT64_MAX: none). */
static void
oldest_kept(struct vline **byseq, size_t n, uint64_t oldest[STREAM_LINES])
{
	size_t i;
	int s;

	for (s = 0; s < STREAM_LINES; s++)
		oldest[s] = UINT64_MAX;
	for (i = 0; i < n; i++)
		if (byseq[i]->stream >= 0 && byseq[i]->stream < STREAM_LINES &&
		    byseq[i]->seq < oldest[byseq[i]->stream])
			oldest[byseq[i]->stream] = byseq[i]->seq;
}

static void
mark_rotated(struct vline **byseq, size_t n, const struct vsig *sigs,
    size_t nsigs, const uint64_t oldest[STREAM_LINES], int *valid)
{
	size_t i, at;

	for (i = 0; i < nsigs; i++) {
		at = lower_bound(byseq, n, sigs[i].first);
		if (valid[i] == SIG_VALID && sigs[i].stream < STREAM_LINES &&
		    sigs[i].last < oldest[sigs[i].stream] &&
		    (at == n || byseq[at]->seq > sigs[i].last))
			valid[i] = SIG_ROTATED;
	}
}

static int
signature_valid(const struct vsig *s, const unsigned char pk[CHAIN_PK_LEN])
{
	unsigned char msg[CHAIN_SIGNED_LEN];

	chain_signed_message(s->first, s->last, (unsigned int)s->stream,
	    s->prev, s->head, msg);
	return crypto_sign_verify_detached(s->sig, msg, sizeof(msg), pk) ==
	    0;
}

/* A batch holds when every line of it is there, verifies, starts after
 * prev and ends at head. */
static int
batch_holds(struct vline **byseq, size_t n, const struct vsig *s)
{
	struct vline *l;
	uint64_t q;

	for (q = s->first; q <= s->last; q++)
		if ((l = find_seq(byseq, n, q)) == NULL || !l->ok)
			return 0;
	l = find_seq(byseq, n, s->last);
	return memcmp(l->link, s->head, CHAIN_LINK_LEN) == 0;
}

static void
add_range(struct vresult *r, uint64_t a, uint64_t b)
{
	uint64_t (*grown)[2];

	if (r->nranges > 0 && r->ranges[r->nranges - 1][1] + 1 >= a) {
		if (b > r->ranges[r->nranges - 1][1])
			r->ranges[r->nranges - 1][1] = b;
		return;
	}
	grown = realloc(r->ranges, (r->nranges + 1) * sizeof(*grown));
	if (grown == NULL)
		return;
	r->ranges = grown;
	r->ranges[r->nranges][0] = a;
	r->ranges[r->nranges][1] = b;
	r->nranges++;
}

static void
check_batches(struct vline **byseq, size_t n, struct vsig *sigs,
    size_t nsigs, const int *valid, struct vresult *r)
{
	struct vline *l;
	uint64_t q;
	size_t i;

	for (i = 0; i < nsigs; i++) {
		if (valid[i] == SIG_ROTATED)
			r->nrotated += sigs[i].last - sigs[i].first + 1;
		if (valid[i] != SIG_VALID)
			continue;
		if (!batch_holds(byseq, n, &sigs[i])) {
			problem(r, "the batch of seq %llu to %llu (%s line %zu) "
			    "does not verify", (unsigned long long)sigs[i].first,
			    (unsigned long long)sigs[i].last, sigs[i].file,
			    sigs[i].lineno);
			continue;
		}
		for (q = sigs[i].first; q <= sigs[i].last; q++)
			if ((l = find_seq(byseq, n, q)) != NULL)
				l->signed_ok = 1;
		add_range(r, sigs[i].first, sigs[i].last);
		r->nsigned += sigs[i].last - sigs[i].first + 1;
	}
	/* Every line, whether its link held or could not be checked (no
	 * line or signature before it): one made up with a link of its own
	 * choosing holds up the next line's link, but no signature. */
	for (i = 0; i < n; i++)
		if (!byseq[i]->signed_ok) {
			problem(r, "unsigned: %s line %zu (seq %llu) is in no "
			    "batch whose signature verifies", byseq[i]->file,
			    byseq[i]->lineno,
			    (unsigned long long)byseq[i]->seq);
			break;
		}
}

static int
by_first(const void *a, const void *b)
{
	const struct vsig *x = a, *y = b;

	return (x->first > y->first) - (x->first < y->first);
}

int
verify_lines(struct vline *lines, size_t nlines, struct vsig *sigs,
    size_t nsigs, const unsigned char pk[CHAIN_PK_LEN], struct vresult *r)
{
	struct vline **byseq;
	uint64_t oldest[STREAM_LINES];
	int *valid;
	size_t i, n = 0;

	memset(r, 0, sizeof(*r));
	byseq = calloc(nlines ? nlines : 1, sizeof(*byseq));
	valid = calloc(nsigs ? nsigs : 1, sizeof(*valid));
	if (byseq == NULL || valid == NULL) {
		free(byseq);
		free(valid);
		return -1;
	}
	qsort(sigs, nsigs, sizeof(*sigs), by_first);
	for (i = 0; i < nsigs; i++) {
		valid[i] = sigs[i].parsed && signature_valid(&sigs[i], pk);
		if (!valid[i])
			problem(r, "bad signature: %s line %zu", sigs[i].file,
			    sigs[i].lineno);
	}
	check_file_order(lines, nlines, r);
	for (i = 0; i < nlines; i++)
		if (lines[i].chained)
			byseq[n++] = &lines[i];
	qsort(byseq, n, sizeof(*byseq), by_seq);
	r->nlines = n;
	oldest_kept(byseq, n, oldest);
	mark_rotated(byseq, n, sigs, nsigs, oldest, valid);
	check_chain(byseq, n, sigs, nsigs, valid, oldest, r);
	check_batches(byseq, n, sigs, nsigs, valid, r);
	free(byseq);
	free(valid);
	return 0;
}

void
vresult_free(struct vresult *r)
{
	free(r->problems);
	free(r->ranges);
	memset(r, 0, sizeof(*r));
}
