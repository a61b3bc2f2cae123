/*
 * hostql verify DIR: check a log directory against the signing key.
 * Every line of the result, snapshot and status logs (rotated files
 * included) is put back in sequence order, its link recomputed, and every
 * batch signature checked; the first edited, removed, inserted or
 * reordered line is named with its file and line number, and the ranges
 * of sequence numbers that verify are printed.
 */
#ifndef HOSTQL_WORKER_VERIFY_H
#define HOSTQL_WORKER_VERIFY_H

#include "collect.h"

/* 0 when everything verifies, 1 when something does not, 2 on a usage
 * or reading error. */
int	verify_run(struct collect *, const char *dir, const char *pubkey_path);

#endif
