/*
 * sudoers(5) lines into rules and include directives; see sudoers_parse.h.
 */
#include <string.h>

#include "sudoers_parse.h"

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* The first word of a line, after its leading blanks. */
static struct span
first_word(struct span line)
{
	struct span w;
	size_t i = 0;

	while (i < line.len && is_blank(line.p[i]))
		i++;
	w.p = line.p + i;
	while (i < line.len && !is_blank(line.p[i]))
		i++;
	w.len = (size_t)(line.p + i - w.p);
	return w;
}

static int
is_include(struct span w)
{
	return txt_eq(w, "#include") || txt_eq(w, "@include") ||
	    txt_eq(w, "#includedir") || txt_eq(w, "@includedir");
}

/* A line sudo does not read: blank, or a comment.  '#' followed by a
 * digit (or "-digit") is a uid, the user of a rule, not a comment. */
static int
is_comment(struct span line)
{
	struct span w = first_word(line);

	if (w.len == 0)
		return 1;
	if (w.p[0] != '#' || is_include(w))
		return 0;
	if (w.len > 1 && w.p[1] >= '0' && w.p[1] <= '9')
		return 0;
	if (w.len > 2 && w.p[1] == '-' && w.p[2] >= '0' && w.p[2] <= '9')
		return 0;
	return 1;
}

/* Append the words of s to out at *n, one space between words. */
static void
append_words(struct span s, char *out, size_t *n)
{
	size_t i = 0, start;

	for (;;) {
		while (i < s.len && is_blank(s.p[i]))
			i++;
		if (i == s.len)
			return;
		start = i;
		while (i < s.len && !is_blank(s.p[i]))
			i++;
		if (*n > 0)
			out[(*n)++] = ' ';
		memcpy(out + *n, s.p + start, i - start);
		*n += i - start;
	}
}

/* Does the line end in a backslash (blanks after it allowed)?  If so,
 * the backslash is cut off. */
static int
continues(struct span *line)
{
	size_t l = line->len;

	while (l > 0 && is_blank(line->p[l - 1]))
		l--;
	if (l == 0 || line->p[l - 1] != '\\')
		return 0;
	line->len = l - 1;
	return 1;
}

/* The logical line that starts with first, its words into out; returns
 * the length written.  The words never take more room than the lines
 * they come from, so out needs no more than len bytes. */
static size_t
join_lines(const char *buf, size_t len, size_t *off, struct span first,
    char *out)
{
	struct span line = first;
	size_t n = 0;

	for (;;) {
		int more = continues(&line);

		append_words(line, out, &n);
		if (!more || !txt_next_line(buf, len, off, &line))
			return n;
	}
}

static struct span
unquote(struct span s)
{
	if (s.len >= 2 && s.p[0] == '"' && s.p[s.len - 1] == '"') {
		s.p++;
		s.len -= 2;
	}
	return s;
}

static void
split_entry(char *out, size_t n, struct sudoers_entry *e)
{
	char *sp = memchr(out, ' ', n);

	e->header.p = out;
	e->header.len = sp != NULL ? (size_t)(sp - out) : n;
	e->details.p = sp != NULL ? sp + 1 : out + n;
	e->details.len = sp != NULL ? n - e->header.len - 1 : 0;
	e->kind = SUDOERS_RULE;
	if (!is_include(e->header))
		return;
	e->kind = e->header.len == sizeof("#includedir") - 1 ?
	    SUDOERS_INCLUDEDIR : SUDOERS_INCLUDE;
	e->details = unquote(e->details);
}

int
sudoers_next(const char *buf, size_t len, size_t *off, char *out,
    struct sudoers_entry *e)
{
	struct span line;
	size_t n;

	while (txt_next_line(buf, len, off, &line)) {
		if (is_comment(line))
			continue;
		n = join_lines(buf, len, off, line, out);
		split_entry(out, n, e);
		/* An include that names nothing is read as a comment. */
		if (e->kind != SUDOERS_RULE && e->details.len == 0)
			continue;
		return 1;
	}
	return 0;
}
