/*
 * The rows of one scan, packed in memory; see rowstore.c.  Columns are
 * numbered by slot: the vtab layer stores only the columns a query reads
 * and maps a column to its slot.
 */
#ifndef HOSTQL_WORKER_ROWSTORE_H
#define HOSTQL_WORKER_ROWSTORE_H

#include <stddef.h>
#include <stdint.h>

/* One value as a reader gives it; s is valid until the reader moves. */
struct cell {
	int		 type;		/* SQLITE_NULL, _INTEGER, ... */
	int64_t		 i;
	double		 d;
	const char	*s;
	size_t		 n;
};

struct rs_chunk;
struct rs_stage;

struct rowstore {
	int			 nslots;
	size_t			 nrows;
	struct rs_chunk		*head, *tail;
	size_t			 next_cap;	/* of the next chunk */
	size_t			*front_max;	/* per slot; see rowstore.c */
	struct rs_stage		*cur, *prev;	/* the open row, the last */
};

struct rs_slot;

struct rowreader {
	const struct rowstore	*rs;
	const struct rs_chunk	*chunk;
	size_t			 off;
	size_t			 row;
	struct rs_slot		*slots;
	int			 slots_cap;
	char			*front;
	size_t			 front_cap;
};

/* Writing: begin, set some slots (the rest are NULL), end.  Each
 * returns -1 when out of memory, and the row is then lost. */
int	rowstore_begin(struct rowstore *, int nslots);
int	rowstore_text(struct rowstore *, int slot, const char *, size_t);
void	rowstore_int(struct rowstore *, int slot, int64_t);
void	rowstore_double(struct rowstore *, int slot, double);
int	rowstore_end(struct rowstore *);
/* Every row goes; the store is empty and can be written again. */
void	rowstore_free(struct rowstore *);

/* Reading, in order, from the first row: -1 when out of memory. */
int	rowreader_start(struct rowreader *, const struct rowstore *);
void	rowreader_next(struct rowreader *);
int	rowreader_eof(const struct rowreader *);
const struct cell *rowreader_cell(const struct rowreader *, int slot);
void	rowreader_free(struct rowreader *);

#endif
