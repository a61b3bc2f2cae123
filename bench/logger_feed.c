/*
 * logger_feed: drive the real hostql-logger as privd and the worker
 * would, and time how fast it turns result sets into stored, chained,
 * signed lines on disk.
 *
 * usage: logger_feed LOGGER STATEDIR LOGDIR ROWS RUNS
 *
 * It makes the state and log directories as privd does (the store beneath
 * the state directory, both owned by the logger's user), starts LOGGER
 * with its channel at fd 3, waits for its HELLO, sends the set-up (both
 * directories, a fresh signing key, the default settings) and a results
 * channel, then sends RUNS result sets of one query, each of ROWS rows of
 * two columns (x, r) where every r is new on every run: the first run
 * logs ROWS "added" lines, each later run ROWS "removed" and ROWS "added"
 * lines.  Each set is sent only after the previous one was acknowledged,
 * as the worker does.  After the last acknowledgement it asks the logger
 * to stop, which it does once every line is in the log files and synced.
 *
 * Every message is encoded before the clock starts, so what is timed is
 * the logger's work: reading and checking the messages, the differential
 * against the stored set, osquery's JSON lines, the hash chain, one
 * Ed25519 signature per set, the SQLite transaction (WAL, synchronous
 * FULL), the acknowledgement, and writing, rotating and fsyncing the log
 * files.  It prints one figure line; signing.pub is left in STATEDIR so
 * that "hostql verify --database_path STATEDIR LOGDIR" can check the
 * output.
 */
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "../ipc/chan.h"
#include "../ipc/log.h"
#include "../sandbox/sandbox.h"

#define QUERY_NAME	"bench_rows"
#define QUERY_SQL	"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT " \
			"x + 1 FROM c LIMIT ?) SELECT x, abs(random()) AS r " \
			"FROM c"
#define ROTATE_SIZE	26214400ULL	/* the flags' defaults */
#define ROTATE_FILES	25
#define LOG_MODE	0640

/* One result set, encoded as the worker sends it. */
struct run {
	struct wr	*msgs;
	uint32_t	*types;
	size_t		 n, alloc;
	uint64_t	 run_id;
};

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
make_dir(const char *path, mode_t mode, uid_t uid, gid_t gid)
{
	int fd;

	if (mkdir(path, mode) == -1 && errno != EEXIST)
		fatal("mkdir %s", path);
	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		fatal("%s", path);
	if ((geteuid() == 0 && fchown(fd, uid, gid) == -1) ||
	    fchmod(fd, mode) == -1)
		fatal("owner and mode of %s", path);
	return fd;
}

static void
write_public_key(const char *state, const unsigned char *pk)
{
	char path[PATH_MAX], hex[2 * crypto_sign_PUBLICKEYBYTES + 1];
	FILE *fp;

	sodium_bin2hex(hex, sizeof(hex), pk, crypto_sign_PUBLICKEYBYTES);
	snprintf(path, sizeof(path), "%s/signing.pub", state);
	if ((fp = fopen(path, "we")) == NULL)
		fatal("%s", path);
	fprintf(fp, "%s\n", hex);
	if (fclose(fp) == EOF)
		fatal("%s", path);
}

static struct wr *
run_next(struct run *r, uint32_t type)
{
	if (r->n == r->alloc) {
		r->alloc = r->alloc ? r->alloc * 2 : 64;
		r->msgs = reallocarray(r->msgs, r->alloc, sizeof(*r->msgs));
		r->types = reallocarray(r->types, r->alloc, sizeof(*r->types));
		if (r->msgs == NULL || r->types == NULL)
			fatal("encoding");
	}
	r->types[r->n] = type;
	wr_init(&r->msgs[r->n]);
	return &r->msgs[r->n++];
}

static void
encode_begin(struct run *r)
{
	struct wr *w = run_next(r, MSG_RESULT_BEGIN);

	if (getrandom(&r->run_id, sizeof(r->run_id), 0) != sizeof(r->run_id))
		fatal("getrandom");
	wr_str(w, QUERY_NAME);
	wr_str(w, QUERY_SQL);
	wr_u64(w, r->run_id);
	wr_u64(w, (uint64_t)time(NULL));
	wr_u64(w, 0);		/* epoch */
	wr_u8(w, 0);		/* neither snapshot nor removed:false */
	wr_u32(w, 2);
	wr_str(w, "x");
	wr_str(w, "r");
	wr_u32(w, 0);		/* decorations */
}

