/*
 * hostql-worker: started by privd with its channel at fd 3.  It says
 * HELLO, loads everything that needs a file (SQLite, the terminal, the
 * time zone, the shell's history), enters the sandbox for good, and only
 * then reads a query.
 */
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "../ipc/chan.h"
#include "../ipc/child.h"
#include "../ipc/log.h"
#include "../sandbox/sandbox.h"
#include "collect_impl.h"
#include "daemon.h"
#include "verify.h"
#include "db.h"
#include "probe.h"
#include "shell.h"

#ifdef HOSTQL_SANITIZED
/* LeakSanitizer reads /proc/<pid>/task at exit, which the worker's empty
 * root does not have; AddressSanitizer and UBSan still run in full. */
const char *__lsan_default_options(void);
const char *
__lsan_default_options(void)
{
	return "detect_leaks=0";
}
#endif

static int
is_regular(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

/* The daemon's worker: SQLite and the time zone first, then the
 * sandbox, then the schedule. */
static int
run_daemon(struct collect *col, int argc, char **argv)
{
	struct sandbox_opts opts = { WORKER_USER, SANDBOX_WORKER, 0 };
	struct db *db;
	int status;

	/* A terminal's ^C or a service manager's SIGTERM to the whole group
	 * is privd's to act on: it stops us in order. */
	signal(SIGINT, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	if ((db = db_open(col)) == NULL)
		fatalx("cannot set up SQLite");
	db_set_timeout(db, DAEMON_QUERY_TIMEOUT_MS);
	tzset();
	/* jansson seeds its hashes from /dev/urandom on first use. */
	json_object_seed(0);
	/* --config_check prints to the operator's terminal. */
	opts.file_writes = is_regular(STDOUT_FILENO);
	sandbox_enter(&opts);
	status = daemon_run(col, db, argc, argv);
	db_close(db);
	return status;
}

/* hostql verify: the sandbox first; the files come through privd. */
static int
run_verify(struct collect *col, const char *dir, const char *pubkey)
{
	struct sandbox_opts opts = { WORKER_USER, SANDBOX_WORKER, 0 };

	opts.file_writes = is_regular(STDOUT_FILENO);
	sandbox_enter(&opts);
	return verify_run(col, dir, pubkey);
}

int
main(int argc, char **argv)
{
	struct collect col;
	struct shell *sh;
	struct db *db;
	struct sandbox_opts opts = { WORKER_USER, SANDBOX_WORKER, 0 };
	const char *probe;
	int status;

	prctl(PR_SET_NAME, "hostql-worker");
	log_init("hostql", 0);
	if (!child_is_channel(CHAN_FD_PRIVD)) {
		fprintf(stderr, "hostql-worker: run hostql, not this program\n");
		return 2;
	}
	collect_init(&col, CHAN_FD_PRIVD);
	child_say_hello(&col.chan, ROLE_WORKER);
	if (argc > 1 && strcmp(argv[1], "--daemon") == 0)
		return run_daemon(&col, argc, argv);
	if (argc == 4 && strcmp(argv[1], "--verify") == 0)
		return run_verify(&col, argv[2], argv[3]);
	probe = probe_take_flag(&argc, argv);
	if ((sh = shell_new(argc, argv, &status)) == NULL)
		return status;
	if ((db = db_open(&col)) == NULL)
		fatalx("cannot set up SQLite");
	db_set_timeout(db, shell_query_timeout(sh));
	if (shell_prepare(sh) == -1)
		fatalx("cannot set up the shell");
	tzset();
	/* jansson seeds its hashes from /dev/urandom on first use. */
	json_object_seed(0);
	/* The shell's stdout may be a file, and its history is one. */
	opts.file_writes = is_regular(STDOUT_FILENO) ||
	    is_regular(STDERR_FILENO) || isatty(STDIN_FILENO);
	sandbox_enter(&opts);
	if (probe != NULL)
		return probe_run(probe);
	status = shell_run(sh, db);
	shell_free(sh);
	db_close(db);
	return status;
}
