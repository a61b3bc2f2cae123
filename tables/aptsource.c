/*
 * APT's source lists, in both forms, and the names of its Release files.
 */
#include <string.h>

#include "aptsource.h"
#include "deb822.h"

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The next blank-separated word of *s; a value of a deb822 field may
 * run over several lines, so line ends separate words too. */
static int
next_word(struct span *s, struct span *w)
{
	size_t i = 0, start;

	while (i < s->len && is_space(s->p[i]))
		i++;
	start = i;
	while (i < s->len && !is_space(s->p[i]))
		i++;
	w->p = s->p + start;
	w->len = i - start;
	s->p += i;
	s->len -= i;
	return w->len > 0;
}

/* A URI APT could fetch from: a scheme, then ':'. */
static int
has_scheme(struct span uri)
{
	size_t i;

	for (i = 0; i < uri.len; i++) {
		if (uri.p[i] == ':')
			return i > 0;
		if (!((uri.p[i] >= 'a' && uri.p[i] <= 'z') ||
		    (uri.p[i] >= 'A' && uri.p[i] <= 'Z') ||
		    (uri.p[i] >= '0' && uri.p[i] <= '9') ||
		    (uri.p[i] != '\0' && strchr("+.-", uri.p[i]) != NULL)))
			return 0;
	}
	return 0;
}

/* Skip "[ options ]" after the type of a one-line source. */
static int
skip_options(struct span *s)
{
	const char *close;

	*s = txt_trim(*s);
	if (s->len == 0 || s->p[0] != '[')
		return 0;
	if ((close = memchr(s->p, ']', s->len)) == NULL)
		return -1;
	s->len -= (size_t)(close + 1 - s->p);
	s->p = close + 1;
	return 0;
}

int
apt_parse_line(struct span line, struct apt_source *src)
{
	const char *hash;
	struct span type, rest;

	if (line.p == NULL)
		return -1;
	if ((hash = memchr(line.p, '#', line.len)) != NULL)
		line.len = (size_t)(hash - line.p);
	rest = line;
	if (!next_word(&rest, &type) || !txt_eq(type, "deb") ||
	    skip_options(&rest) == -1 ||
	    !next_word(&rest, &src->uri) || !next_word(&rest, &src->suite) ||
	    !has_scheme(src->uri))
		return -1;
	return 0;
}

static int
has_word(struct span value, const char *word)
{
	struct span w;

	while (next_word(&value, &w))
		if (txt_eq(w, word))
			return 1;
	return 0;
}

/* APT's booleans; anything it would not take counts as true, as the
 * field only ever turns a source off. */
static int
disabled(struct span v)
{
	static const char *const no[] = {
		"no", "false", "without", "off", "disable", "0",
	};
	size_t i;

	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (deb822_name_eq(v, no[i]))
			return 1;
	return 0;
}

int
apt_parse_stanza(struct span stanza, apt_source_fn fn, void *arg)
{
	struct deb822_field types, enabled, uris, suites;
	struct span ulist, slist, uri, suite;
	struct apt_source src;
	int rc;

	if (deb822_find(stanza, "Types", DEB822_COMMENTS, &types) == -1 ||
	    !has_word(types.full, "deb"))
		return 0;
	if (deb822_find(stanza, "Enabled", DEB822_COMMENTS, &enabled) == 0 &&
	    disabled(enabled.value))
		return 0;
	if (deb822_find(stanza, "URIs", DEB822_COMMENTS, &uris) == -1 ||
	    deb822_find(stanza, "Suites", DEB822_COMMENTS, &suites) == -1)
		return 0;
	ulist = uris.full;
	while (next_word(&ulist, &uri)) {
		if (!has_scheme(uri))
			continue;
		slist = suites.full;
		while (next_word(&slist, &suite)) {
			src.uri = uri;
			src.suite = suite;
			if ((rc = fn(arg, &src)) != 0)
				return rc;
		}
	}
	return 0;
}

struct span
apt_base_uri(const struct apt_source *src)
{
	struct span u = src->uri;

	while (u.len > 0 && u.p[u.len - 1] == '/')
		u.len--;
	return u;
}

/* The URI after "scheme:" and the "//" of an authority. */
static struct span
after_scheme(struct span u)
{
	const char *colon = memchr(u.p, ':', u.len);

	if (colon == NULL)
		return u;
	u.len -= (size_t)(colon + 1 - u.p);
	u.p = colon + 1;
	if (u.len >= 2 && u.p[0] == '/' && u.p[1] == '/') {
		u.p += 2;
		u.len -= 2;
	}
	return u;
}

