/*
 * Users' home directories, from /etc/passwd.
 */
#include <stdlib.h>
#include <string.h>

#include "homes.h"
#include "passwd.h"

#define PASSWD_CAP	(8u << 20)

void
homes_free(struct homes *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		free(h->v[i].dir);
	free(h->v);
	memset(h, 0, sizeof(*h));
}

static int
known(const struct homes *h, struct span dir)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (txt_eq(dir, h->v[i].dir))
			return 1;
	return 0;
}

static int
add_home(struct homes *h, uint32_t uid, struct span dir)
{
	struct home *v;
	size_t cap;

	if (dir.len < 2 || dir.p[0] != '/' || known(h, dir))
		return 0;
	if (h->n == h->cap) {
		cap = h->cap ? h->cap * 2 : 32;
		if ((v = reallocarray(h->v, cap, sizeof(*v))) == NULL)
			return -1;
		h->v = v;
		h->cap = cap;
	}
	if ((h->v[h->n].dir = strndup(dir.p, dir.len)) == NULL)
		return -1;
	h->v[h->n].uid = uid;
	h->n++;
	return 0;
}

int
homes_read(struct gen_ctx *ctx, struct homes *h)
{
	struct passwd_line pw;
	struct span line;
	char *data = NULL;
	size_t len = 0, off = 0;
	int rc;

	memset(h, 0, sizeof(*h));
	rc = collect_read_file(gen_collect(ctx), "/etc/passwd", PASSWD_CAP,
	    &data, &len);
	if (rc < 0) {
		gen_warn(ctx, "/etc/passwd: %s", strerror(-rc));
		return 0;
	}
	rc = 0;
	while (rc == 0 && txt_next_line(data, len, &off, &line))
		if (passwd_parse_line(line, &pw) == 0)
			rc = add_home(h, pw.uid, pw.dir);
	free(data);
	if (rc == -1)
		homes_free(h);
	return rc;
}