/* A row: x, and a random r as SQLite's abs(random()) would give. */
static void
encode_rows(struct run *r, unsigned long nrows)
{
	struct wr *w = NULL;
	char x[24], v[24];
	uint64_t rnd;
	unsigned long i;

	for (i = 1; i <= nrows; i++) {
		randombytes_buf(&rnd, sizeof(rnd));
		snprintf(x, sizeof(x), "%lu", i);
		snprintf(v, sizeof(v), "%llu",
		    (unsigned long long)(rnd >> 1));
		/* Each cell: u8 null, u16 length, the bytes, a NUL. */
		if (w == NULL || wr_room(w) < 8 + strlen(x) + strlen(v))
			w = run_next(r, MSG_RESULT_ROWS);
		wr_u8(w, 0);
		wr_str(w, x);
		wr_u8(w, 0);
		wr_str(w, v);
	}
	w = run_next(r, MSG_RESULT_END);
	wr_u64(w, (uint64_t)nrows);
}

static void
encode_run(struct run *r, unsigned long nrows)
{
	size_t i;

	memset(r, 0, sizeof(*r));
	encode_begin(r);
	encode_rows(r, nrows);
	for (i = 0; i < r->n; i++)
		if (wr_ok(&r->msgs[i]) == -1)
			fatalx("a message did not fit");
}

static pid_t
start_logger(const char *path, struct chan *privd)
{
	char *argv[] = { "hostql-logger", NULL };
	struct msg m;
	pid_t pid;
	int sv[2];

	if (chan_socketpair(sv) == -1)
		fatal("socketpair");
	if ((pid = sandbox_spawn(path, argv, &sv[1], 1)) == -1)
		fatal("starting %s", path);
	close(sv[1]);
	chan_init(privd, sv[0], CHAN_FDS);
	if (chan_recv(privd, &m) != CHAN_OK || m.hdr.type != MSG_HELLO)
		fatalx("%s did not say HELLO", path);
	return pid;
}

static void
send_setup(struct chan *privd, const char *state, const char *logdir,
    const unsigned char *sk)
{
	char store[PATH_MAX];
	uid_t uid;
	gid_t gid;
	struct wr w;
	int statefd, storefd, logfd;

	sandbox_user_ids(LOGGER_USER, &uid, &gid);
	snprintf(store, sizeof(store), "%s/store", state);
	statefd = make_dir(state, 0755, geteuid(), getegid());
	storefd = make_dir(store, 0700, uid, gid);
	logfd = make_dir(logdir, 0750, uid, gid);
	if (chan_send(privd, MSG_STATE_DIR, 0, NULL, storefd) == -1 ||
	    chan_send(privd, MSG_LOG_DIR, 0, NULL, logfd) == -1)
		fatal("directories to the logger");
	close(statefd);
	close(storefd);
	close(logfd);
	wr_init(&w);
	wr_bytes(&w, sk, crypto_sign_SECRETKEYBYTES);
	if (chan_send(privd, MSG_SIGN_KEY, 0, &w, -1) == -1)
		fatal("key to the logger");
	wr_init(&w);
	wr_str(&w, "bench");
	wr_u8(&w, 1);		/* rotate */
	wr_u64(&w, ROTATE_SIZE);
	wr_u32(&w, ROTATE_FILES);
	wr_u32(&w, LOG_MODE);
	wr_u8(&w, 0);		/* numerics */
	wr_u8(&w, 1);		/* event format: a line per row */
	wr_u8(&w, 0);		/* decorations_top_level */
	wr_u8(&w, 0);		/* no copy of the lines to stdout */
	if (chan_send(privd, MSG_LOGGER_CONFIG, 0, &w, -1) == -1)
		fatal("settings to the logger");
}

static void
pair_worker(struct chan *privd, struct chan *worker)
{
	int sv[2];

	if (chan_socketpair(sv) == -1)
		fatal("socketpair");
	if (chan_send(privd, MSG_WORKER_CHANNEL, 0, NULL, sv[0]) == -1)
		fatal("results channel to the logger");
	close(sv[0]);
	chan_init(worker, sv[1], 0);
}

