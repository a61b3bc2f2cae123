/*
 * /proc/modules separates its fields with single spaces; the sixth, the
 * load address, is the last one every kernel prints, and a seventh names
 * the module's taints.  Anything shorter is not a module line.
 */
#include <string.h>

#include "kmodules.h"

/* The next space-separated word of s; 0 when there is none. */
static int
next_word(struct span *s, struct span *w)
{
	while (s->len > 0 && *s->p == ' ') {
		s->p++;
		s->len--;
	}
	if (s->len == 0)
		return 0;
	w->p = s->p;
	w->len = 0;
	while (s->len > 0 && *s->p != ' ') {
		s->p++;
		s->len--;
		w->len++;
	}
	return 1;
}

int
kmodule_parse_line(struct span line, struct kmodule_line *m)
{
	struct span s = txt_trim(line), size;

	memset(m, 0, sizeof(*m));
	m->taints.p = "";
	if (!next_word(&s, &m->name) || !next_word(&s, &size) ||
	    !next_word(&s, &m->refcount) || !next_word(&s, &m->used_by) ||
	    !next_word(&s, &m->status) || !next_word(&s, &m->address))
		return -1;
	if (txt_u64(size.p, size.len, &m->size) == -1)
		return -1;
	next_word(&s, &m->taints);
	return 0;
}
