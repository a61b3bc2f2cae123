/*
 * A read-only SQLite connection to a database file that privd opened
 * for the worker, which may open no file itself.  The connection reads
 * the descriptor with pread(2) through a VFS of its own and opens
 * nothing else: no journal, no WAL, no temporary file.  The database is
 * taken as it is on disk, unchanging while it is read; one in WAL mode
 * is read as if it were not (what the last checkpoint wrote).
 */
#ifndef HOSTQL_TABLES_SQLITEFD_H
#define HOSTQL_TABLES_SQLITEFD_H

#include <sqlite3.h>

struct sqlitefd;

/* Open fd (which stays the caller's to close, after sqlitefd_close());
 * NULL when SQLite cannot, with a reason in err. */
struct sqlitefd	*sqlitefd_open(int fd, char *err, size_t errlen);
sqlite3		*sqlitefd_db(struct sqlitefd *);
void		 sqlitefd_close(struct sqlitefd *);

#endif
