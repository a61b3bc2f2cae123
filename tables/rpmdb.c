/*
 * Reading the RPM database's package headers.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bdbhash.h"
#include "dirlist.h"
#include "pathglob.h"
#include "rpmdb.h"
#include "sqlitefd.h"

/* Where rpm keeps its database: the historic place, then the one of
 * distributions that moved it under /usr (with a link left behind). */
static const char *const dbpaths[] = {
	"/var/lib/rpm",
	"/usr/lib/sysimage/rpm",
};

#define NDBPATHS	(sizeof(dbpaths) / sizeof(dbpaths[0]))

/* The package header of one key, and the longest taken. */
#define HEADER_MAX	(32u << 20)

struct walk {
	struct gen_ctx		*ctx;
	rpmdb_header_fn		 fn;
	void			*arg;
	const char		*path;
	unsigned int		 malformed;
	/* The names wanted, where the backend has no index to look them
	 * up in. */
	const char *const	*names;
	size_t			 nnames;
};

static int
exists(struct gen_ctx *ctx, const char *dir, const char *file)
{
	char path[PATHGLOB_PATH_MAX];
	struct hq_stat st;

	return dirlist_path(dir, file, path, sizeof(path)) == 0 &&
	    collect_stat(gen_collect(ctx), path, 1, &st) == 0;
}

/* ndb (rpm's own format, on SUSE) is not read: say so.  1 when the
 * directory holds such a database. */
static int
ndb_database(struct gen_ctx *ctx, const char *dir)
{
	if (!exists(ctx, dir, "Packages.db"))
		return 0;
	gen_warn(ctx, "the RPM database in %s uses the ndb backend, which is "
	    "not read: no packages from it", dir);
	return 1;
}

/* Changes rpm has not checkpointed into the file are not seen. */
static void
warn_wal(struct gen_ctx *ctx, const char *path)
{
	char wal[PATHGLOB_PATH_MAX];
	struct hq_stat st;

	if ((size_t)snprintf(wal, sizeof(wal), "%s-wal", path) <
	    sizeof(wal) && collect_stat(gen_collect(ctx), wal, 0, &st) == 0 &&
	    st.size > 0)
		gen_warn(ctx, "%s holds changes not yet written to %s; "
		    "they are not shown", wal, path);
}

/* A header, given to fn unless the query wants other names. */
static int
header(struct walk *w, const void *blob, size_t len)
{
	struct rpmhdr h;
	struct span name;
	size_t i;

	if (rpmhdr_open(blob, len, &h) == -1) {
		w->malformed++;
		return 0;
	}
	if (w->nnames > 0) {
		if (rpmhdr_string(&h, RPMTAG_NAME, &name) == -1)
			return 0;
		for (i = 0; i < w->nnames; i++)
			if (txt_eq(name, w->names[i]))
				break;
		if (i == w->nnames)
			return 0;
	}
	return w->fn(w->ctx, &h, w->arg);
}

static int
blob_row(struct walk *w, sqlite3_stmt *st)
{
	const void *blob = sqlite3_column_blob(st, 0);
	int len = sqlite3_column_bytes(st, 0);

	if (len <= 0) {
		w->malformed++;
		return 0;
	}
	return header(w, blob, (size_t)len);
}

/* Run one statement; the rows it gives are headers. */
static int
run(struct walk *w, sqlite3 *db, sqlite3_stmt *st)
{
	int rc, err = 0;

	while (err == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW)
		err = blob_row(w, st);
	if (err == 0 && rc != SQLITE_DONE)
		gen_warn(w->ctx, "%s: %s; the packages after it are left out",
		    w->path, sqlite3_errmsg(db));
	sqlite3_reset(st);
	return err;
}

static int
all_packages(struct walk *w, sqlite3 *db)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, "SELECT blob FROM Packages", -1, &st,
	    NULL) != SQLITE_OK) {
		gen_warn(w->ctx, "%s: %s", w->path, sqlite3_errmsg(db));
		return 0;
	}
	rc = run(w, db, st);
	sqlite3_finalize(st);
	return rc;
}

/* The packages of the names, through the Name index. */
static int
named_packages(struct walk *w, sqlite3 *db, const char *const *names,
    size_t n)
{
	sqlite3_stmt *st;
	size_t i;
	int rc = 0;

	if (sqlite3_prepare_v2(db, "SELECT blob FROM Packages WHERE hnum IN "
	    "(SELECT hnum FROM Name WHERE key = ?1)", -1, &st, NULL) !=
	    SQLITE_OK) {
		gen_warn(w->ctx, "%s: %s", w->path, sqlite3_errmsg(db));
		return 0;
	}
	for (i = 0; i < n && rc == 0; i++) {
		sqlite3_bind_text(st, 1, names[i], -1, SQLITE_STATIC);
		rc = run(w, db, st);
	}
	sqlite3_finalize(st);
	return rc;
}

static void
warn_malformed(struct walk *w)
{
	if (w->malformed > 0)
		gen_warn(w->ctx, "%s: %u package headers are malformed and "
		    "were skipped", w->path, w->malformed);
}

