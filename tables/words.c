/*
 * Splitting a line into blank-separated words, for the /proc files whose
 * columns are padded for people to read.
 */
#include "words.h"

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

struct span
word_skip_blanks(struct span s)
{
	while (s.len > 0 && is_blank(s.p[0])) {
		s.p++;
		s.len--;
	}
	return s;
}

int
word_next(struct span *s, struct span *word)
{
	size_t n = 0;

	*s = word_skip_blanks(*s);
	if (s->len == 0)
		return 0;
	while (n < s->len && !is_blank(s->p[n]))
		n++;
	word->p = s->p;
	word->len = n;
	s->p += n;
	s->len -= n;
	return 1;
}
