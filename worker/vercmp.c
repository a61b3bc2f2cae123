/*
 * Version ordering: osquery's generic segments, dpkg, rpm and pacman.
 *
 * The three package managers' rules are written here from their
 * documented behaviour over explicit lengths.  Their own code walks
 * NUL-terminated strings and refuses malformed versions; a collation
 * sees keys with lengths and must order anything, so malformed input
 * takes the path a lenient reading gives it (an epoch that is not a
 * number is no epoch) rather than an error.
 *
 * Character classes are ASCII, as in dpkg, rpm and pacman (the last in
 * the C locale): a byte above 0x7f is neither a letter nor a digit.
 */
#include <string.h>

#include "vercmp.h"

/* A part of a version: epoch, upstream version, revision or release. */
struct vpart {
	const char	*p;
	size_t		 len;
	int		 present;
};

/* One version cut into its three parts. */
struct evr {
	struct vpart	 epoch, version, release;
};

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_alnum(unsigned char c)
{
	return is_digit(c) || is_alpha(c);
}

static int
sign(int v)
{
	return (v > 0) - (v < 0);
}

/* The byte at i, or 0 past the end (as a C string's terminator). */
static unsigned char
at(const char *s, size_t len, size_t i)
{
	return i < len ? (unsigned char)s[i] : 0;
}

/* Byte-wise, a prefix first: strcmp() over spans. */
static int
span_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t n = alen < blen ? alen : blen;
	int c = n > 0 ? memcmp(a, b, n) : 0;

	if (c != 0)
		return sign(c);
	return (alen > blen) - (alen < blen);
}

/* Two runs of digits as numbers, however long: without their leading
 * zeros, the longer is larger, else the bytes decide. */
static int
digits_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	while (alen > 0 && *a == '0') {
		a++;
		alen--;
	}
	while (blen > 0 && *b == '0') {
		b++;
		blen--;
	}
	if (alen != blen)
		return alen > blen ? 1 : -1;
	return span_cmp(a, alen, b, blen);
}

/* ---- osquery's generic order ---- */

static int
generic_delim(unsigned char c)
{
	return c == '~' || c == '-' || c == '^' || c == '.' || c == ':';
}

static size_t
generic_segment(const char *s, size_t len, size_t i)
{
	while (i < len && !generic_delim((unsigned char)s[i]))
		i++;
	return i;
}

int
vercmp_generic(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0, j = 0, ie, je;
	int c;

	for (;;) {
		ie = generic_segment(a, alen, i);
		je = generic_segment(b, blen, j);
		if (ie - i != je - j)
			return ie - i > je - j ? 1 : -1;
		if ((c = span_cmp(a + i, ie - i, b + j, je - j)) != 0)
			return c;
		if (ie == alen || je == blen)
			return (ie < alen) - (je < blen);
		i = ie + 1;
		j = je + 1;
	}
}

/* ---- dpkg ---- */

/* dpkg's weight of a character outside digit runs; 0 for the end and
 * for digits, which end the non-digit run. */
static int
dpkg_order(const char *s, size_t len, size_t i)
{
	unsigned char c;

	if (i >= len)
		return 0;
	c = (unsigned char)s[i];
	if (is_digit(c))
		return 0;
	if (is_alpha(c))
		return c;
	if (c == '~')
		return -1;
	return c + 256;
}

/* dpkg's comparison of an upstream version or a revision: alternate
 * runs of non-digits (by dpkg_order) and digits (numerically). */
static int
dpkg_verrev(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0, j = 0;
	int ac, bc, first_diff;

	while (i < alen || j < blen) {
		first_diff = 0;
		while ((i < alen && !is_digit((unsigned char)a[i])) ||
		    (j < blen && !is_digit((unsigned char)b[j]))) {
			ac = dpkg_order(a, alen, i);
			bc = dpkg_order(b, blen, j);
			if (ac != bc)
				return sign(ac - bc);
			/* Equal weights here are two non-digits, neither
			 * at its end: the loop's condition holds for one
			 * and only non-digits weigh other than 0. */
			i++;
			j++;
		}
		while (i < alen && a[i] == '0')
			i++;
		while (j < blen && b[j] == '0')
			j++;
		while (i < alen && j < blen && is_digit((unsigned char)a[i]) &&
		    is_digit((unsigned char)b[j])) {
			if (first_diff == 0)
				first_diff = (unsigned char)a[i] -
				    (unsigned char)b[j];
			i++;
			j++;
		}
		if (i < alen && is_digit((unsigned char)a[i]))
			return 1;
		if (j < blen && is_digit((unsigned char)b[j]))
			return -1;
		if (first_diff != 0)
			return sign(first_diff);
	}
	return 0;
}

static int
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t';
}

static int
is_space(unsigned char c)
{
	return is_blank(c) || c == '\n' || c == '\r' || c == '\v' ||
	    c == '\f';
}

