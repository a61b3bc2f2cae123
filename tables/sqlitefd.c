/*
 * SQLite over a descriptor: a VFS registered for one connection, whose
 * only file is the descriptor it was given.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sqlitefd.h"

/* Bytes 18 and 19 of a database are its write and read versions: 2 for
 * WAL mode, 1 for a rollback journal. */
#define HDR_WRITE_VERSION	18
#define HDR_READ_VERSION	19
/* Operations a statement may take before it is given up as looping in
 * a damaged file. */
#define PROGRESS_OPS		10000
#define PROGRESS_MAX		100000

struct sqlitefd {
	sqlite3_vfs	 vfs;
	char		 name[64];
	int		 fd;
	sqlite3		*db;
	unsigned long	 progress;
};

struct fdfile {
	sqlite3_file	 base;
	int		 fd;
};

static int
fd_close(sqlite3_file *f)
{
	(void)f;
	return SQLITE_OK;
}

/* Present a WAL-mode database as a rollback one, so that SQLite looks
 * for no -wal or -shm file beside it. */
static void
unwal(unsigned char *buf, int amt, sqlite3_int64 off)
{
	sqlite3_int64 i;

	for (i = HDR_WRITE_VERSION; i <= HDR_READ_VERSION; i++)
		if (i >= off && i < off + amt && buf[i - off] == 2)
			buf[i - off] = 1;
}

static int
fd_read(sqlite3_file *f, void *buf, int amt, sqlite3_int64 off)
{
	struct fdfile *ff = (struct fdfile *)f;
	size_t got = 0;
	ssize_t n;

	if (amt < 0 || off < 0)
		return SQLITE_IOERR_READ;
	while (got < (size_t)amt) {
		n = pread(ff->fd, (char *)buf + got, (size_t)amt - got,
		    (off_t)(off + (sqlite3_int64)got));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return SQLITE_IOERR_READ;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	unwal(buf, (int)got, off);
	if (got < (size_t)amt) {
		memset((char *)buf + got, 0, (size_t)amt - got);
		return SQLITE_IOERR_SHORT_READ;
	}
	return SQLITE_OK;
}

static int
fd_write(sqlite3_file *f, const void *buf, int amt, sqlite3_int64 off)
{
	(void)f;
	(void)buf;
	(void)amt;
	(void)off;
	return SQLITE_READONLY;
}

static int
fd_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	(void)f;
	(void)size;
	return SQLITE_READONLY;
}

static int
fd_sync(sqlite3_file *f, int flags)
{
	(void)f;
	(void)flags;
	return SQLITE_OK;
}

static int
fd_size(sqlite3_file *f, sqlite3_int64 *size)
{
	struct fdfile *ff = (struct fdfile *)f;
	struct stat st;

	if (fstat(ff->fd, &st) == -1)
		return SQLITE_IOERR_FSTAT;
	*size = st.st_size;
	return SQLITE_OK;
}

static int
fd_lock(sqlite3_file *f, int level)
{
	(void)f;
	(void)level;
	return SQLITE_OK;
}

static int
fd_check_reserved(sqlite3_file *f, int *out)
{
	(void)f;
	*out = 0;
	return SQLITE_OK;
}

static int
fd_control(sqlite3_file *f, int op, void *arg)
{
	(void)f;
	(void)op;
	(void)arg;
	return SQLITE_NOTFOUND;
}

static int
fd_sector_size(sqlite3_file *f)
{
	(void)f;
	return 4096;
}

static int
fd_characteristics(sqlite3_file *f)
{
	(void)f;
	return SQLITE_IOCAP_IMMUTABLE;
}

static const sqlite3_io_methods fd_methods = {
	.iVersion = 1,
	.xClose = fd_close,
	.xRead = fd_read,
	.xWrite = fd_write,
	.xTruncate = fd_truncate,
	.xSync = fd_sync,
	.xFileSize = fd_size,
	.xLock = fd_lock,
	.xUnlock = fd_lock,
	.xCheckReservedLock = fd_check_reserved,
	.xFileControl = fd_control,
	.xSectorSize = fd_sector_size,
	.xDeviceCharacteristics = fd_characteristics,
};

/* The main database is the descriptor; anything else cannot be. */
static int
vfs_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags,
    int *out_flags)
{
	struct sqlitefd *s = vfs->pAppData;
	struct fdfile *ff = (struct fdfile *)f;

	(void)name;
	f->pMethods = NULL;
	if (!(flags & SQLITE_OPEN_MAIN_DB))
		return SQLITE_CANTOPEN;
	ff->fd = s->fd;
	f->pMethods = &fd_methods;
	if (out_flags != NULL)
		*out_flags = SQLITE_OPEN_READONLY;
	return SQLITE_OK;
}

