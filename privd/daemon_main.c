/*
 * hostqld's start and stop.  Flags first (the command line, then the
 * flagfile it names), then the one-shot modes (--print_public_key,
 * --config_check), then the pidfile, the background, the directories and
 * keys, and the children; a clean stop asks the worker to finish, then the
 * logger to flush, and kills what has not gone after a grace period.
 */
#include <sys/prctl.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../ipc/log.h"
#include "daemon.h"

#define FLAGFILE_MAX	(1 << 20)
#define POLICY_MAX	(1 << 20)
/* How long a clean stop may take before the children are killed. */
#define STOP_GRACE_S	10

static char *
slurp_file(const char *path, size_t max, size_t *len)
{
	char *buf;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	if ((buf = malloc(max + 1)) == NULL) {
		close(fd);
		return NULL;
	}
	n = read(fd, buf, max + 1);
	close(fd);
	if (n < 0 || (size_t)n > max) {
		free(buf);
		errno = n < 0 ? errno : EFBIG;
		return NULL;
	}
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

static void
parse_flags(struct daemon *d, int argc, char **argv)
{
	const char *flagfile;
	char err[256], *text;
	size_t len;

	dflags_init(&d->flags);
	if (dflags_parse_argv(&d->flags, argc, argv, err, sizeof(err)) == -1) {
		fprintf(stderr, "hostqld: %s\n", err);
		exit(2);
	}
	flagfile = dflag_str(&d->flags, DF_FLAGFILE);
	if (flagfile[0] == '\0')
		return;
	if ((text = slurp_file(flagfile, FLAGFILE_MAX, &len)) == NULL) {
		fprintf(stderr, "hostqld: flagfile %s: %s\n", flagfile,
		    strerror(errno));
		exit(2);
	}
	if (dflags_parse_file(&d->flags, text, len, err, sizeof(err)) == -1) {
		fprintf(stderr, "hostqld: flagfile %s: %s\n", flagfile, err);
		exit(2);
	}
	free(text);
}

/* The worker reads its config through privd: the policy in force gains
 * the config file and its fragments. */
static char *
policy_text(struct daemon *d, size_t *len)
{
	const char *path = dflag_str(&d->flags, DF_POLICY_PATH);
	char real[PATH_MAX], *base, *text;
	const char *conf = dflag_str(&d->flags, DF_CONFIG_PATH);
	size_t blen;

	if (path[0] != '\0') {
		if ((base = slurp_file(path, POLICY_MAX, &blen)) == NULL)
			fatal("policy %s", path);
	} else if ((base = strndup(policy_default_text,
	    policy_default_len)) == NULL)
		fatal("policy");
	if (conf[0] == '\0') {		/* the built-in config */
		*len = strlen(base);
		return base;
	}
	if (realpath(conf, real) == NULL)
		snprintf(real, sizeof(real), "%s", conf);
	if (real[0] != '/' || strpbrk(real, " \t#") != NULL) {
		log_warnx("config path %s: not an absolute path the policy "
		    "can name; the worker may not read it", conf);
		*len = strlen(base);
		return base;
	}
	if (asprintf(&text, "%s\n# The daemon's config and its fragments.\n"
	    "allow read %s %s.d/*\nallow list %s.d\n", base, real, real,
	    real) == -1)
		fatal("policy");
	free(base);
	*len = strlen(text);
	return text;
}

static void
load_policy(struct daemon *d)
{
	char err[256], *text;
	size_t len;

	text = policy_text(d, &len);
	d->pd->policy = policy_parse(text, len, err, sizeof(err));
	free(text);
	d->pd->policy_source = dflag_str(&d->flags, DF_POLICY_PATH)[0] ?
	    dflag_str(&d->flags, DF_POLICY_PATH) : "built-in default";
	if (d->pd->policy == NULL)
		fatalx("policy %s: %s", d->pd->policy_source, err);
}

/* The worker gets the flags, as --name=value, after --daemon. */
static void
make_worker_argv(struct daemon *d, int config_check)
{
	int i, n = 0;

	if ((d->worker_argv = calloc(DF_COUNT + 4, sizeof(char *))) == NULL)
		fatal("argv");
	d->worker_argv[n++] = "hostql-worker";
	d->worker_argv[n++] = "--daemon";
	/* Only the flags given: the worker knows the defaults, and a config
	 * option yields to a flag only when the operator gave it. */
	for (i = 0; i < DF_COUNT; i++)
		if (d->flags.v[i] != NULL &&
		    asprintf(&d->worker_argv[n++], "--%s=%s", dflags[i].name,
		    d->flags.v[i]) == -1)
			fatal("argv");
	if (config_check)
		d->worker_argv[n++] = "--config_check=true";
	d->pd->worker.path = child_default_path("hostql-worker");
	d->pd->worker.argv = d->worker_argv;
	d->logger_argv[0] = "hostql-logger";
	d->pd->logger.path = child_default_path("hostql-logger");
	d->pd->logger.argv = d->logger_argv;
}

static int
print_public_key(struct daemon *d)
{
	if (setup_directories(d) == -1)
		return 1;
	keys_print_public(d->pk);
	return 0;
}

/* --config_check: the worker reads the config, says what is wrong, and
 * its status is ours. */
static int
config_check(struct daemon *d)
{
	struct privd *pd = d->pd;

	pd->child_gone = child_shell_gone;
	if (child_start(pd, &pd->worker) == -1)
		fatal("starting the worker");
	event_base_dispatch(pd->base);
	return pd->exit_status;
}

static void
daemonize(struct daemon *d)
{
	pid_t pid;
	int fd;

	if ((pid = fork()) == -1)
		fatal("fork");
	if (pid > 0)
		_exit(0);
	if (setsid() == -1)
		fatal("setsid");
	if ((fd = open("/dev/null", O_RDWR | O_CLOEXEC)) != -1) {
		dup2(fd, STDIN_FILENO);
		dup2(fd, STDOUT_FILENO);
		dup2(fd, STDERR_FILENO);
		if (fd > STDERR_FILENO)
			close(fd);
	}
	d->foreground = 0;
}

static void
on_signal(evutil_socket_t sig, short events, void *arg)
{
	struct daemon *d = arg;

	(void)events;
	if (sig == SIGHUP) {
		log_info("SIGHUP: the worker reloads its config");
		if (d->pd->worker.pid != -1 &&
		    chan_send(&d->pd->worker.chan, MSG_RELOAD, 0, NULL, -1) ==
		    -1)
			log_warn("reload to the worker");
		return;
	}
	log_info("signal %d: stopping", (int)sig);
	daemon_stop(d);
}

static void
watch_signals(struct daemon *d)
{
	static const int sigs[] = { SIGHUP, SIGTERM, SIGINT, SIGQUIT };
	size_t i;

	signal(SIGPIPE, SIG_IGN);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		d->ev_sig[i] = evsignal_new(d->pd->base, sigs[i], on_signal,
		    d);
		if (d->ev_sig[i] == NULL || evsignal_add(d->ev_sig[i], NULL))
			fatalx("signal events");
	}
}