static int
all_digits(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!is_digit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* The last c in s, or NULL. */
static const char *
last_of(const char *s, size_t len, char c)
{
	while (len > 0) {
		if (s[len - 1] == c)
			return s + len - 1;
		len--;
	}
	return NULL;
}

/*
 * dpkg's reading of a version: blanks around it go; the epoch is what
 * comes before the first ':' when that is a number (dpkg refuses the
 * version otherwise; here the colon then stays in the upstream part);
 * the revision is what follows the last '-' after the epoch.
 */
static void
dpkg_parse(const char *s, size_t len, struct evr *v)
{
	const char *colon, *hyphen;

	memset(v, 0, sizeof(*v));
	while (len > 0 && is_blank((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && is_space((unsigned char)s[len - 1]))
		len--;
	colon = memchr(s, ':', len);
	if (colon != NULL && colon > s && all_digits(s, (size_t)(colon - s))) {
		v->epoch.p = s;
		v->epoch.len = (size_t)(colon - s);
		v->epoch.present = 1;
		len -= (size_t)(colon - s) + 1;
		s = colon + 1;
	}
	hyphen = last_of(s, len, '-');
	v->version.p = s;
	v->version.len = hyphen != NULL ? (size_t)(hyphen - s) : len;
	v->version.present = 1;
	if (hyphen != NULL) {
		v->release.p = hyphen + 1;
		v->release.len = len - (size_t)(hyphen - s) - 1;
		v->release.present = 1;
	}
}

int
vercmp_dpkg(const char *a, size_t alen, const char *b, size_t blen)
{
	struct evr va, vb;
	int c;

	dpkg_parse(a, alen, &va);
	dpkg_parse(b, blen, &vb);
	/* A missing epoch is 0: an empty run of digits is zero. */
	if ((c = digits_cmp(va.epoch.p, va.epoch.len, vb.epoch.p,
	    vb.epoch.len)) != 0)
		return c;
	if ((c = dpkg_verrev(va.version.p, va.version.len, vb.version.p,
	    vb.version.len)) != 0)
		return c;
	return dpkg_verrev(va.release.p, va.release.len, vb.release.p,
	    vb.release.len);
}

/* ---- rpm and pacman ---- */

/*
 * The [epoch:]version[-release] reading rpm and pacman share: leading
 * digits followed by ':' are the epoch (an empty one is "0"), and the
 * release follows the last '-' after them.
 */
static void
evr_parse(const char *s, size_t len, struct evr *v)
{
	const char *hyphen;
	size_t d = 0;

	memset(v, 0, sizeof(*v));
	while (d < len && is_digit((unsigned char)s[d]))
		d++;
	hyphen = last_of(s + d, len - d, '-');
	if (d < len && s[d] == ':') {
		v->epoch.p = d > 0 ? s : "0";
		v->epoch.len = d > 0 ? d : 1;
		v->epoch.present = 1;
		v->version.p = s + d + 1;
	} else
		v->version.p = s;
	v->version.present = 1;
	if (hyphen != NULL) {
		v->version.len = (size_t)(hyphen - v->version.p);
		v->release.p = hyphen + 1;
		v->release.len = (size_t)(s + len - v->release.p);
		v->release.present = 1;
	} else
		v->version.len = (size_t)(s + len - v->version.p);
}

/* The epoch to compare: a missing one is "0" for both managers. */
static struct vpart
evr_epoch(const struct evr *v)
{
	struct vpart zero = { "0", 1, 1 };

	return v->epoch.present ? v->epoch : zero;
}

/* The end of the alphanumeric segment of one kind starting at i. */
static size_t
segment_end(const char *s, size_t len, size_t i, int numeric)
{
	while (i < len && (numeric ? is_digit((unsigned char)s[i]) :
	    is_alpha((unsigned char)s[i])))
		i++;
	return i;
}

/*
 * One segment of each version, at *i and *j, of the kind of a's: 0 and
 * both past it when equal, else the order.  A missing segment of that
 * kind in b makes a numeric segment newer and a letter segment older.
 */
static int
segment_cmp(const char *a, size_t alen, size_t *i, const char *b,
    size_t blen, size_t *j)
{
	int numeric = is_digit((unsigned char)a[*i]), c;
	size_t ie, je;

	ie = segment_end(a, alen, *i, numeric);
	je = segment_end(b, blen, *j, numeric);
	if (je == *j)
		return numeric ? 1 : -1;
	if (numeric)
		c = digits_cmp(a + *i, ie - *i, b + *j, je - *j);
	else
		c = span_cmp(a + *i, ie - *i, b + *j, je - *j);
	*i = ie;
	*j = je;
	return c;
}

/* Separators rpm skips: anything but letters, digits, '~' and '^'. */
static int
rpm_skippable(unsigned char c)
{
	return !is_alnum(c) && c != '~' && c != '^';
}

/* '~' sorts before everything, the end included; '^' sorts after the
 * end but before anything else.  1 when the loop is to go on with i and
 * j past both, else *c has the order (2 when neither is there). */
static int
rpm_tilde_caret(const char *a, size_t alen, size_t *i, const char *b,
    size_t blen, size_t *j, int *c)
{
	unsigned char ca = at(a, alen, *i), cb = at(b, blen, *j);

	*c = 2;
	if (ca == '~' || cb == '~') {
		if (ca != '~')
			*c = 1;
		else if (cb != '~')
			*c = -1;
	} else if (ca == '^' || cb == '^') {
		if (*i >= alen)
			*c = -1;
		else if (*j >= blen)
			*c = 1;
		else if (ca != '^')
			*c = 1;
		else if (cb != '^')
			*c = -1;
	} else
		return 0;
	if (*c != 2)
		return 0;
	(*i)++;
	(*j)++;
	return 1;
}

/* rpmvercmp() of one part. */
static int
rpm_part(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0, j = 0;
	int c;

	if (span_cmp(a, alen, b, blen) == 0)
		return 0;
	while (i < alen || j < blen) {
		while (i < alen && rpm_skippable((unsigned char)a[i]))
			i++;
		while (j < blen && rpm_skippable((unsigned char)b[j]))
			j++;
		if (rpm_tilde_caret(a, alen, &i, b, blen, &j, &c))
			continue;
		if (c != 2)
			return c;
		if (i >= alen || j >= blen)
			break;
		/* Both are at a letter or a digit now. */
		if ((c = segment_cmp(a, alen, &i, b, blen, &j)) != 0)
			return c;
	}
	if (i >= alen && j >= blen)
		return 0;
	return i >= alen ? -1 : 1;
}

int
vercmp_rpm(const char *a, size_t alen, const char *b, size_t blen)
{
	struct evr va, vb;
	struct vpart ea, eb;
	int c;

	evr_parse(a, alen, &va);
	evr_parse(b, blen, &vb);
	ea = evr_epoch(&va);
	eb = evr_epoch(&vb);
	if ((c = rpm_part(ea.p, ea.len, eb.p, eb.len)) != 0)
		return c;
	if ((c = rpm_part(va.version.p, va.version.len, vb.version.p,
	    vb.version.len)) != 0)
		return c;
	/* A release, even an empty one, is newer than none. */
	if (va.release.present && vb.release.present)
		return rpm_part(va.release.p, va.release.len, vb.release.p,
		    vb.release.len);
	return va.release.present - vb.release.present;
}

/* pacman's rpmvercmp(): separators are any run of non-alphanumerics,
 * and runs of different lengths decide. */
static int
arch_part(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0, j = 0, si, sj;
	unsigned char ca, cb;
	int c;

	if (span_cmp(a, alen, b, blen) == 0)
		return 0;
	while (i < alen && j < blen) {
		si = i;
		sj = j;
		while (i < alen && !is_alnum((unsigned char)a[i]))
			i++;
		while (j < blen && !is_alnum((unsigned char)b[j]))
			j++;
		if (i >= alen || j >= blen)
			break;
		if (i - si != j - sj)
			return i - si < j - sj ? -1 : 1;
		if ((c = segment_cmp(a, alen, &i, b, blen, &j)) != 0)
			return c;
	}
	if (i >= alen && j >= blen)
		return 0;
	/* A letter left over never beats the end: 1.0a < 1.0. */
	ca = at(a, alen, i);
	cb = at(b, blen, j);
	if ((i >= alen && !is_alpha(cb)) || is_alpha(ca))
		return -1;
	return 1;
}

int
vercmp_arch(const char *a, size_t alen, const char *b, size_t blen)
{
	struct evr va, vb;
	struct vpart ea, eb;
	int c;

	if (span_cmp(a, alen, b, blen) == 0)
		return 0;
	evr_parse(a, alen, &va);
	evr_parse(b, blen, &vb);
	ea = evr_epoch(&va);
	eb = evr_epoch(&vb);
	if ((c = arch_part(ea.p, ea.len, eb.p, eb.len)) != 0)
		return c;
	if ((c = arch_part(va.version.p, va.version.len, vb.version.p,
	    vb.version.len)) != 0)
		return c;
	if (va.release.present && vb.release.present)
		return arch_part(va.release.p, va.release.len, vb.release.p,
		    vb.release.len);
	return 0;
}

int
vercmp(enum vercmp_kind kind, const char *a, size_t alen, const char *b,
    size_t blen)
{
	switch (kind) {
	case VERCMP_DPKG:
		return vercmp_dpkg(a, alen, b, blen);
	case VERCMP_RPM:
		return vercmp_rpm(a, alen, b, blen);
	case VERCMP_ARCH:
		return vercmp_arch(a, alen, b, blen);
	case VERCMP_GENERIC:
	default:
		return vercmp_generic(a, alen, b, blen);
	}
}
