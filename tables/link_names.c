/*
 * The interfaces of the host by index.  A host has few enough that a
 * linear search per lookup costs less than building anything smarter.
 */
#include <sys/socket.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "link_names.h"

static int
link_add(void *arg, const struct nlp_link *l)
{
	struct link_names *ln = arg;
	struct nlp_link *v;
	size_t cap;

	if (ln->n == ln->cap) {
		cap = ln->cap ? ln->cap * 2 : 16;
		if (cap > SIZE_MAX / sizeof(*v) ||
		    (v = realloc(ln->v, cap * sizeof(*v))) == NULL) {
			ln->dump.row_err = -ENOMEM;
			return -ENOMEM;
		}
		ln->v = v;
		ln->cap = cap;
	}
	ln->v[ln->n++] = *l;
	return 0;
}

int
link_names_parse(struct link_names *ln, const void *buf, size_t len)
{
	int rc;

	if (!nldump_wants(&ln->dump))
		return NLP_DONE;
	rc = nlp_links(buf, len, link_add, ln);
	nldump_note(&ln->dump, rc);
	return rc;
}

static int
link_buffer(void *arg, const void *buf, size_t len)
{
	link_names_parse(arg, buf, len);
	return 0;
}

int
link_names_load(struct gen_ctx *ctx, struct link_names *ln)
{
	int rc;

	memset(ln, 0, sizeof(*ln));
	rc = collect_netlink_dump(gen_collect(ctx), NL_LINKS, AF_UNSPEC, 0,
	    link_buffer, ln);
	if (nldump_finish(&ln->dump, ctx, rc, "interfaces") == -1) {
		link_names_free(ln);
		return -1;
	}
	return 0;
}

const struct nlp_link *
link_names_find(const struct link_names *ln, int32_t index)
{
	size_t i;

	for (i = 0; i < ln->n; i++)
		if (ln->v[i].index == index)
			return &ln->v[i];
	return NULL;
}

void
link_names_free(struct link_names *ln)
{
	free(ln->v);
	memset(ln, 0, sizeof(*ln));
}
