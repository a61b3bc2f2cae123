/*
 * The spool, out to the log files: every stored line goes to its stream's
 * file in order, then the files are synced, then the lines leave the
 * spool.  A line whose key a file already ends with was written before a
 * crash and is not written twice.  When the disk is full the spool keeps
 * what did not fit, the logger says so once, and tries again each second.
 */
#include <sys/uio.h>

#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include <string.h>

#include "../ipc/log.h"
#include "logger.h"

struct flush {
	struct logger	*lg;
	int64_t		 done;	/* last spool id on disk */
	int		 err;
};

/* --logger_plugin stdout: the line on the terminal too, as written. */
static void
copy_to_stdout(const char *line, size_t len)
{
	struct iovec iov[2] = {
		{ (void *)(uintptr_t)line, len }, { (void *)"\n", 1 }
	};

	if (writev(STDOUT_FILENO, iov, 2) == -1)
		return;		/* a terminal gone is no reason to stop */
}

static int
write_one(void *arg, int64_t id, int stream, uint64_t key, const char *line,
    size_t len)
{
	struct flush *f = arg;
	struct logfiles *lf = &f->lg->files;

	if (stream < 0 || stream >= STREAM_MAX)
		return 0;
	if (key <= lf->written[stream] && lf->written[stream] != 0) {
		f->done = id;
		return 0;
	}
	if ((f->err = logfiles_append(lf, (enum stream)stream, key, line,
	    len)) != 0)
		return 1;
	if (f->lg->cfg.to_stdout && !stream_is_signatures(stream))
		copy_to_stdout(line, len);
	f->done = id;
	return 0;
}

static void
retry_later(struct logger *lg)
{
	struct timeval tv = { 1, 0 };

	evtimer_add(lg->ev_retry, &tv);
}

static void
report_failure(struct logger *lg, int err)
{
	if (lg->disk_full)
		return;
	lg->disk_full = 1;
	log_warnx("cannot write the logs: %s; results wait in the spool "
	    "and are written when there is room", strerror(err));
}

void
spool_flush(struct logger *lg)
{
	struct flush f = { lg, 0, 0 };
	int sync_err;

	if (store_spool_each(lg->store, write_one, &f) == -1) {
		log_warnx("reading the spool: %s", store_errmsg(lg->store));
		retry_later(lg);
		return;
	}
	sync_err = logfiles_sync(&lg->files);
	if (f.done > 0 && sync_err == 0 &&
	    store_spool_delete(lg->store, f.done) == -1)
		log_warnx("emptying the spool: %s", store_errmsg(lg->store));
	if (f.err != 0 || sync_err != 0) {
		report_failure(lg, -(f.err != 0 ? f.err : sync_err));
		retry_later(lg);
		return;
	}
	if (lg->disk_full) {
		lg->disk_full = 0;
		logger_status(lg, 0, "the logs are written again; nothing was "
		    "lost");
	}
}
