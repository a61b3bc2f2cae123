/*
 * Control-file stanzas from a descriptor, a read at a time.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "deb822.h"
#include "stanza_reader.h"

#define READ_CHUNK	(64u << 10)

void
stanza_reader_init(struct stanza_reader *r, int fd, size_t max)
{
	memset(r, 0, sizeof(*r));
	r->fd = fd;
	r->max = max;
}

void
stanza_reader_free(struct stanza_reader *r)
{
	free(r->buf);
	r->buf = NULL;
	r->len = r->cap = r->off = r->complete = 0;
}

/* Drop what was parsed, and make room for one more read. */
static int
make_room(struct stanza_reader *r)
{
	size_t cap;
	char *grown;

	if (r->off > 0) {
		memmove(r->buf, r->buf + r->off, r->len - r->off);
		r->len -= r->off;
		r->complete = r->complete > r->off ? r->complete - r->off : 0;
		r->off = 0;
	}
	if (r->cap - r->len >= READ_CHUNK)
		return 0;
	if (r->len >= r->max)
		return -EFBIG;
	cap = r->len + READ_CHUNK;
	if ((grown = realloc(r->buf, cap)) == NULL)
		return -ENOMEM;
	r->buf = grown;
	r->cap = cap;
	return 0;
}

static int
read_more(struct stanza_reader *r)
{
	ssize_t n;
	int rc;

	if ((rc = make_room(r)) < 0)
		return rc;
	do
		n = read(r->fd, r->buf + r->len, r->cap - r->len);
	while (n == -1 && errno == EINTR);
	if (n == -1)
		return -errno;
	if (n == 0) {
		r->eof = 1;
		r->complete = r->len;
		return 0;
	}
	r->len += (size_t)n;
	r->complete = deb822_complete_len(r->buf, r->len);
	return 0;
}

int
stanza_reader_next(struct stanza_reader *r, struct span *stanza)
{
	int rc;

	for (;;) {
		if (r->buf != NULL &&
		    deb822_next_stanza(r->buf, r->complete, &r->off, stanza))
			return 1;
		if (r->eof)
			return 0;
		if ((rc = read_more(r)) < 0)
			return rc;
	}
}
