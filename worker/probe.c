/*
 * --sandbox_probe=CALL: after confinement, make one call the sandbox must
 * stop, so that a test (or an operator) sees the kernel kill the worker.
 * If the call comes back, the sandbox is not what it should be.
 */
#include <sys/socket.h>

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "probe.h"

#define PROBE_FLAG	"--sandbox_probe="

const char *
probe_take_flag(int *argc, char **argv)
{
	const char *call = NULL;
	int i, j;

	for (i = 1; i < *argc; i++) {
		if (strncmp(argv[i], PROBE_FLAG, strlen(PROBE_FLAG)) != 0)
			continue;
		call = argv[i] + strlen(PROBE_FLAG);
		for (j = i; j < *argc; j++)
			argv[j] = argv[j + 1];
		(*argc)--;
		break;
	}
	return call;
}

int
probe_run(const char *call)
{
	char *const args[] = { "true", NULL };
	int rc = -1;

	if (strcmp(call, "open") == 0)
		rc = open("/etc/passwd", O_RDONLY);
	else if (strcmp(call, "socket") == 0)
		rc = socket(AF_INET, SOCK_STREAM, 0);
	else if (strcmp(call, "execve") == 0)
		rc = execve("/bin/true", args, NULL);
	else {
		fprintf(stderr, "hostql: unknown probe %s (open, socket, "
		    "execve)\n", call);
		return 2;
	}
	fprintf(stderr, "hostql: sandbox probe %s was not stopped (%d)\n",
	    call, rc);
	return 3;
}
