/*
 * resolv.conf with glibc's rules (res_init.c, as in Debian 12's 2.36):
 * a keyword at the start of a line followed by a space or a tab; ';'
 * and '#' lines are comments; the last "domain" or "search" line wins;
 * name servers that do not parse are skipped; options are matched by
 * prefix.  Only the limits of what glibc keeps are applied after the
 * whole file is read, as glibc does.
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <resolv.h>

#include <string.h>

#include "resolv_parse.h"
#include "words.h"

/* Longest token tried as an address; no address in any of inet_aton's
 * forms that glibc would take is longer. */
#define TOKEN_MAX	256

/* The option words and the bits they set, matched by prefix in this
 * order ("single-request-reopen" before "single-request"). */
static const struct {
	const char	*word;
	uint64_t	 bit;
} option_words[] = {
	{ "rotate", RES_ROTATE },
	{ "edns0", RES_USE_EDNS0 },
	{ "single-request-reopen", RES_SNGLKUPREOP },
	{ "single-request", RES_SNGLKUP },
	{ "no_tld_query", RES_NOTLDQUERY },
	{ "no-tld-query", RES_NOTLDQUERY },
	{ "no-reload", RES_NORELOAD },
	{ "use-vc", RES_USEVC },
	{ "trust-ad", RES_TRUSTAD },
	{ "no-aaaa", RES_NOAAAA },
};

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* C's isspace in the C locale, which inet_aton stops at. */
static int
is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Does the line start with keyword and a blank?  The rest after it. */
static int
keyword(struct span line, const char *kw, struct span *rest)
{
	size_t n = strlen(kw);

	if (line.len <= n || memcmp(line.p, kw, n) != 0 ||
	    !is_blank(line.p[n]))
		return 0;
	rest->p = line.p + n;
	rest->len = line.len - n;
	return 1;
}

/* The leading bytes of s up to the first byte of stop (or its end). */
static struct span
token(struct span s, const char *stop)
{
	size_t i;

	for (i = 0; i < s.len && strchr(stop, s.p[i]) == NULL; i++)
		;
	s.len = i;
	return s;
}

/* inet_aton on the whole token, as glibc's __inet_aton_exact. */
static int
aton_exact(struct span s, uint8_t out[4])
{
	char buf[TOKEN_MAX];
	struct in_addr a;
	size_t i;

	if (s.len == 0 || s.len >= sizeof(buf))
		return 0;
	for (i = 0; i < s.len; i++)
		if (is_space(s.p[i]) || s.p[i] == '\0')
			return 0;
	memcpy(buf, s.p, s.len);
	buf[s.len] = '\0';
	if (inet_aton(buf, &a) == 0)
		return 0;
	memcpy(out, &a, 4);
	return 1;
}

static int
pton6(struct span s, uint8_t out[16])
{
	char buf[TOKEN_MAX];

	if (s.len == 0 || s.len >= sizeof(buf) || memchr(s.p, '\0', s.len))
		return 0;
	memcpy(buf, s.p, s.len);
	buf[s.len] = '\0';
	return inet_pton(AF_INET6, buf, out) == 1;
}

/* "nameserver ADDR": IPv4 in any of inet_aton's forms, else IPv6 with
 * an optional "%scope"; the text shown is the address as inet_ntop
 * writes it, and the scope as written. */
static void
line_nameserver(struct resolv_conf *c, struct span rest)
{
	struct resolv_ns *ns;
	struct span addr, scope = { NULL, 0 };
	uint8_t a[16];
	const char *pct;

	if (c->nns == RESOLV_MAXNS)
		return;		/* glibc keeps the first three */
	ns = &c->ns[c->nns];
	addr = token(word_skip_blanks(rest), " \t\n");
	if (aton_exact(addr, a)) {
		ns->family = AF_INET;
		inet_ntop(AF_INET, a, ns->text, sizeof(ns->text));
		c->nns++;
		return;
	}
	if ((pct = memchr(addr.p, '%', addr.len)) != NULL) {
		scope.p = pct;
		scope.len = addr.len - (size_t)(pct - addr.p);
		addr.len = (size_t)(pct - addr.p);
	}
	if (!pton6(addr, a))
		return;
	ns->family = AF_INET6;
	inet_ntop(AF_INET6, a, ns->text, sizeof(ns->text));
	if (scope.len > 0 && scope.len < sizeof(ns->text) - strlen(ns->text))
		strncat(ns->text, scope.p, scope.len);
	c->nns++;
}

/* Keep one more name of the search list while the six slots and
 * glibc's 256 bytes (a NUL each) last: glibc stops at the first name
 * that does not fit rather than cut it. */
static void
search_add(struct resolv_conf *c, struct span name, size_t *room, int *full)
{
	if (*full || c->nsearch == RESOLV_MAXDNSRCH || name.len + 1 > *room) {
		*full = 1;
		return;
	}
	c->search[c->nsearch++] = name;
	*room -= name.len + 1;
}

/* "domain NAME": a search list of that one name. */
static void
line_domain(struct resolv_conf *c, struct span rest)
{
	size_t room = RESOLV_SEARCH_ROOM;
	int full = 0;

	rest = word_skip_blanks(rest);
	if (rest.len == 0)
		return;
	c->nsearch = 0;
	c->search_set = 1;
	search_add(c, token(rest, " \t\n"), &room, &full);
}

