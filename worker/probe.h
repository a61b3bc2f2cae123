/* The sandbox self-test of --sandbox_probe; see probe.c. */
#ifndef HOSTQL_WORKER_PROBE_H
#define HOSTQL_WORKER_PROBE_H

/* Remove --sandbox_probe=CALL from argv; the call, or NULL. */
const char	*probe_take_flag(int *argc, char **argv);
/* Make the call; returns only if the sandbox let it through. */
int		 probe_run(const char *call);

#endif
