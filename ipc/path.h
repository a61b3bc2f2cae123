/*
 * Paths cross the boundary in one form only: absolute, no empty, "." or
 * ".." segment, no trailing slash, at most IPC_MAX_PATH bytes.  privd
 * treats anything else as a malformed request; the worker checks before
 * sending, so that a table handed an odd path by a query gets an error
 * instead of getting the worker killed.
 */
#ifndef HOSTQL_IPC_PATH_H
#define HOSTQL_IPC_PATH_H

int	ipc_path_canonical(const char *path);

#endif