/* A bounded writer into a caller's buffer. */
struct out {
	char	*buf;
	size_t	 len;
	size_t	 n;
	int	 full;
};

static void
put(struct out *o, const char *s, size_t n)
{
	if (o->full || n >= o->len - o->n) {
		o->full = 1;
		return;
	}
	if (n > 0)
		memcpy(o->buf + o->n, s, n);
	o->n += n;
	o->buf[o->n] = '\0';
}

static int
out_end(struct out *o)
{
	return o->full ? -1 : 0;
}

int
apt_source_name(const struct apt_source *src, char *buf, size_t len)
{
	struct out o = { buf, len, 0, 0 };
	struct span base = after_scheme(apt_base_uri(src));

	if (len == 0)
		return -1;
	buf[0] = '\0';
	put(&o, base.p, base.len);
	put(&o, " ", 1);
	put(&o, src->suite.p, src->suite.len);
	return out_end(&o);
}

/* One byte of a URI as APT writes it into a file name. */
static void
put_quoted(struct out *o, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char q[3] = { '%', hex[c >> 4], hex[c & 15] };

	if (c == '/')
		put(o, "_", 1);
	else if (c <= 0x20 || c >= 0x7f || strchr("\\|{}[]<>\"^~_=!@#$%&*",
	    c) != NULL)
		put(o, q, 3);
	else
		put(o, (const char *)&c, 1);
}

static void
put_uri(struct out *o, struct span s)
{
	size_t i;

	for (i = 0; i < s.len; i++)
		put_quoted(o, (unsigned char)s.p[i]);
}

/* Does the URI name an authority ("scheme://host/...")? */
static int
has_authority(struct span uri)
{
	const char *colon = memchr(uri.p, ':', uri.len);
	size_t rest;

	if (colon == NULL)
		return 0;
	rest = uri.len - (size_t)(colon + 1 - uri.p);
	return rest >= 2 && colon[1] == '/' && colon[2] == '/';
}

/* host[:port]/path of a URI, without its scheme and user. */
static void
put_site(struct out *o, struct span uri)
{
	const char *slash, *at;
	struct span host, path;

	if (!has_authority(uri)) {
		put_uri(o, after_scheme(uri));
		return;
	}
	uri = after_scheme(uri);
	slash = memchr(uri.p, '/', uri.len);
	host.p = uri.p;
	host.len = slash != NULL ? (size_t)(slash - uri.p) : uri.len;
	path.p = host.p + host.len;
	path.len = uri.len - host.len;
	/* Drop "user:password@". */
	for (at = host.p + host.len; at > host.p && at[-1] != '@'; at--)
		;
	if (at > host.p) {
		host.len -= (size_t)(at - host.p);
		host.p = at;
	}
	put_uri(o, host);
	put_uri(o, path);
}

int
apt_lists_prefix(const struct apt_source *src, char *buf, size_t len)
{
	struct out o = { buf, len, 0, 0 };
	struct span s = src->suite;
	int flat = s.len > 0 && s.p[s.len - 1] == '/';

	if (len == 0)
		return -1;
	buf[0] = '\0';
	put_site(&o, src->uri);
	if (src->uri.len == 0 || src->uri.p[src->uri.len - 1] != '/')
		put(&o, "_", 1);
	if (flat) {
		if (!txt_eq(s, "/"))
			put_uri(&o, s);
	} else {
		put(&o, "dists_", 6);
		put_uri(&o, s);
		put(&o, "_", 1);
	}
	return out_end(&o);
}

static int
take(struct span stanza, const char *name, struct span *v, int *has)
{
	struct deb822_field f;

	if (deb822_find(stanza, name, 0, &f) == -1)
		return 0;
	*v = f.value;
	*has = 1;
	return 1;
}

int
apt_parse_release(const char *buf, size_t len, struct apt_release *r)
{
	struct deb822_field f;
	struct span stanza;
	size_t off = 0;
	int n;

	while (deb822_next_stanza(buf, len, &off, &stanza)) {
		memset(r, 0, sizeof(*r));
		n = take(stanza, "Origin", &r->origin, &r->has_origin);
		n += take(stanza, "Codename", &r->codename, &r->has_codename);
		n += take(stanza, "Version", &r->version, &r->has_version);
		n += take(stanza, "Components", &r->components,
		    &r->has_components);
		n += take(stanza, "Architectures", &r->architectures,
		    &r->has_architectures);
		if (n > 0 || deb822_find(stanza, "Suite", 0, &f) == 0 ||
		    deb822_find(stanza, "Label", 0, &f) == 0)
			return 0;
	}
	memset(r, 0, sizeof(*r));
	return -1;
}
