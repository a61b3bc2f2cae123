/*
 * Version comparison in SQL:
 *
 *   version_compare(a, b[, flavor])	-1, 0 or 1; flavor is ARCH, DPKG
 *					or RHEL in any case, the generic
 *					order without it
 *   COLLATE version			osquery's generic order
 *   COLLATE version_dpkg		dpkg's order
 *   COLLATE version_rhel		rpm's order
 *   COLLATE version_arch		pacman's order
 *
 * The orders themselves are in worker/vercmp.c.  As in osquery,
 * version_compare() fails the query when a version is not text (NULL
 * included) or the flavor is not one of the three.
 */
#include <strings.h>

#include "sqlfn_impl.h"
#include "vercmp.h"

static const struct {
	const char		*collation;
	const char		*flavor;	/* version_compare()'s name */
	enum vercmp_kind	 kind;
} orders[] = {
	{ "version",		NULL,	VERCMP_GENERIC },
	{ "version_dpkg",	"DPKG",	VERCMP_DPKG },
	{ "version_rhel",	"RHEL",	VERCMP_RPM },
	{ "version_arch",	"ARCH",	VERCMP_ARCH },
};

#define NORDERS	(sizeof(orders) / sizeof(orders[0]))

/* The flavor named by the third argument; -1 after setting the error. */
static int
flavor_arg(sqlite3_context *ctx, sqlite3_value *v, enum vercmp_kind *kind)
{
	const char *name;
	size_t i;

	if (sqlite3_value_type(v) != SQLITE_TEXT) {
		sqlite3_result_error(ctx, "The optional third parameter is not "
		    "a string.", -1);
		return -1;
	}
	if ((name = (const char *)sqlite3_value_text(v)) == NULL) {
		sqlite3_result_error_nomem(ctx);
		return -1;
	}
	for (i = 0; i < NORDERS; i++) {
		if (orders[i].flavor != NULL &&
		    strcasecmp(name, orders[i].flavor) == 0) {
			*kind = orders[i].kind;
			return 0;
		}
	}
	sqlite3_result_error(ctx, "The optional third parameter does not "
	    "match one of: (ARCH, DPKG, RHEL).", -1);
	return -1;
}

static void
fn_version_compare(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	enum vercmp_kind kind = VERCMP_GENERIC;
	const char *a, *b;
	size_t alen, blen;

	/* More than three arguments are ignored, as osquery does. */
	if (argc < 2 || sqlite3_value_type(argv[0]) != SQLITE_TEXT ||
	    sqlite3_value_type(argv[1]) != SQLITE_TEXT) {
		sqlite3_result_error(ctx, "Must provide two version strings "
		    "to compare.", -1);
		return;
	}
	if (argc > 2 && flavor_arg(ctx, argv[2], &kind) == -1)
		return;
	if ((a = sqlfn_text(ctx, argv[0], &alen)) == NULL ||
	    (b = sqlfn_text(ctx, argv[1], &blen)) == NULL)
		return;
	sqlite3_result_int(ctx, vercmp(kind, a, alen, b, blen));
}

static int
collate(void *arg, int alen, const void *a, int blen, const void *b)
{
	const enum vercmp_kind *kind = arg;

	return vercmp(*kind, a, (size_t)alen, b, (size_t)blen);
}

int
sqlfn_version_register(sqlite3 *db)
{
	static const struct sqlfn_def defs[] = {
		{ "version_compare",	-1,	fn_version_compare },
	};
	size_t i;
	int rc;

	for (i = 0; i < NORDERS; i++) {
		rc = sqlite3_create_collation_v2(db, orders[i].collation,
		    SQLITE_UTF8, (void *)&orders[i].kind, collate, NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	return sqlfn_create(db, defs, sizeof(defs) / sizeof(defs[0]));
}