static int
vfs_delete(sqlite3_vfs *vfs, const char *name, int sync)
{
	(void)vfs;
	(void)name;
	(void)sync;
	return SQLITE_IOERR_DELETE;
}

static int
vfs_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	(void)name;
	(void)flags;
	*out = 0;
	return SQLITE_OK;
}

static int
vfs_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	(void)vfs;
	if (n <= 0 || snprintf(out, (size_t)n, "%s", name) >= n)
		return SQLITE_CANTOPEN;
	return SQLITE_OK;
}

static void *
vfs_dlopen(sqlite3_vfs *vfs, const char *name)
{
	(void)vfs;
	(void)name;
	return NULL;
}

static void
vfs_dlerror(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	if (n > 0)
		snprintf(out, (size_t)n, "no extensions");
}

static void
(*vfs_dlsym(sqlite3_vfs *vfs, void *h, const char *name))(void)
{
	(void)vfs;
	(void)h;
	(void)name;
	return NULL;
}

static void
vfs_dlclose(sqlite3_vfs *vfs, void *h)
{
	(void)vfs;
	(void)h;
}

/* Nothing this connection does needs randomness. */
static int
vfs_randomness(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	if (n > 0)
		memset(out, 0, (size_t)n);
	return n;
}

static int
vfs_sleep(sqlite3_vfs *vfs, int us)
{
	(void)vfs;
	return us;
}

static int
vfs_current_time(sqlite3_vfs *vfs, double *out)
{
	struct timespec ts;

	(void)vfs;
	clock_gettime(CLOCK_REALTIME, &ts);
	*out = 2440587.5 + ((double)ts.tv_sec + ts.tv_nsec / 1e9) / 86400.0;
	return SQLITE_OK;
}

static int
vfs_last_error(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	(void)n;
	(void)out;
	return 0;
}

/* A damaged file must not keep a statement going for ever. */
static int
too_long(void *arg)
{
	struct sqlitefd *s = arg;

	return ++s->progress > PROGRESS_MAX;
}

static void
init_vfs(struct sqlitefd *s)
{
	snprintf(s->name, sizeof(s->name), "hostql-fd-%p", (void *)s);
	s->vfs.iVersion = 1;
	s->vfs.szOsFile = sizeof(struct fdfile);
	s->vfs.mxPathname = 512;
	s->vfs.zName = s->name;
	s->vfs.pAppData = s;
	s->vfs.xOpen = vfs_open;
	s->vfs.xDelete = vfs_delete;
	s->vfs.xAccess = vfs_access;
	s->vfs.xFullPathname = vfs_full_pathname;
	s->vfs.xDlOpen = vfs_dlopen;
	s->vfs.xDlError = vfs_dlerror;
	s->vfs.xDlSym = vfs_dlsym;
	s->vfs.xDlClose = vfs_dlclose;
	s->vfs.xRandomness = vfs_randomness;
	s->vfs.xSleep = vfs_sleep;
	s->vfs.xCurrentTime = vfs_current_time;
	s->vfs.xGetLastError = vfs_last_error;
}

/* The connection reads an untrusted file: no schema code is trusted,
 * no extension loads, and statements are bounded. */
static int
harden(struct sqlitefd *s)
{
	if (sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) ||
	    sqlite3_db_config(s->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0,
	    NULL) ||
	    sqlite3_db_config(s->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0,
	    NULL) ||
	    sqlite3_db_config(s->db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL))
		return -1;
	sqlite3_progress_handler(s->db, PROGRESS_OPS, too_long, s);
	return sqlite3_exec(s->db, "PRAGMA temp_store = MEMORY; "
	    "PRAGMA cache_size = -1024", NULL, NULL, NULL) == SQLITE_OK ?
	    0 : -1;
}

struct sqlitefd *
sqlitefd_open(int fd, char *err, size_t errlen)
{
	struct sqlitefd *s;
	int rc;

	if ((s = calloc(1, sizeof(*s))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	s->fd = fd;
	init_vfs(s);
	if ((rc = sqlite3_vfs_register(&s->vfs, 0)) != SQLITE_OK) {
		snprintf(err, errlen, "%s", sqlite3_errstr(rc));
		free(s);
		return NULL;
	}
	rc = sqlite3_open_v2("db", &s->db, SQLITE_OPEN_READONLY, s->name);
	if (rc != SQLITE_OK || harden(s) == -1) {
		snprintf(err, errlen, "%s", s->db != NULL ?
		    sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		sqlitefd_close(s);
		return NULL;
	}
	return s;
}

sqlite3 *
sqlitefd_db(struct sqlitefd *s)
{
	s->progress = 0;
	return s->db;
}

void
sqlitefd_close(struct sqlitefd *s)
{
	if (s == NULL)
		return;
	sqlite3_close(s->db);
	sqlite3_vfs_unregister(&s->vfs);
	free(s);
}
