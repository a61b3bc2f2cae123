/*
 * dpkg's package records, from the stanzas of its status file.
 */
#include <string.h>

#include "deb822.h"
#include "dpkg.h"
#include "words.h"

/* dpkg writes no epoch of 0 ("0:1.2" is "1.2"): drop one that is. */
static struct span
version_without_zero_epoch(struct span v)
{
	const char *colon;
	size_t i, n;

	if (v.len == 0 || (colon = memchr(v.p, ':', v.len)) == NULL)
		return v;
	n = (size_t)(colon - v.p);
	if (n == 0)
		return v;
	for (i = 0; i < n; i++)
		if (v.p[i] != '0')
			return v;
	v.p += n + 1;
	v.len -= n + 1;
	return v;
}

/* The Debian revision: what follows the version's last '-', if any. */
static struct span
version_revision(struct span v)
{
	struct span r = { v.p, 0 };
	size_t i;

	for (i = v.len; i > 0; i--)
		if (v.p[i - 1] == '-') {
			r.p = v.p + i;
			r.len = v.len - i;
			break;
		}
	return r;
}

static void
parse_status(struct span value, struct dpkg_pkg *p)
{
	struct span w = value;

	(void)word_next(&w, &p->want);
	(void)word_next(&w, &p->eflag);
	(void)word_next(&w, &p->state);
}

static void
take(const struct deb822_field *f, const char *name, struct span *dst,
    int *has)
{
	if (!deb822_name_eq(f->name, name))
		return;
	*dst = f->value;
	if (has != NULL)
		*has = 1;
}

int
dpkg_parse_stanza(struct span stanza, struct dpkg_pkg *p)
{
	struct deb822_field f;
	size_t off = 0;
	int has_name = 0;

	memset(p, 0, sizeof(*p));
	while (deb822_next_field(stanza, &off, 0, &f)) {
		take(&f, "Package", &p->name, &has_name);
		take(&f, "Version", &p->version, NULL);
		take(&f, "Architecture", &p->arch, NULL);
		take(&f, "Source", &p->source, &p->has_source);
		take(&f, "Installed-Size", &p->size, &p->has_size);
		take(&f, "Maintainer", &p->maintainer, &p->has_maintainer);
		take(&f, "Section", &p->section, &p->has_section);
		take(&f, "Priority", &p->priority, NULL);
		if (deb822_name_eq(f.name, "Status"))
			parse_status(f.value, p);
	}
	if (!has_name || p->name.len == 0)
		return -1;
	p->version = version_without_zero_epoch(p->version);
	p->revision = version_revision(p->version);
	return 0;
}

int
dpkg_listed(const struct dpkg_pkg *p)
{
	/* A stanza with no Status is not installed, as dpkg reads it. */
	return p->state.len > 0 && !txt_eq(p->state, "not-installed");
}

struct span
dpkg_priority(const struct dpkg_pkg *p)
{
	static const char *const known[] = {
		"required", "important", "standard", "optional", "extra",
	};
	struct span s;
	size_t i;

	if (p->priority.len == 0) {
		s.p = "unknown";
		s.len = strlen(s.p);
		return s;
	}
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (deb822_name_eq(p->priority, known[i])) {
			s.p = known[i];
			s.len = strlen(s.p);
			return s;
		}
	return p->priority;
}

/* Append s (cut to what fits) and a separator to buf at *n. */
static void
append_word(char *buf, size_t len, size_t *n, struct span s, int sep)
{
	size_t k;

	if (sep && *n + 1 < len)
		buf[(*n)++] = ' ';
	k = s.len < len - 1 - *n ? s.len : len - 1 - *n;
	if (k > 0)
		memcpy(buf + *n, s.p, k);
	*n += k;
	buf[*n] = '\0';
}

size_t
dpkg_status_text(const struct dpkg_pkg *p, char *buf, size_t len)
{
	size_t n = 0;

	if (len == 0)
		return 0;
	buf[0] = '\0';
	append_word(buf, len, &n, p->want, 0);
	append_word(buf, len, &n, p->eflag, 1);
	append_word(buf, len, &n, p->state, 1);
	return n;
}

static int
span_eq(struct span a, struct span b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.p, b.p, a.len) == 0);
}

int
dpkg_same_package(const struct dpkg_pkg *a, const struct dpkg_pkg *b)
{
	return span_eq(a->name, b->name) && span_eq(a->arch, b->arch);
}
