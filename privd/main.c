/*
 * hostql: privd's entry point.  It keeps the flags that are its own (the
 * policy, the worker binary), starts the sandboxed worker with the rest,
 * serves it, and exits with the worker's status.
 */
#include <sys/prctl.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../ipc/log.h"
#include "privd.h"

#define POLICY_MAX_SIZE	(1 << 20)

struct privd_flags {
	const char	*policy_path;
	int		 print_policy;
	int		 verbose;
};

/* Does argv[*i] name flag; if it takes a value, take it too. */
static int
take_flag(int argc, char **argv, int *i, const char *flag,
    const char **value)
{
	size_t n = strlen(flag);

	if (strncmp(argv[*i], flag, n) != 0)
		return 0;
	if (value == NULL)
		return argv[*i][n] == '\0';
	if (argv[*i][n] == '=') {
		*value = argv[*i] + n + 1;
		return 1;
	}
	if (argv[*i][n] != '\0')
		return 0;
	if (*i + 1 >= argc) {
		fprintf(stderr, "hostql: %s needs a value\n", flag);
		exit(2);
	}
	*value = argv[++(*i)];
	return 1;
}

/* Split argv into privd's flags and the worker's argv. */
static void
parse_flags(struct privd *pd, struct privd_flags *f, int argc, char **argv)
{
	const char *restarts = NULL;
	int i, n = 0, rest = 0;

	if ((pd->worker.argv = calloc((size_t)argc + 1, sizeof(char *))) == NULL)
		fatal("argv");
	pd->worker.argv[n++] = "hostql-worker";
	for (i = 1; i < argc; i++) {
		if (!rest && strcmp(argv[i], "--") == 0)
			rest = 1;
		if (rest) {
			pd->worker.argv[n++] = argv[i];
			continue;
		}
		if (take_flag(argc, argv, &i, "--policy_path", &f->policy_path) ||
		    take_flag(argc, argv, &i, "--worker_path", &pd->worker.path) ||
		    take_flag(argc, argv, &i, "--worker_restarts", &restarts))
			continue;
		if (take_flag(argc, argv, &i, "--policy", NULL)) {
			f->print_policy = 1;
			continue;
		}
		if (take_flag(argc, argv, &i, "--verbose", NULL))
			f->verbose++;
		pd->worker.argv[n++] = argv[i];
	}
	if (restarts != NULL)
		pd->restarts_left = atoi(restarts);
}

static char *
read_policy_file(const char *path, size_t *len)
{
	char *buf;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		fatal("policy %s", path);
	if ((buf = malloc(POLICY_MAX_SIZE + 1)) == NULL)
		fatal("policy");
	n = read(fd, buf, POLICY_MAX_SIZE + 1);
	close(fd);
	if (n == -1)
		fatal("policy %s", path);
	if (n > POLICY_MAX_SIZE)
		fatalx("policy %s: larger than %d bytes", path,
		    POLICY_MAX_SIZE);
	*len = (size_t)n;
	return buf;
}

static void
load_policy(struct privd *pd, const char *path)
{
	char err[256], *text = NULL;
	size_t len;

	if (path == NULL) {
		pd->policy = policy_parse(policy_default_text,
		    policy_default_len, err, sizeof(err));
		pd->policy_source = "built-in default";
	} else {
		text = read_policy_file(path, &len);
		pd->policy = policy_parse(text, len, err, sizeof(err));
		pd->policy_source = path;
	}
	free(text);
	if (pd->policy == NULL)
		fatalx("policy %s: %s", pd->policy_source, err);
}

int
main(int argc, char **argv)
{
	struct privd pd;
	struct privd_flags f;
	char *worker_path = NULL;

	if (strcmp(basename(argv[0]), "hostqld") == 0)
		return daemon_main(argc, argv);
	if (argc > 1 && strcmp(argv[1], "verify") == 0)
		return verify_main(argc, argv);
	memset(&pd, 0, sizeof(pd));
	memset(&f, 0, sizeof(f));
	child_init(&pd.worker, ROLE_WORKER, "worker");
	child_init(&pd.logger, ROLE_LOGGER, "logger");
	pd.child_gone = child_shell_gone;
	parse_flags(&pd, &f, argc, argv);
	log_init("hostql", f.verbose);
	load_policy(&pd, f.policy_path);
	if (f.print_policy) {
		printf("# policy in force: %s\n", pd.policy_source);
		policy_print(pd.policy, stdout);
		policy_free(pd.policy);
		free(pd.worker.argv);
		return fflush(stdout) == 0 ? 0 : 1;
	}
	if (pd.worker.path == NULL)
		pd.worker.path = worker_path = child_default_path("hostql-worker");
	prctl(PR_SET_NAME, "hostql-privd");
	/* The terminal's ^C is the worker's to handle; a dead reader must
	 * not kill us. */
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	if ((pd.base = event_base_new()) == NULL)
		fatalx("event_base_new");
	if (child_start(&pd, &pd.worker) == -1)
		fatal("starting %s", pd.worker.path);
	event_base_dispatch(pd.base);
	event_base_free(pd.base);
	policy_free(pd.policy);
	free(pd.worker.argv);
	free(worker_path);
	return pd.exit_status;
}