/* "search NAME...": the blank-separated names. */
static void
line_search(struct resolv_conf *c, struct span rest)
{
	struct span name;
	size_t room = RESOLV_SEARCH_ROOM;
	int full = 0;

	rest = word_skip_blanks(rest);
	if (rest.len == 0)
		return;
	c->nsearch = 0;
	c->search_set = 1;
	while (rest.len > 0) {
		name = token(rest, " \t");
		rest.p += name.len;
		rest.len -= name.len;
		rest = word_skip_blanks(rest);
		search_add(c, name, &room, &full);
	}
}

/* The classful mask glibc gives a sort list entry without one. */
static void
class_mask(const uint8_t addr[4], uint8_t mask[4])
{
	memset(mask, 0, 4);
	mask[0] = 0xff;
	if (addr[0] >= 128)
		mask[1] = 0xff;
	if (addr[0] >= 192)
		mask[2] = 0xff;
}

static int
sort_stop(char ch)
{
	return ch == '\0' || ch == ';' || (unsigned char)ch > 0x7f ||
	    is_space(ch);
}

/* The length of the part of s that glibc takes as one address of a
 * sort list (masks excluded when with_mask). */
static size_t
sort_token(struct span s, int with_mask)
{
	size_t i;

	for (i = 0; i < s.len && !sort_stop(s.p[i]) &&
	    !(with_mask && (s.p[i] == '/' || s.p[i] == '&')); i++)
		;
	return i;
}

/*
 * "sortlist NET[/MASK]...": masks dotted, as inet_aton reads them.  On
 * bytes glibc's loop would never get past (it hangs on them) the rest
 * of the line is left alone.
 */
static void
line_sortlist(struct resolv_conf *c, struct span rest)
{
	struct resolv_sort e;
	struct span net, mask;

	for (;;) {
		rest = word_skip_blanks(rest);
		if (rest.len == 0 || rest.p[0] == '\n' || rest.p[0] == ';' ||
		    rest.p[0] == '\0')
			return;
		net.p = rest.p;
		net.len = sort_token(rest, 1);
		if (net.len == 0)
			return;
		rest.p += net.len;
		rest.len -= net.len;
		if (!aton_exact(net, e.addr))
			continue;
		class_mask(e.addr, e.mask);
		if (rest.len > 0 && (rest.p[0] == '/' || rest.p[0] == '&')) {
			rest.p++;
			rest.len--;
			mask.p = rest.p;
			mask.len = sort_token(rest, 0);
			rest.p += mask.len;
			rest.len -= mask.len;
			(void)aton_exact(mask, e.mask);
		}
		if (c->nsort < RESOLV_MAXSORT)
			c->sort[c->nsort++] = e;
	}
}

/* "options WORD...": the bits of the words glibc knows. */
static void
line_options(struct resolv_conf *c, struct span rest)
{
	struct span word;
	size_t i, n;

	while ((rest = word_skip_blanks(rest)).len > 0) {
		word = token(rest, " \t");
		for (i = 0; i < sizeof(option_words) /
		    sizeof(option_words[0]); i++) {
			n = strlen(option_words[i].word);
			if (word.len >= n &&
			    memcmp(word.p, option_words[i].word, n) == 0) {
				c->options |= option_words[i].bit;
				break;
			}
		}
		rest.p += word.len;
		rest.len -= word.len;
	}
}

static void
parse_line(struct resolv_conf *c, struct span line)
{
	struct span rest;
	const char *nul;

	/* glibc's string functions end a line at a NUL. */
	if ((nul = memchr(line.p, '\0', line.len)) != NULL)
		line.len = (size_t)(nul - line.p);
	if (line.len == 0 || line.p[0] == ';' || line.p[0] == '#')
		return;
	if (keyword(line, "domain", &rest))
		line_domain(c, rest);
	else if (keyword(line, "search", &rest))
		line_search(c, rest);
	else if (keyword(line, "nameserver", &rest))
		line_nameserver(c, rest);
	else if (keyword(line, "sortlist", &rest))
		line_sortlist(c, rest);
	else if (keyword(line, "options", &rest))
		line_options(c, rest);
}

void
resolv_parse(const char *buf, size_t len, struct resolv_conf *c)
{
	struct span line;
	size_t off = 0;

	memset(c, 0, sizeof(*c));
	c->options = RES_INIT | RES_DEFAULT;
	while (txt_next_line(buf, len, &off, &line))
		parse_line(c, line);
	if (c->nns == 0) {
		c->ns[0].family = AF_INET;
		memcpy(c->ns[0].text, "127.0.0.1", sizeof("127.0.0.1"));
		c->nns = 1;
	}
}

void
resolv_default_search(struct resolv_conf *c, const char *hostname,
    size_t len)
{
	struct span name;
	const char *dot;
	size_t room = RESOLV_SEARCH_ROOM;
	int full = 0;

	if (c->search_set || (dot = memchr(hostname, '.', len)) == NULL)
		return;
	name.p = dot + 1;
	name.len = len - (size_t)(dot + 1 - hostname);
	search_add(c, name, &room, &full);
}

int
resolv_mask_bits(const uint8_t mask[4])
{
	uint32_t m = (uint32_t)mask[0] << 24 | (uint32_t)mask[1] << 16 |
	    (uint32_t)mask[2] << 8 | mask[3];
	int bits = 0;

	while (bits < 32 && (m & (0x80000000u >> bits)))
		bits++;
	if (bits < 32 && (m << bits) != 0)
		return -1;
	return bits;
}
