/*
 * Small helpers shared by the parsers of raw text: strict decimal
 * numbers, lines, trimming.  Every function takes a pointer and a length,
 * never relies on a terminating NUL and never reads past len.
 */
#ifndef HOSTQL_TABLES_TEXTPARSE_H
#define HOSTQL_TABLES_TEXTPARSE_H

#include <stddef.h>
#include <stdint.h>

/* A span of someone else's buffer. */
struct span {
	const char	*p;
	size_t		 len;
};

/* Decimal numbers: the whole span must be digits (an optional '-' for
 * the signed one); 0 on success, -1 on empty, junk or overflow. */
int	txt_u64(const char *, size_t, uint64_t *);
int	txt_i64(const char *, size_t, int64_t *);
/* The leading digits of a span, as in "12.04" -> 12; -1 when none. */
int	txt_u64_prefix(const char *, size_t, uint64_t *, size_t *used);

/* Up to three dot-separated leading numbers of a version ("22.04.3",
 * "12", "7.9.2009"); parts not present are 0.  Returns how many were
 * found, 0 when the version does not start with a digit. */
int	txt_version3(const char *, size_t, int64_t parts[3]);

/* The next line of buf from *off (without its '\n'); 0 at the end. */
int	txt_next_line(const char *buf, size_t len, size_t *off, struct span *);
/* The next field of s up to sep, advancing s past the separator; 0 when
 * s is exhausted (a trailing empty field is returned once). */
int	txt_next_field(struct span *s, char sep, struct span *field);

/* Strip spaces, tabs, '\r' and '\n' from both ends. */
struct span	txt_trim(struct span);
/* Does the span equal the NUL-terminated string? */
int		txt_eq(struct span, const char *);

#endif