/* What the logger says to privd (its warnings) goes to stderr. */
static void
privd_message(struct chan *privd)
{
	struct msg m;
	struct rd r;
	const char *text;
	uint8_t level;

	if (chan_recv(privd, &m) != CHAN_OK)
		fatalx("the logger closed its channel");
	rd_init(&r, m.payload, m.hdr.len);
	if (m.hdr.type == MSG_LOG && rd_u8(&r, &level) == 0 &&
	    rd_str(&r, &text, IPC_MAX_LOGTEXT) == 0)
		fprintf(stderr, "logger_feed: the logger says: %s\n", text);
	if (m.fd != -1)
		close(m.fd);
}

static void
wait_stored(struct chan *privd, struct chan *worker, const struct run *run)
{
	struct pollfd pfd[2] = {
		{ .fd = privd->fd, .events = POLLIN },
		{ .fd = worker->fd, .events = POLLIN },
	};
	const char *name;
	uint64_t id;
	struct msg m;
	struct rd r;

	for (;;) {
		if (poll(pfd, 2, -1) == -1 && errno != EINTR)
			fatal("poll");
		if (pfd[0].revents != 0)
			privd_message(privd);
		if (pfd[1].revents == 0)
			continue;
		if (chan_recv(worker, &m) != CHAN_OK)
			fatalx("the logger dropped the results channel");
		rd_init(&r, m.payload, m.hdr.len);
		if (m.hdr.type != MSG_RESULT_STORED ||
		    rd_str(&r, &name, IPC_MAX_PAYLOAD) == -1 ||
		    rd_u64(&r, &id) == -1)
			fatalx("the logger sent %s", msg_type_name(m.hdr.type));
		if (id == run->run_id)
			return;
	}
}

static void
send_run(struct chan *worker, const struct run *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (chan_send(worker, r->types[i], 0, &r->msgs[i], -1) == -1)
			fatal("results to the logger");
}

static unsigned long
number(const char *s, unsigned long max)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || v == 0 || v > max)
		fatalx("%s: not a number from 1 to %lu", s, max);
	return v;
}

int
main(int argc, char **argv)
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES];
	unsigned char sk[crypto_sign_SECRETKEYBYTES];
	struct chan privd, worker;
	struct run *runs;
	unsigned long nrows, nruns, i, lines;
	double t0, t_ack, t_end, cpu, *acked;
	struct rusage ru;
	pid_t pid;
	int status;

	if (argc != 6) {
		fprintf(stderr, "usage: logger_feed LOGGER STATEDIR LOGDIR "
		    "ROWS RUNS\n");
		return 64;
	}
	log_init("logger_feed", 0);
	nrows = number(argv[4], 10000000);
	nruns = number(argv[5], 1000);
	if (sodium_init() == -1)
		fatalx("libsodium cannot start");
	crypto_sign_keypair(pk, sk);
	if ((runs = calloc(nruns, sizeof(*runs))) == NULL ||
	    (acked = calloc(nruns, sizeof(*acked))) == NULL)
		fatal("calloc");
	for (i = 0; i < nruns; i++)
		encode_run(&runs[i], nrows);

	pid = start_logger(argv[1], &privd);
	send_setup(&privd, argv[2], argv[3], sk);
	write_public_key(argv[2], pk);
	pair_worker(&privd, &worker);

	t0 = now_s();
	for (i = 0; i < nruns; i++) {
		send_run(&worker, &runs[i]);
		wait_stored(&privd, &worker, &runs[i]);
		acked[i] = now_s();
	}
	t_ack = now_s();
	if (chan_send(&privd, MSG_SHUTDOWN, 0, NULL, -1) == -1)
		fatal("SHUTDOWN to the logger");
	if (wait4(pid, &status, 0, &ru) == -1)
		fatal("wait4");
	t_end = now_s();
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fatalx("the logger ended with status 0x%x", status);

	lines = nrows + 2 * nrows * (nruns - 1);
	for (i = 0; i < nruns; i++)
		fprintf(stderr, "logger_feed: run %lu stored %.3f s after the "
		    "start (%lu lines)\n", i + 1, acked[i] - t0,
		    i == 0 ? nrows : 2 * nrows);
	cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	printf("figure: logger_throughput lines_per_s=%.0f lines=%lu "
	    "seconds=%.3f rows=%lu runs=%lu stored_s=%.3f logger_cpu_s=%.3f "
	    "lines_per_cpu_s=%.0f target_lines_per_s=100000\n",
	    (double)lines / (t_end - t0), lines, t_end - t0, nrows, nruns,
	    t_ack - t0, cpu, cpu > 0 ? (double)lines / cpu : 0.0);
	return 0;
}