static int
read_sqlite(struct walk *w, int fd, const char *const *names, size_t n)
{
	struct sqlitefd *s;
	char err[256];
	int rc;

	if ((s = sqlitefd_open(fd, err, sizeof(err))) == NULL) {
		gen_warn(w->ctx, "%s: %s", w->path, err);
		return 0;
	}
	if (n > 0)
		rc = named_packages(w, sqlitefd_db(s), names, n);
	else
		rc = all_packages(w, sqlitefd_db(s));
	sqlitefd_close(s);
	warn_malformed(w);
	return rc;
}

static int
read_page(void *arg, uint32_t pgno, unsigned char *buf, size_t pagesize)
{
	int fd = *(int *)arg;
	size_t got = 0;
	ssize_t n;

	while (got < pagesize) {
		n = pread(fd, buf + got, pagesize - got,
		    (off_t)pgno * (off_t)pagesize + (off_t)got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	return 0;
}

/* A pair of the Packages file: the key is the package's number, in the
 * byte order of the host that wrote it; number 0 is rpm's counter. */
static int
bdb_pair(void *arg, const unsigned char *key, size_t klen,
    const unsigned char *value, size_t vlen)
{
	static const unsigned char zero[4];

	if (klen != 4 || memcmp(key, zero, 4) == 0)
		return 0;
	return header(arg, value, vlen);
}

static int
read_bdb(struct walk *w, int fd, const char *const *names, size_t n)
{
	unsigned char meta[BDBHASH_META_LEN];
	struct bdbhash_stats st;
	struct bdbhash h;
	struct stat sb;
	const char *why = "it cannot be read";
	int rc;

	if (fstat(fd, &sb) == -1 || pread(fd, meta, sizeof(meta), 0) !=
	    (ssize_t)sizeof(meta) || bdbhash_open(meta, sizeof(meta),
	    (uint64_t)sb.st_size, &h, &why) == -1) {
		gen_warn(w->ctx, "%s: %s", w->path, why);
		return 0;
	}
	w->names = names;
	w->nnames = n;
	rc = bdbhash_walk(&h, read_page, &fd, HEADER_MAX, bdb_pair, w, &st);
	if (st.nomem)
		return -1;
	if (st.read_error)
		gen_warn(w->ctx, "%s: a page could not be read; the packages "
		    "after it are left out", w->path);
	if (st.bad_pages + st.bad_items > 0)
		gen_warn(w->ctx, "%s: %llu damaged pages and %llu damaged "
		    "records were skipped", w->path,
		    (unsigned long long)st.bad_pages,
		    (unsigned long long)st.bad_items);
	warn_malformed(w);
	return rc;
}

/*
 * Open the database file of one backend in dir: 0 with *fd, -ENOENT
 * when it is not there, another negative errno (warned about) when it
 * cannot be opened.
 */
static int
open_database(struct gen_ctx *ctx, const char *dir, const char *file,
    char *path, size_t len, int *fd)
{
	int rc;

	if (dirlist_path(dir, file, path, len) == -1)
		return -ENOENT;
	rc = collect_open_file(gen_collect(ctx), path, fd);
	if (rc == -ENOTDIR)
		rc = -ENOENT;
	if (rc < 0 && rc != -ENOENT)
		gen_warn(ctx, "%s: %s", path, strerror(-rc));
	return rc;
}

int
rpmdb_each(struct gen_ctx *ctx, const char *const *names, size_t n,
    rpmdb_header_fn fn, void *arg)
{
	struct walk w;
	char path[PATHGLOB_PATH_MAX];
	size_t i;
	int fd, rc, unreadable = 0;

	memset(&w, 0, sizeof(w));
	w.ctx = ctx;
	w.fn = fn;
	w.arg = arg;
	w.path = path;
	for (i = 0; i < NDBPATHS; i++) {
		rc = open_database(ctx, dbpaths[i], "rpmdb.sqlite", path,
		    sizeof(path), &fd);
		if (rc == 0) {
			warn_wal(ctx, path);
			rc = read_sqlite(&w, fd, names, n);
			close(fd);
			return rc;
		}
		unreadable |= rc != -ENOENT;
		rc = open_database(ctx, dbpaths[i], "Packages", path,
		    sizeof(path), &fd);
		if (rc == 0) {
			rc = read_bdb(&w, fd, names, n);
			close(fd);
			return rc;
		}
		unreadable |= rc != -ENOENT;
		if (ndb_database(ctx, dbpaths[i]))
			return 0;
	}
	if (!unreadable)
		gen_warn(ctx, "no RPM database (rpmdb.sqlite or Packages in "
		    "/var/lib/rpm or /usr/lib/sysimage/rpm): no packages");
	return 0;
}

int
rpmdb_wanted_names(struct gen_ctx *ctx, int col, const char ***names,
    size_t *n)
{
	const char **v;
	const char *name;
	int i, count = gen_count(ctx, col, GEN_EQ);

	*names = NULL;
	*n = 0;
	if (count <= 0)
		return 0;
	if ((v = calloc((size_t)count, sizeof(*v))) == NULL)
		return -1;
	for (i = 0; i < count; i++)
		if ((name = gen_text(ctx, col, GEN_EQ, i)) != NULL)
			v[(*n)++] = name;
	*names = v;
	return 0;
}
