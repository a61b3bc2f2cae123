/*
 * hostql verify [--public_key KEY] [--database_path DIR] LOGDIR: privd
 * starts the worker to check the logs, with a policy that lets it read
 * that one directory and the key file (by default the daemon's,
 * DIR/signing.pub).  privd itself reads neither.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ipc/log.h"
#include "privd.h"

static void
usage(void)
{
	fprintf(stderr, "usage: hostql verify [--public_key HEX|FILE] "
	    "[--database_path DIR] LOGDIR\n");
	exit(2);
}

/* An absolute path the policy can name, or NULL. */
static char *
policy_path(const char *path)
{
	char real[PATH_MAX];

	if (realpath(path, real) == NULL || strpbrk(real, " \t#") != NULL)
		return NULL;
	return strdup(real);
}

static struct policy *
verify_policy(const char *dir, const char *keyfile)
{
	char *text, err[256];
	struct policy *pol;

	if (asprintf(&text, "%.*s\n# hostql verify\nallow list %s\n"
	    "allow read %s/*\n%s%s\n", (int)policy_default_len,
	    policy_default_text, dir, dir, keyfile ? "allow read " : "",
	    keyfile ? keyfile : "") == -1)
		fatal("policy");
	if ((pol = policy_parse(text, strlen(text), err, sizeof(err))) ==
	    NULL)
		fatalx("verify policy: %s", err);
	free(text);
	return pol;
}

int
verify_main(int argc, char **argv)
{
	static struct privd pd;
	const char *key = NULL, *state = "/var/lib/hostql";
	char *dir = NULL, *keyfile = NULL, defkey[PATH_MAX];
	char *wargv[5], *worker_path;
	int i;

	for (i = 2; i < argc; i++) {
		if (strncmp(argv[i], "--public_key=", 13) == 0)
			key = argv[i] + 13;
		else if (strcmp(argv[i], "--public_key") == 0 && i + 1 < argc)
			key = argv[++i];
		else if (strncmp(argv[i], "--database_path=", 16) == 0)
			state = argv[i] + 16;
		else if (strcmp(argv[i], "--database_path") == 0 &&
		    i + 1 < argc)
			state = argv[++i];
		else if (argv[i][0] != '-' && dir == NULL)
			dir = argv[i];
		else
			usage();
	}
	if (dir == NULL)
		usage();
	if ((dir = policy_path(dir)) == NULL) {
		fprintf(stderr, "hostql verify: %s: no such directory, or a "
		    "name with spaces\n", argv[argc - 1]);
		return 2;
	}
	if (key == NULL) {
		snprintf(defkey, sizeof(defkey), "%s/signing.pub", state);
		key = defkey;
	}
	if (strlen(key) != 64 && (keyfile = policy_path(key)) == NULL) {
		fprintf(stderr, "hostql verify: public key %s: no such file\n",
		    key);
		return 2;
	}
	log_init("hostql", 0);
	child_init(&pd.worker, ROLE_WORKER, "worker");
	child_init(&pd.logger, ROLE_LOGGER, "logger");
	pd.child_gone = child_shell_gone;
	pd.policy = verify_policy(dir, keyfile);
	pd.policy_source = "verify";
	wargv[0] = "hostql-worker";
	wargv[1] = "--verify";
	wargv[2] = dir;
	wargv[3] = keyfile != NULL ? keyfile : (char *)(uintptr_t)key;
	wargv[4] = NULL;
	pd.worker.path = worker_path = child_default_path("hostql-worker");
	pd.worker.argv = wargv;
	if ((pd.base = event_base_new()) == NULL)
		fatalx("event_base_new");
	if (child_start(&pd, &pd.worker) == -1)
		fatal("starting %s", pd.worker.path);
	event_base_dispatch(pd.base);
	event_base_free(pd.base);
	policy_free(pd.policy);
	free(worker_path);
	free(dir);
	free(keyfile);
	return pd.exit_status;
}
