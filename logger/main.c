/*
 * hostql-logger: started by privd with its channel at fd 3.  It says
 * HELLO, takes its set-up (state directory, log directory, signing key,
 * settings), opens its store and log files, writes out what a previous
 * run left in the spool, enters the sandbox, and then serves: result sets
 * from the worker, status lines and orders from privd.
 */
#include <sys/prctl.h>
#include <sys/socket.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <sodium.h>

#include "../ipc/child.h"
#include "../ipc/log.h"
#include "../sandbox/sandbox.h"
#include "logger.h"


#ifdef HOSTQL_SANITIZED
/* LeakSanitizer reads /proc/<pid>/task at exit, which the logger's empty
 * root does not have; AddressSanitizer and UBSan still run in full. */
const char *__lsan_default_options(void);
const char *
__lsan_default_options(void)
{
	return "detect_leaks=0";
}
#endif

/* The next set-up message, which must be of type want. */
static void
setup_message(struct logger *lg, uint32_t want, struct msg *m)
{
	if (chan_recv(&lg->privd, m) != CHAN_OK)
		fatalx("privd closed the channel during set-up");
	if (m->hdr.type != want)
		fatalx("set-up: %s where %s was due", msg_type_name(m->hdr.type),
		    msg_type_name(want));
}

static int
setup_fd(struct logger *lg, uint32_t want)
{
	struct msg m;

	setup_message(lg, want, &m);
	if (m.fd == -1 || m.hdr.len != 0)
		fatalx("set-up: malformed %s", msg_type_name(want));
	return m.fd;
}

static void
setup_key(struct logger *lg)
{
	struct msg m;
	struct rd r;
	const void *p;
	size_t n;

	setup_message(lg, MSG_SIGN_KEY, &m);
	rd_init(&r, m.payload, m.hdr.len);
	if (rd_bytes(&r, &p, &n, CHAIN_SK_LEN) == -1 || rd_end(&r) == -1 ||
	    n != CHAIN_SK_LEN)
		fatalx("set-up: malformed SIGN_KEY");
	memcpy(lg->sk, p, CHAIN_SK_LEN);
	sodium_memzero(m.payload, sizeof(m.payload));
}

static void
setup_config(struct logger *lg)
{
	struct logfiles *lf = &lg->files;
	const char *host;
	struct msg m;
	struct rd r;
	uint8_t rotate, numerics, event_type, top, to_stdout;

	setup_message(lg, MSG_LOGGER_CONFIG, &m);
	rd_init(&r, m.payload, m.hdr.len);
	if (rd_str(&r, &host, sizeof(lg->cfg.host) - 1) == -1 ||
	    rd_u8(&r, &rotate) == -1 || rd_u64(&r, &lf->rotate_size) == -1 ||
	    rd_u32(&r, &lf->max_files) == -1 || rd_u32(&r, &lf->mode) == -1 ||
	    rd_u8(&r, &numerics) == -1 || rd_u8(&r, &event_type) == -1 ||
	    rd_u8(&r, &top) == -1 || rd_u8(&r, &to_stdout) == -1 ||
	    rd_end(&r) == -1 ||
	    lf->max_files == 0 || lf->mode > 0777)
		fatalx("set-up: malformed LOGGER_CONFIG");
	snprintf(lg->cfg.host, sizeof(lg->cfg.host), "%s", host);
	lf->rotate = rotate != 0;
	lg->cfg.numerics = numerics != 0;
	lg->cfg.event_type = event_type != 0;
	lg->cfg.decorations_top_level = top != 0;
	lg->cfg.to_stdout = to_stdout != 0;
}

/* The set-up privd sends before anything else. */
static int
setup_messages(struct logger *lg)
{
	int statefd;

	statefd = setup_fd(lg, MSG_STATE_DIR);
	lg->files.dirfd = setup_fd(lg, MSG_LOG_DIR);
	setup_key(lg);
	setup_config(lg);
	if (sodium_init() == -1)
		fatalx("libsodium cannot start");
	return statefd;
}

/* The store and the logs, opened inside the sandbox, as the logger's
 * user, beneath the two directories: the files are the logger's own. */
