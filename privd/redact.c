/*
 * Reading a file such as /etc/shadow without its secrets.  The policy's
 * "crypt-field N" term names the colon-separated field holding a crypt(3)
 * string; before any byte of the file leaves privd, that field keeps only
 * what says how the account is locked and hashed:
 *
 *	leading '!' and '*'	kept (locked, disabled)
 *	"$id$..."		becomes "$id$" (the method: $6$, $y$, $2b$)
 *	anything else		becomes "x" (a hash with no method prefix)
 *
 * This is the one place privd looks inside what it reads, and it only
 * ever removes bytes: the worker that parses the rest never holds a hash.
 */
#include <string.h>

#include "privd.h"

/* Length of the part of a crypt field that may leave: see above. */
static size_t
kept_prefix(const char *f, size_t len, int *mark)
{
	size_t i = 0;
	const char *id_end;

	*mark = 0;
	while (i < len && (f[i] == '!' || f[i] == '*'))
		i++;
	if (i == len)
		return len;
	if (f[i] == '$' && i + 1 < len &&
	    (id_end = memchr(f + i + 1, '$', len - i - 1)) != NULL)
		return (size_t)(id_end - f) + 1;
	*mark = 1;		/* no method to keep: an 'x' stands in */
	return i;
}

/* Redact field number field (1-based) of one line in place; returns the
 * line's new length. */
static size_t
redact_line(char *line, size_t len, unsigned int field)
{
	size_t start = 0, end, keep;
	unsigned int n;
	char *colon;
	int mark;

	for (n = 1; n < field; n++) {
		colon = memchr(line + start, ':', len - start);
		if (colon == NULL)
			return len;
		start = (size_t)(colon - line) + 1;
	}
	colon = memchr(line + start, ':', len - start);
	end = colon != NULL ? (size_t)(colon - line) : len;
	keep = kept_prefix(line + start, end - start, &mark);
	if (mark)
		line[start + keep++] = 'x';
	memmove(line + start + keep, line + end, len - end);
	return len - (end - start - keep);
}

size_t
redact_crypt_field(char *buf, size_t len, unsigned int field)
{
	size_t in = 0, out = 0, n, linelen;
	const char *nl;

	while (in < len) {
		nl = memchr(buf + in, '\n', len - in);
		linelen = (nl != NULL ? (size_t)(nl - buf) : len) - in;
		memmove(buf + out, buf + in, linelen);
		n = redact_line(buf + out, linelen, field);
		out += n;
		in += linelen;
		if (in < len) {		/* the newline itself */
			buf[out++] = '\n';
			in++;
		}
	}
	return out;
}
