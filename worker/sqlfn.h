/*
 * osquery's SQL functions and collations, added to a connection: split,
 * regex_split, regex_match, concat, concat_ws, parent_directory,
 * inet_aton, in_cidr_block, community_id_v1, md5, sha1, sha256,
 * to_base64, from_base64, conditional_to_base64, version_compare, the
 * math functions (log is the natural logarithm, as in osquery) and the
 * collations version, version_dpkg, version_rhel and version_arch.
 *
 * Call it right after the connection opens: the collations must exist
 * before a table's schema names them.
 */
#ifndef HOSTQL_WORKER_SQLFN_H
#define HOSTQL_WORKER_SQLFN_H

#include <sqlite3.h>

/* SQLITE_OK, or the error code of the first registration that failed. */
int	sqlfn_register(sqlite3 *);

#endif