static void
open_state(struct logger *lg, int statefd)
{
	char err[256];

	if (statevfs_install(statefd) == -1)
		fatalx("SQLite's unix VFS cannot be confined to the state "
		    "directory");
	if ((lg->store = store_open(err, sizeof(err))) == NULL)
		fatalx("store: %s", err);
	if (store_get_chain(lg->store, &lg->chain) == -1)
		fatalx("store: reading the chain: %s",
		    store_errmsg(lg->store));
	if (logfiles_open(&lg->files) == -1)
		fatal("opening the log files");
}

static void
retry_due(evutil_socket_t fd, short events, void *arg)
{
	(void)fd;
	(void)events;
	spool_flush(arg);
}

static int
take_status(struct logger *lg, const struct msg *m)
{
	struct rd r;
	const char *text;
	uint8_t severity;
	int64_t when;

	rd_init(&r, m->payload, m->hdr.len);
	if (rd_u8(&r, &severity) == -1 || rd_i64(&r, &when) == -1 ||
	    rd_str(&r, &text, IPC_MAX_LOGTEXT + 64) == -1 ||
	    rd_end(&r) == -1 || severity > 2)
		return -1;
	logger_status_at(lg, severity, when, text);
	return 0;
}

static void
shutdown_now(struct logger *lg)
{
	batch_status(lg);
	spool_flush(lg);
	store_close(lg->store);
	logfiles_close(&lg->files);
	sodium_memzero(lg->sk, sizeof(lg->sk));
	exit(0);
}

static void
privd_readable(evutil_socket_t fd, short events, void *arg)
{
	struct logger *lg = arg;
	struct msg m;
	enum chan_err err;

	(void)fd;
	(void)events;
	for (;;) {
		err = chan_recv(&lg->privd, &m);
		if (err == CHAN_AGAIN)
			return;
		if (err != CHAN_OK)
			shutdown_now(lg);	/* privd is gone: so are we */
		if (m.hdr.type == MSG_WORKER_CHANNEL && m.fd != -1)
			results_channel(lg, m.fd);
		else if (m.hdr.type == MSG_STATUS && m.fd == -1) {
			if (take_status(lg, &m) == -1)
				fatalx("privd sent a malformed STATUS");
		} else if (m.hdr.type == MSG_SHUTDOWN)
			shutdown_now(lg);
		else
			fatalx("privd sent %s", msg_type_name(m.hdr.type));
	}
}

int
main(void)
{
	static struct logger lg;
	struct sandbox_opts opts = { LOGGER_USER, SANDBOX_LOGGER, 1 };
	int statefd;

	prctl(PR_SET_NAME, "hostql-logger");
	log_init("hostql-logger", 1);
	if (!child_is_channel(CHAN_FD_PRIVD)) {
		fprintf(stderr, "hostql-logger: run hostqld, not this "
		    "program\n");
		return 2;
	}
	/* Signals to the whole group are privd's to act on: it stops us
	 * last, once the worker's results are in. */
	signal(SIGINT, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	chan_init(&lg.privd, CHAN_FD_PRIVD, CHAN_FDS);
	lg.worker.fd = -1;
	log_set_sink(child_log_to_privd, &lg.privd);
	child_say_hello(&lg.privd, ROLE_LOGGER);
	statefd = setup_messages(&lg);
	/* What opens files of its own: libevent's pipe, jansson's seed. */
	if ((lg.base = event_base_new()) == NULL)
		fatalx("event_base_new");
	json_object_seed(0);
	sandbox_enter(&opts);
	open_state(&lg, statefd);
	lg.ev_status = evtimer_new(lg.base, status_due, &lg);
	lg.ev_retry = evtimer_new(lg.base, retry_due, &lg);
	if (evutil_make_socket_nonblocking(CHAN_FD_PRIVD) == -1 ||
	    lg.ev_status == NULL || lg.ev_retry == NULL ||
	    (lg.ev_privd = event_new(lg.base, CHAN_FD_PRIVD,
	    EV_READ | EV_PERSIST, privd_readable, &lg)) == NULL ||
	    event_add(lg.ev_privd, NULL) == -1)
		fatalx("event set-up");
	spool_flush(&lg);
	event_base_dispatch(lg.base);
	return 0;
}