static void
stop_grace_over(evutil_socket_t fd, short events, void *arg)
{
	struct daemon *d = arg;

	(void)fd;
	(void)events;
	log_warnx("children still running %d s after the stop; killing them",
	    STOP_GRACE_S);
	child_kill(&d->pd->worker, "too slow to stop");
	child_kill(&d->pd->logger, "too slow to stop");
}

/* The worker first, so its last results reach the logger, which goes
 * last; each step runs again as a child goes. */
void
daemon_stop_step(struct daemon *d)
{
	struct privd *pd = d->pd;

	if (pd->worker.pid != -1)
		return;
	if (pd->logger.pid != -1) {
		if (d->stopping == 1) {
			d->stopping = 2;
			if (chan_send(&pd->logger.chan, MSG_SHUTDOWN, 0, NULL,
			    -1) == -1)
				child_kill(&pd->logger, "cannot be stopped");
		}
		return;
	}
	event_base_loopexit(pd->base, NULL);
}

void
daemon_stop(struct daemon *d)
{
	struct privd *pd = d->pd;
	struct timeval grace = { STOP_GRACE_S, 0 };

	if (d->stopping)
		return;
	d->stopping = 1;
	d->ev_stop_grace = evtimer_new(pd->base, stop_grace_over, d);
	if (d->ev_stop_grace != NULL)
		evtimer_add(d->ev_stop_grace, &grace);
	if (pd->worker.pid != -1 &&
	    chan_send(&pd->worker.chan, MSG_SHUTDOWN, 0, NULL, -1) == -1)
		child_kill(&pd->worker, "cannot be stopped");
	daemon_stop_step(d);
}

static void
timeout_over(evutil_socket_t fd, short events, void *arg)
{
	(void)fd;
	(void)events;
	log_info("--schedule_timeout reached: stopping");
	daemon_stop(arg);
}

static void
run(struct daemon *d)
{
	struct timeval tv = { 0, 0 };
	struct event *ev_timeout = NULL;
	long long secs = dflag_int(&d->flags, DF_SCHEDULE_TIMEOUT);

	watch_signals(d);
	watchdog_start(d);
	if (secs > 0) {
		tv.tv_sec = (time_t)secs;
		if ((ev_timeout = evtimer_new(d->pd->base, timeout_over, d)) ==
		    NULL || evtimer_add(ev_timeout, &tv) == -1)
			fatalx("timeout event");
	}
	log_info("hostqld %s starting, host %s, logs in %s", HOSTQL_VERSION,
	    d->host_identifier, dflag_str(&d->flags, DF_LOGGER_PATH));
	if (daemon_start_logger(d) == -1 || daemon_start_worker(d) == -1)
		daemon_stop(d);
	event_base_dispatch(d->pd->base);
	if (ev_timeout != NULL)
		event_free(ev_timeout);
}

int
daemon_main(int argc, char **argv)
{
	static struct privd pd;
	static struct daemon d;
	int check;

	d.pd = &pd;
	pd.daemon = &d;
	child_init(&pd.worker, ROLE_WORKER, "worker");
	child_init(&pd.logger, ROLE_LOGGER, "logger");
	pd.child_gone = daemon_child_gone;
	parse_flags(&d, argc, argv);
	d.foreground = 1;
	log_init("hostqld", dflag_bool(&d.flags, DF_VERBOSE) ? 2 : 1);
	log_set_sink(status_sink, &d);
	if (dflag_bool(&d.flags, DF_PRINT_PUBLIC_KEY))
		return print_public_key(&d);
	check = dflag_bool(&d.flags, DF_CONFIG_CHECK);
	load_policy(&d);
	make_worker_argv(&d, check);
	prctl(PR_SET_NAME, "hostql-privd");
	if ((pd.base = event_base_new()) == NULL)
		fatalx("event_base_new");
	if (check)
		return config_check(&d);
	if ((d.pidfd = pidfile_take(dflag_str(&d.flags, DF_PIDFILE))) == -1)
		return 1;
	if (dflag_bool(&d.flags, DF_DAEMONIZE))
		daemonize(&d);
	pidfile_write(d.pidfd);
	d.started = time(NULL);
	setup_host_identifier(&d);
	if (setup_directories(&d) == -1)
		return 1;
	denylist_load(&d);
	run(&d);
	unlink(dflag_str(&d.flags, DF_PIDFILE));
	return pd.exit_status;
}
