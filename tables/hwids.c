/* The pci.ids and usb.ids scanner; see hwids.h. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "hwids.h"

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * An id of one to four hex digits at s[*i], ended by a blank; advances
 * *i to the blank.  ndigits, when not 0, is the exact count wanted.
 */
static int
hex_id(struct span s, size_t *i, size_t ndigits, uint16_t *id)
{
	size_t start = *i;
	unsigned int v = 0;
	int d;

	while (*i < s.len && (d = hex_value(s.p[*i])) >= 0) {
		if (*i - start == 4)
			return -1;
		v = v << 4 | (unsigned int)d;
		(*i)++;
	}
	if (*i == start || *i >= s.len || !is_blank(s.p[*i]) ||
	    (ndigits != 0 && *i - start != ndigits))
		return -1;
	*id = (uint16_t)v;
	return 0;
}

/* The name after the ids: blanks skipped, trimmed; -1 when empty. */
static int
line_name(struct span s, size_t i, struct span *name)
{
	while (i < s.len && is_blank(s.p[i]))
		i++;
	name->p = s.p + i;
	name->len = s.len - i;
	*name = txt_trim(*name);
	return name->len > 0 ? 0 : -1;
}

static int
is_class_line(struct span s)
{
	return s.len > 2 && s.p[0] == 'C' && s.p[1] == ' ';
}

/*
 * Any other line at the top ends the list before it: usb.ids has more
 * lists (HID, L, ...), whose children are skipped, and a line that is
 * not understood must not lend its children to the vendor before it.
 */
static void
parse_top(struct span s, struct hwids_line *l)
{
	enum hwids_line_kind kind = HWIDS_LINE_LIST;
	size_t i = 0;

	if (hex_id(s, &i, 4, &l->id[0]) == 0)
		kind = HWIDS_LINE_VENDOR;
	else if (is_class_line(s)) {
		i = 2;
		if (hex_id(s, &i, 2, &l->id[0]) == 0)
			kind = HWIDS_LINE_CLASS;
	}
	l->kind = HWIDS_LINE_LIST;
	if (kind == HWIDS_LINE_LIST || line_name(s, i, &l->name) == -1)
		return;
	l->nid = 1;
	l->kind = kind;
}

/* "ssss tttt  name" (a pci.ids subsystem) or "pp  name". */
static void
parse_child(struct span s, size_t i, enum hwids_line_kind kind,
    struct hwids_line *l)
{
	size_t j;

	if (hex_id(s, &i, 0, &l->id[0]) == -1)
		return;
	l->nid = 1;
	j = i + 1;
	if (kind == HWIDS_LINE_SUBITEM && s.p[i] == ' ' && j < s.len &&
	    hex_value(s.p[j]) >= 0) {
		if (hex_id(s, &j, 4, &l->id[1]) == -1)
			return;
		l->nid = 2;
		i = j;
	}
	if (line_name(s, i, &l->name) == 0)
		l->kind = kind;
}

void
hwids_parse_line(struct span s, struct hwids_line *l)
{
	size_t tabs = 0;

	memset(l, 0, sizeof(*l));
	l->kind = HWIDS_LINE_NONE;
	l->name.p = "";
	if (s.len == 0 || s.p[0] == '#')
		return;
	while (tabs < s.len && s.p[tabs] == '\t')
		tabs++;
	if (tabs == 0)
		parse_top(s, l);
	else if (tabs == 1)
		parse_child(s, 1, HWIDS_LINE_ITEM, l);
	else if (tabs == 2)
		parse_child(s, 2, HWIDS_LINE_SUBITEM, l);
}

void
hwids_init(struct hwids *h)
{
	memset(h, 0, sizeof(*h));
	h->section = HWIDS_LINE_NONE;
}

void
hwids_free(struct hwids *h)
{
	free(h->v);
	hwids_init(h);
}

int
hwids_want(struct hwids *h, enum hwids_key key, uint16_t a, uint16_t b,
    uint16_t c, uint16_t d)
{
	const uint16_t id[4] = { a, b, c, d };
	struct hwids_want *nv;
	size_t i, ncap;

	for (i = 0; i < h->n; i++)
		if (h->v[i].key == key && memcmp(h->v[i].id, id,
		    sizeof(id)) == 0)
			return (int)i;
	if (h->n >= (size_t)INT_MAX)
		return -1;
	if (h->n == h->cap) {
		ncap = h->cap ? h->cap * 2 : 16;
		if ((nv = reallocarray(h->v, ncap, sizeof(*nv))) == NULL)
			return -1;
		h->v = nv;
		h->cap = ncap;
	}
	memset(&h->v[h->n], 0, sizeof(h->v[h->n]));
	h->v[h->n].key = key;
	memcpy(h->v[h->n].id, id, sizeof(id));
	return (int)h->n++;
}

