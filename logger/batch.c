/*
 * A batch: what one result set (or one flush of status lines) becomes.
 * In one transaction: the differential against the stored set, the log
 * lines in osquery's format, each bound into the chain and spooled, one
 * signature over the batch, the new set and the chain's head.  Until the
 * commit nothing counts; after it the worker may forget the set.
 */
#include <stdlib.h>
#include <string.h>

#include "../ipc/log.h"
#include "logger.h"

struct batch {
	struct logger	*lg;
	struct chain	 before;
	int		 nlines;
	enum stream	 stream;	/* of its lines: one per batch */
};

static int
batch_begin(struct batch *b, struct logger *lg)
{
	b->lg = lg;
	b->before = lg->chain;
	b->nlines = 0;
	return store_begin(lg->store);
}

/* Chain and spool one line (taken over: freed here). */
static int
batch_line(struct batch *b, enum stream s, char *line)
{
	struct logger *lg = b->lg;
	size_t len;
	char *disk;
	int rc;

	if (line == NULL)
		return -1;
	rc = chain_append(&lg->chain, line, strlen(line), &disk, &len);
	free(line);
	if (rc == -1)
		return -1;
	rc = store_spool_add(lg->store, s, lg->chain.seq, disk, len);
	free(disk);
	b->nlines++;
	b->stream = s;
	return rc;
}

static int
batch_commit(struct batch *b)
{
	struct logger *lg = b->lg;
	char *sig;
	int rc;

	if (b->nlines > 0) {
		if (chain_sign_batch(lg->sk, b->before.seq + 1, lg->chain.seq,
		    b->stream, b->before.link, lg->chain.link, &sig) == -1)
			return -1;
		rc = store_spool_add(lg->store, stream_signatures(b->stream),
		    lg->chain.seq, sig, strlen(sig));
		free(sig);
		if (rc == -1)
			return -1;
	}
	if (store_put_chain(lg->store, &lg->chain) == -1)
		return -1;
	return store_commit(lg->store);
}

static void
batch_abort(struct batch *b)
{
	log_warnx("storing a batch: %s", store_errmsg(b->lg->store));
	store_rollback(b->lg->store);
	b->lg->chain = b->before;
}

/* cal outlives m: the calendar time is made once for the batch. */
static void
meta_of(const struct logger *lg, const struct incoming *in,
    struct line_meta *m, char *cal, size_t callen)
{
	memset(m, 0, sizeof(*m));
	format_calendar_time(in->unix_time, cal, callen);
	m->calendar = cal;
	m->name = in->name;
	m->host = lg->cfg.host;
	m->unix_time = in->unix_time;
	m->epoch = in->epoch;
	m->numerics = lg->cfg.numerics;
	m->decorations = in->dec;
	m->ndecorations = in->ndec;
	m->decorations_top_level = lg->cfg.decorations_top_level;
}

/* Removed rows first, then added ones, as osquery logs them. */
static int
log_differential(struct batch *b, const struct line_meta *m,
    const struct rset *old, const struct rset *new,
    const struct rset_diff *d)
{
	size_t i;

	if (!b->lg->cfg.event_type)
		return batch_line(b, STREAM_RESULTS,
		    format_batch(m, old, new, d));
	for (i = 0; i < d->nremoved; i++)
		if (batch_line(b, STREAM_RESULTS,
		    format_event(m, old, d->removed[i], "removed")) == -1)
			return -1;
	for (i = 0; i < d->nadded; i++)
		if (batch_line(b, STREAM_RESULTS,
		    format_event(m, new, d->added[i], "added")) == -1)
			return -1;
	return 0;
}

/*
 * The differential against the stored set.  A query seen for the first
 * time, or with a new epoch or new SQL text, starts again: every row is
 * added and counter is 0; then counter rises by one on each run that
 * changed something.
 */
static int
differential(struct batch *b, const struct incoming *in,
    const struct prev_result *prev, uint64_t *counter)
{
	struct line_meta m;
	char cal[64];
	struct rset empty;
	struct rset_diff d;
	const struct rset *old = &empty;
	int fresh, rc = 0;

	rset_init(&empty);
	fresh = !prev->found || prev->epoch != in->epoch ||
	    strcmp(prev->sql, in->sql) != 0;
	if (!fresh)
		old = &prev->rows;
	if (rset_diff(old, &in->rows, &d) == -1)
		return -1;
	if (in->flags & RESULT_NO_REMOVED)
		d.nremoved = 0;
	*counter = fresh ? 0 : prev->counter;
	if (d.nadded + d.nremoved > 0) {
		if (!fresh)
			(*counter)++;
		meta_of(b->lg, in, &m, cal, sizeof(cal));
		m.counter = *counter;
		rc = log_differential(b, &m, old, &in->rows, &d);
	}
	rset_diff_free(&d);
	return rc;
}

static int
snapshot(struct batch *b, const struct incoming *in,
    const struct prev_result *prev, uint64_t *counter)
{
	struct line_meta m;
	char cal[64];

	*counter = prev->found ? prev->counter + 1 : 0;
	meta_of(b->lg, in, &m, cal, sizeof(cal));
	m.counter = *counter;
	return batch_line(b, STREAM_SNAPSHOTS, format_snapshot(&m, &in->rows));
}

int
batch_result(struct logger *lg, const struct incoming *in)
{
	struct prev_result prev;
	struct batch b;
	uint64_t counter;
	int snap = (in->flags & RESULT_SNAPSHOT) != 0, rc;

	if (batch_begin(&b, lg) == -1 ||
	    store_get_prev(lg->store, in->name, &prev) == -1) {
		batch_abort(&b);
		return -1;
	}
	/* The same run again: the worker did not hear our last word. */
	if (prev.found && prev.run_id == in->run_id) {
		store_rollback(lg->store);
		prev_result_free(&prev);
		return 0;
	}
	rc = snap ? snapshot(&b, in, &prev, &counter) :
	    differential(&b, in, &prev, &counter);
	if (rc == 0)
		rc = store_put_prev(lg->store, in->name, in->sql, in->epoch,
		    counter, in->run_id, snap ? NULL : &in->rows);
	if (rc == 0)
		rc = batch_commit(&b);
	if (rc == -1)
		batch_abort(&b);
	prev_result_free(&prev);
	return rc;
}

int
batch_status(struct logger *lg)
{
	struct pending_status *p;
	struct batch b;
	size_t i;

	if (lg->nstatus == 0)
		return 0;
	if (batch_begin(&b, lg) == -1) {
		batch_abort(&b);
		return -1;
	}
	for (i = 0; i < lg->nstatus; i++) {
		p = &lg->status[i];
		if (batch_line(&b, STREAM_STATUS, format_status(lg->cfg.host,
		    p->when, p->severity, p->text, NULL, 0)) == -1) {
			batch_abort(&b);
			return -1;
		}
	}
	if (batch_commit(&b) == -1) {
		batch_abort(&b);
		return -1;
	}
	for (i = 0; i < lg->nstatus; i++)
		free(lg->status[i].text);
	lg->nstatus = 0;
	return 0;
}
