/* Lines of the netdb files; see netdb_parse.h. */
#include <string.h>

#include "netdb_parse.h"
#include "words.h"

/* Split a line at its first '#': the entry part and the trimmed
 * comment (len 0 when there is none). */
static void
comment_split(struct span line, struct span *entry, struct span *comment)
{
	const char *hash = memchr(line.p, '#', line.len);

	comment->p = NULL;
	comment->len = 0;
	*entry = line;
	if (hash == NULL)
		return;
	entry->len = (size_t)(hash - line.p);
	comment->p = hash + 1;
	comment->len = line.len - entry->len - 1;
	*comment = txt_trim(*comment);
}

int
hosts_parse_line(struct span line, struct hosts_line *h)
{
	struct span entry, comment;

	memset(h, 0, sizeof(*h));
	comment_split(txt_trim(line), &entry, &comment);
	if (!word_next(&entry, &h->address))
		return NETDB_BLANK;
	h->names = txt_trim(entry);
	return NETDB_ENTRY;
}

/* "port/protocol" with a port of 0 to 65535 and a protocol. */
static int
port_protocol(struct span s, uint16_t *port, struct span *protocol)
{
	const char *slash = memchr(s.p, '/', s.len);
	uint64_t v;
	size_t n;

	if (slash == NULL)
		return -1;
	n = (size_t)(slash - s.p);
	if (txt_u64(s.p, n, &v) == -1 || v > UINT16_MAX)
		return -1;
	protocol->p = slash + 1;
	protocol->len = s.len - n - 1;
	if (protocol->len == 0 || memchr(protocol->p, '/', protocol->len))
		return -1;
	*port = (uint16_t)v;
	return 0;
}

int
services_parse_line(struct span line, struct services_line *sv)
{
	struct span entry, pp;

	memset(sv, 0, sizeof(*sv));
	comment_split(txt_trim(line), &entry, &sv->comment);
	if (!word_next(&entry, &sv->name))
		return NETDB_BLANK;
	if (!word_next(&entry, &pp) ||
	    port_protocol(pp, &sv->port, &sv->protocol) == -1)
		return NETDB_BAD;
	sv->aliases = txt_trim(entry);
	return NETDB_ENTRY;
}

int
protocols_parse_line(struct span line, struct protocols_line *pr)
{
	struct span entry, num;
	uint64_t v;

	memset(pr, 0, sizeof(*pr));
	comment_split(txt_trim(line), &entry, &pr->comment);
	if (!word_next(&entry, &pr->name))
		return NETDB_BLANK;
	if (!word_next(&entry, &num) || txt_u64(num.p, num.len, &v) == -1 ||
	    v > UINT32_MAX)
		return NETDB_BAD;
	pr->number = (uint32_t)v;
	(void)word_next(&entry, &pr->alias);
	return NETDB_ENTRY;
}

size_t
netdb_join_words(struct span s, char *out, size_t outsz)
{
	struct span w;
	size_t n = 0, take;

	while (word_next(&s, &w) && n + 1 < outsz) {
		if (n > 0) {
			if (outsz - n <= 2)
				break;	/* no room for a word after it */
			out[n++] = ' ';
		}
		take = w.len < outsz - 1 - n ? w.len : outsz - 1 - n;
		memcpy(out + n, w.p, take);
		n += take;
	}
	out[n] = '\0';
	return n;
}