const char *
hwids_name(const struct hwids *h, int i)
{
	if (i < 0 || (size_t)i >= h->n || !h->v[i].found)
		return NULL;
	return h->v[i].name;
}

static void
found(struct hwids_want *w, struct span name)
{
	const char *nul = memchr(name.p, '\0', name.len);
	size_t n = nul != NULL ? (size_t)(nul - name.p) : name.len;

	/* The first entry of an id counts, as in lspci; a name that a NUL
	 * empties is none. */
	if (w->found || n == 0)
		return;
	if (n > HWIDS_NAME_MAX - 1)
		n = HWIDS_NAME_MAX - 1;
	memcpy(w->name, name.p, n);
	w->name[n] = '\0';
	w->found = 1;
}

static int
key_in_section(enum hwids_key key, enum hwids_line_kind section)
{
	if (section == HWIDS_LINE_VENDOR)
		return key == HWIDS_VENDOR || key == HWIDS_DEVICE ||
		    key == HWIDS_SUBSYSTEM;
	return key == HWIDS_CLASS || key == HWIDS_SUBCLASS;
}

/* A vendor or class line: the names it gives, and whether any want
 * looks under it (most do not, and their children are passed over). */
static void
enter_top(struct hwids *h, const struct hwids_line *l)
{
	enum hwids_key top_key = l->kind == HWIDS_LINE_VENDOR ?
	    HWIDS_VENDOR : HWIDS_CLASS;
	size_t i;

	h->section = l->kind;
	h->top = l->id[0];
	h->have_item = 0;
	h->top_wanted = 0;
	for (i = 0; i < h->n; i++) {
		if (!key_in_section(h->v[i].key, l->kind) ||
		    h->v[i].id[0] != h->top)
			continue;
		if (h->v[i].key == top_key)
			found(&h->v[i], l->name);
		else
			h->top_wanted = 1;
	}
}

static void
match_item(struct hwids *h, const struct hwids_line *l)
{
	enum hwids_key key = h->section == HWIDS_LINE_VENDOR ?
	    HWIDS_DEVICE : HWIDS_SUBCLASS;
	size_t i;

	h->item = l->id[0];
	h->have_item = 1;
	for (i = 0; i < h->n; i++)
		if (h->v[i].key == key && h->v[i].id[0] == h->top &&
		    h->v[i].id[1] == h->item)
			found(&h->v[i], l->name);
}

static void
match_subsystem(struct hwids *h, const struct hwids_line *l)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (h->v[i].key == HWIDS_SUBSYSTEM &&
		    h->v[i].id[0] == h->top && h->v[i].id[1] == h->item &&
		    h->v[i].id[2] == l->id[0] && h->v[i].id[3] == l->id[1])
			found(&h->v[i], l->name);
}

static void
scan_line(struct hwids *h, struct span s)
{
	struct hwids_line l;

	hwids_parse_line(s, &l);
	switch (l.kind) {
	case HWIDS_LINE_VENDOR:
	case HWIDS_LINE_CLASS:
		enter_top(h, &l);
		break;
	case HWIDS_LINE_LIST:
		h->section = HWIDS_LINE_LIST;
		h->top_wanted = 0;
		h->have_item = 0;
		break;
	case HWIDS_LINE_ITEM:
		if (h->top_wanted)
			match_item(h, &l);
		else
			h->have_item = 0;
		break;
	case HWIDS_LINE_SUBITEM:
		if (h->top_wanted && h->have_item &&
		    h->section == HWIDS_LINE_VENDOR && l.nid == 2)
			match_subsystem(h, &l);
		break;
	case HWIDS_LINE_NONE:
		break;
	}
}

size_t
hwids_feed(struct hwids *h, const char *buf, size_t len, int eof)
{
	const char *nl;
	struct span s;
	size_t off = 0;

	while (off < len) {
		s.p = buf + off;
		if ((nl = memchr(s.p, '\n', len - off)) != NULL) {
			s.len = (size_t)(nl - s.p);
			off += s.len + 1;
		} else if (eof) {
			s.len = len - off;
			off = len;
		} else
			break;
		if (h->skip_line)
			h->skip_line = 0;
		else
			scan_line(h, s);
	}
	return off;
}

void
hwids_discard_line(struct hwids *h)
{
	h->skip_line = 1;
}
