/*
 * Python core metadata headers.
 */
#include <string.h>

#include "deb822.h"
#include "pymeta.h"

/* The first of a repeated field counts, as email.parser's get() has
 * it. */
static void
take(const struct deb822_field *f, const char *name, struct span *dst,
    int *has)
{
	if (*has || !deb822_name_eq(f->name, name))
		return;
	*dst = f->value;
	*has = 1;
}

int
pymeta_parse(const char *buf, size_t len, struct pymeta *m)
{
	struct deb822_field f;
	struct span header, expr = { NULL, 0 };
	size_t off = 0;
	int fields = 0, has_expr = 0;

	memset(m, 0, sizeof(*m));
	/* The header is what comes before the first blank line. */
	if (!deb822_next_stanza(buf, len, &off, &header) || header.p != buf)
		return -1;
	off = 0;
	while (deb822_next_field(header, &off, 0, &f)) {
		fields++;
		take(&f, "Name", &m->name, &m->has_name);
		take(&f, "Version", &m->version, &m->has_version);
		take(&f, "Summary", &m->summary, &m->has_summary);
		take(&f, "Author", &m->author, &m->has_author);
		take(&f, "License", &m->license, &m->has_license);
		take(&f, "License-Expression", &expr, &has_expr);
	}
	if (!m->has_license && has_expr) {
		m->license = expr;
		m->has_license = 1;
	}
	return fields > 0 ? 0 : -1;
}
