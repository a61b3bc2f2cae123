/*
 * The shell's output modes, osqueryi's: pretty (an aligned table with
 * +---+ borders), line, list, csv, json and json_pretty.
 *
 * A printer takes one statement's result: the column names, then each
 * row as text values (NULL for SQL NULL), then the end.  The formatting
 * of one value is done by pure functions over a growable buffer, so that
 * escaping and widths can be tested without a database.
 */
#ifndef HOSTQL_WORKER_PRINTER_H
#define HOSTQL_WORKER_PRINTER_H

#include <stddef.h>
#include <stdio.h>

enum print_mode {
	PRINT_PRETTY,
	PRINT_LINE,
	PRINT_LIST,
	PRINT_CSV,
	PRINT_JSON,
	PRINT_JSON_PRETTY,
};

#define PRINT_SEP_MAX	32	/* bytes of a separator, with its NUL */
#define PRINT_NULL_MAX	64	/* bytes of the NULL text, with its NUL */

struct print_opts {
	enum print_mode	 mode;
	int		 header;	/* column names in pretty, list, csv */
	/* Empty means the mode's own: "|" for list, "," for csv. */
	char		 separator[PRINT_SEP_MAX];
	char		 nullvalue[PRINT_NULL_MAX];
};

/* Name of a mode as .mode and .show spell it, and back (-1: unknown). */
const char	*print_mode_name(enum print_mode);
int		 print_mode_parse(const char *, enum print_mode *);
/* The separator in force for these options. */
const char	*print_separator(const struct print_opts *);

/* A growable byte buffer; a failed allocation is remembered, not lost. */
struct outbuf {
	char	*data;
	size_t	 len;
	size_t	 cap;
	int	 failed;
};

void	outbuf_init(struct outbuf *);
void	outbuf_free(struct outbuf *);
void	outbuf_reset(struct outbuf *);
int	outbuf_add(struct outbuf *, const void *, size_t);
int	outbuf_addc(struct outbuf *, char);
int	outbuf_adds(struct outbuf *, const char *);
int	outbuf_pad(struct outbuf *, char, size_t);

/*
 * Columns a string takes on a terminal: one per code point, two for the
 * wide East Asian ranges and emoji, none for combining marks; a byte that
 * is not valid UTF-8 counts as one.
 */
size_t	text_width(const char *, size_t);

/*
 * Append a value for a person's terminal: control characters (newline,
 * tab, escape ...) are shown as \n, \t, \x1b, so that a value can neither
 * break the table's alignment nor drive the terminal.
 */
int	fmt_display(struct outbuf *, const char *, size_t);

/*
 * Append a CSV field (RFC 4180): quoted when it holds the separator, a
 * double quote, a CR or LF, and then with its inner quotes doubled.
 */
int	fmt_csv_field(struct outbuf *, const char *, size_t, const char *sep);

/*
 * Append a JSON string with its quotes.  Quote, backslash and control
 * characters are escaped; valid UTF-8 passes as is; each byte that is not
 * part of valid UTF-8 becomes U+FFFD, so the output is always valid JSON.
 */
int	fmt_json_string(struct outbuf *, const char *, size_t);

struct printer;

struct printer	*printer_new(FILE *, const struct print_opts *);
/* The statement's columns; names are copied. */
int		 printer_begin(struct printer *, int ncols,
		    const char *const *names);
/* One row: vals[i] NULL for SQL NULL, lens[i] its length in bytes. */
int		 printer_row(struct printer *, const char *const *vals,
		    const size_t *lens);
/* Write what was buffered and close the result (json's "]"). */
int		 printer_end(struct printer *);
void		 printer_free(struct printer *);

#endif
