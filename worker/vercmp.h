/*
 * Version ordering, four ways: osquery's generic one and the real
 * algorithms of dpkg, rpm and pacman.  The SQL collations version,
 * version_dpkg, version_rhel and version_arch and the SQL function
 * version_compare() are built on these (worker/sqlfn_version.c).
 *
 * Every function takes pointers and lengths (a collation's keys are not
 * NUL-terminated), reads nothing past them and accepts any bytes: a
 * version its package manager would refuse still sorts somewhere fixed.
 * The result is -1, 0 or 1, and swapping the arguments negates it.  The
 * generic, dpkg and rpm orders are transitive over all byte strings, as
 * a collation should be; pacman's is not, and neither is it here (1.0
 * equals both 1.0-1 and 1.0-2, which differ), as osquery documents
 * for version_arch.
 */
#ifndef HOSTQL_WORKER_VERCMP_H
#define HOSTQL_WORKER_VERCMP_H

#include <stddef.h>

enum vercmp_kind {
	VERCMP_GENERIC,		/* collate version */
	VERCMP_DPKG,		/* collate version_dpkg */
	VERCMP_RPM,		/* collate version_rhel */
	VERCMP_ARCH,		/* collate version_arch */
};

/*
 * osquery's generic order: the version is cut into segments at the
 * delimiters ~ - ^ . : (all equal to each other); segments compare by
 * length, then byte by byte, so 1.10 > 1.9 and 20.10a > 20.102; when
 * every segment of the shorter list matches, the longer list wins.
 */
int	vercmp_generic(const char *, size_t, const char *, size_t);

/*
 * dpkg: [epoch:]upstream[-revision], epochs numerically, then upstream
 * and revision with dpkg's rule (letters before other characters, '~'
 * before everything, even the end; digit runs numerically).  A missing
 * epoch is 0 and a missing revision equals "0".
 */
int	vercmp_dpkg(const char *, size_t, const char *, size_t);

/*
 * rpm: [epoch:]version[-release] as rpmverCmp() of rpm 4.18 compares
 * them, with rpmvercmp() on each part (alphanumeric segments, numbers
 * numerically and newer than letters, '~' before everything, '^' after
 * the end of a base version).  A missing epoch is 0, and a version with
 * a release is newer than the same one without.
 */
int	vercmp_rpm(const char *, size_t, const char *, size_t);

/*
 * pacman (alpm_pkg_vercmp): the same shape as rpm's without '~' and '^',
 * where the lengths of separators count and a trailing letter segment
 * sorts before the end (1.0a < 1.0).
 */
int	vercmp_arch(const char *, size_t, const char *, size_t);

int	vercmp(enum vercmp_kind, const char *, size_t, const char *, size_t);

#endif
