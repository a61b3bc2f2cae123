/*
 * The shell's output modes.  Every mode but pretty streams each row as it
 * comes; pretty keeps the rows of a statement in one buffer, since the
 * width of each column is known only at the end.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "printer.h"

struct printer {
	FILE			*out;
	struct print_opts	 opts;
	int			 ncols;
	char			**names;
	size_t			 nrows;

	/* Pretty: every cell of every row, escaped, one after the other;
	 * cell i starts at off[i] and ends at off[i + 1]. */
	struct outbuf		 cells;
	size_t			*off;
	size_t			 noff;
	size_t			 offcap;
	size_t			*widths;

	struct outbuf		 line;	/* one formatted row */
};

static const char *const mode_names[] = {
	[PRINT_PRETTY] = "pretty",
	[PRINT_LINE] = "line",
	[PRINT_LIST] = "list",
	[PRINT_CSV] = "csv",
	[PRINT_JSON] = "json",
	[PRINT_JSON_PRETTY] = "json_pretty",
};

const char *
print_mode_name(enum print_mode mode)
{
	if ((size_t)mode >= sizeof(mode_names) / sizeof(mode_names[0]))
		return "?";
	return mode_names[mode];
}

int
print_mode_parse(const char *name, enum print_mode *mode)
{
	size_t i;

	for (i = 0; i < sizeof(mode_names) / sizeof(mode_names[0]); i++) {
		if (strcmp(name, mode_names[i]) == 0) {
			*mode = (enum print_mode)i;
			return 0;
		}
	}
	/* sqlite3's and osqueryi's plural spelling. */
	if (strcmp(name, "lines") == 0) {
		*mode = PRINT_LINE;
		return 0;
	}
	return -1;
}

const char *
print_separator(const struct print_opts *opts)
{
	if (opts->separator[0] != '\0')
		return opts->separator;
	return opts->mode == PRINT_CSV ? "," : "|";
}

void
outbuf_init(struct outbuf *b)
{
	memset(b, 0, sizeof(*b));
}

void
outbuf_free(struct outbuf *b)
{
	free(b->data);
	outbuf_init(b);
}

void
outbuf_reset(struct outbuf *b)
{
	b->len = 0;
}

static int
outbuf_grow(struct outbuf *b, size_t more)
{
	size_t cap;
	char *p;

	if (b->failed)
		return -1;
	if (more <= b->cap - b->len)
		return 0;
	if (more > SIZE_MAX / 2 - b->len) {
		b->failed = 1;
		return -1;
	}
	cap = b->cap != 0 ? b->cap : 256;
	while (cap - b->len < more)
		cap *= 2;
	if ((p = realloc(b->data, cap)) == NULL) {
		b->failed = 1;
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

int
outbuf_add(struct outbuf *b, const void *p, size_t len)
{
	if (outbuf_grow(b, len) == -1)
		return -1;
	if (len != 0)
		memcpy(b->data + b->len, p, len);
	b->len += len;
	return 0;
}

int
outbuf_addc(struct outbuf *b, char c)
{
	if (outbuf_grow(b, 1) == -1)
		return -1;
	b->data[b->len++] = c;
	return 0;
}

int
outbuf_adds(struct outbuf *b, const char *s)
{
	return outbuf_add(b, s, strlen(s));
}

int
outbuf_pad(struct outbuf *b, char c, size_t n)
{
	if (outbuf_grow(b, n) == -1)
		return -1;
	memset(b->data + b->len, c, n);
	b->len += n;
	return 0;
}

/*
 * Length of the valid UTF-8 sequence at s (1 to 4) and its code point, or
 * 0 when the bytes there are not one: a stray continuation byte, a cut
 * sequence, an overlong form, a surrogate, or beyond U+10FFFF.
 */
static size_t
utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	size_t n, i;
	uint32_t c, min;

	if (len == 0)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		c &= 0x1f;
		min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		c &= 0x0f;
		min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

/* Terminal columns of one code point; a short table is enough here. */
static size_t
codepoint_width(uint32_t c)
{
	if ((c >= 0x0300 && c <= 0x036f) || (c >= 0x200b && c <= 0x200f) ||
	    (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x1ab0 && c <= 0x1aff) ||
	    (c >= 0x20d0 && c <= 0x20ff))
		return 0;
	if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) ||
	    (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
	    (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd))
		return 2;
	return 1;
}

size_t
text_width(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n, width = 0;
	uint32_t c;

	while (i < len) {
		if ((n = utf8_decode(p + i, len - i, &c)) == 0) {
			width++;
			i++;
			continue;
		}
		width += codepoint_width(c);
		i += n;
	}
	return width;
}

static int
add_hex_escape(struct outbuf *b, const char *prefix, unsigned int v,
    int digits)
{
	static const char hex[] = "0123456789abcdef";
	char tmp[8];
	int i;

	if (outbuf_adds(b, prefix) == -1)
		return -1;
	for (i = digits - 1; i >= 0; i--) {
		tmp[i] = hex[v & 0xf];
		v >>= 4;
	}
	return outbuf_add(b, tmp, (size_t)digits);
}

int
fmt_display(struct outbuf *b, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, start = 0;

	for (i = 0; i < len; i++) {
		if (p[i] >= 0x20 && p[i] != 0x7f)
			continue;
		if (outbuf_add(b, s + start, i - start) == -1)
			return -1;
		start = i + 1;
		switch (p[i]) {
		case '\n':
			outbuf_adds(b, "\\n");
			break;
		case '\t':
			outbuf_adds(b, "\\t");
			break;
		case '\r':
			outbuf_adds(b, "\\r");
			break;
		default:
			add_hex_escape(b, "\\x", p[i], 2);
			break;
		}
	}
	outbuf_add(b, s + start, len - start);
	return b->failed ? -1 : 0;
}

static int
csv_needs_quotes(const char *s, size_t len, const char *sep)
{
	size_t seplen = strlen(sep);

	if (memchr(s, '"', len) != NULL || memchr(s, '\n', len) != NULL ||
	    memchr(s, '\r', len) != NULL)
		return 1;
	return seplen != 0 && memmem(s, len, sep, seplen) != NULL;
}

int
fmt_csv_field(struct outbuf *b, const char *s, size_t len, const char *sep)
{
	const char *q;
	size_t rest;

	if (!csv_needs_quotes(s, len, sep))
		return outbuf_add(b, s, len);
	outbuf_addc(b, '"');
	while ((q = memchr(s, '"', len)) != NULL) {
		rest = (size_t)(q - s) + 1;
		outbuf_add(b, s, rest);
		outbuf_addc(b, '"');
		s += rest;
		len -= rest;
	}
	outbuf_add(b, s, len);
	outbuf_addc(b, '"');
	return b->failed ? -1 : 0;
}

static int
json_escape_byte(struct outbuf *b, unsigned char c)
{
	switch (c) {
	case '"':
		return outbuf_adds(b, "\\\"");
	case '\\':
		return outbuf_adds(b, "\\\\");
	case '\b':
		return outbuf_adds(b, "\\b");
	case '\f':
		return outbuf_adds(b, "\\f");
	case '\n':
		return outbuf_adds(b, "\\n");
	case '\r':
		return outbuf_adds(b, "\\r");
	case '\t':
		return outbuf_adds(b, "\\t");
	default:
		return add_hex_escape(b, "\\u", c, 4);
	}
}

int
fmt_json_string(struct outbuf *b, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, start = 0, n;
	uint32_t c;

	outbuf_addc(b, '"');
	while (i < len) {
		if (p[i] >= 0x20 && p[i] < 0x80 && p[i] != '"' &&
		    p[i] != '\\') {
			i++;
			continue;
		}
		if (p[i] >= 0x80 &&
		    (n = utf8_decode(p + i, len - i, &c)) != 0) {
			i += n;
			continue;
		}
		outbuf_add(b, s + start, i - start);
		if (p[i] >= 0x80)
			outbuf_adds(b, "\\ufffd");
		else
			json_escape_byte(b, p[i]);
		start = ++i;
	}
	outbuf_add(b, s + start, len - start);
	outbuf_addc(b, '"');
	return b->failed ? -1 : 0;
}

struct printer *
printer_new(FILE *out, const struct print_opts *opts)
{
	struct printer *p;

	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	p->out = out;
	p->opts = *opts;
	outbuf_init(&p->cells);
	outbuf_init(&p->line);
	return p;
}

void
printer_free(struct printer *p)
{
	int i;

	if (p == NULL)
		return;
	for (i = 0; i < p->ncols; i++)
		free(p->names[i]);
	free(p->names);
	free(p->off);
	free(p->widths);
	outbuf_free(&p->cells);
	outbuf_free(&p->line);
	free(p);
}

/* Write the line buffer out and empty it. */
static int
flush_line(struct printer *p)
{
	int rv = 0;

	if (p->line.failed)
		rv = -1;
	else if (p->line.len != 0 &&
	    fwrite(p->line.data, 1, p->line.len, p->out) != p->line.len)
		rv = -1;
	outbuf_reset(&p->line);
	return rv;
}

static int
header_wanted(const struct printer *p)
{
	return p->opts.header && p->ncols > 0;
}

static void
format_list_header(struct printer *p)
{
	const char *sep = print_separator(&p->opts);
	int i;

	for (i = 0; i < p->ncols; i++) {
		if (i > 0)
			outbuf_adds(&p->line, sep);
		if (p->opts.mode == PRINT_CSV)
			fmt_csv_field(&p->line, p->names[i],
			    strlen(p->names[i]), sep);
		else
			outbuf_adds(&p->line, p->names[i]);
	}
	outbuf_addc(&p->line, '\n');
}

int
printer_begin(struct printer *p, int ncols, const char *const *names)
{
	int i;

	if (ncols < 0 || p->names != NULL)
		return -1;
	if ((p->names = calloc((size_t)ncols + 1, sizeof(*p->names))) == NULL)
		return -1;
	p->ncols = ncols;
	for (i = 0; i < ncols; i++) {
		if ((p->names[i] = strdup(names[i] != NULL ? names[i] : ""))
		    == NULL)
			return -1;
	}
	switch (p->opts.mode) {
	case PRINT_PRETTY:
		if ((p->widths = calloc((size_t)ncols + 1,
		    sizeof(*p->widths))) == NULL)
			return -1;
		return 0;
	case PRINT_LIST:
	case PRINT_CSV:
		if (header_wanted(p))
			format_list_header(p);
		return flush_line(p);
	case PRINT_JSON:
	case PRINT_JSON_PRETTY:
		outbuf_adds(&p->line, "[");
		return flush_line(p);
	case PRINT_LINE:
		return 0;
	}
	return -1;
}

/* The text of a value as printed: SQL NULL is the nullvalue. */
static void
value_or_null(const struct printer *p, const char *val, size_t len,
    const char **s, size_t *n)
{
	if (val == NULL) {
		*s = p->opts.nullvalue;
		*n = strlen(p->opts.nullvalue);
	} else {
		*s = val;
		*n = len;
	}
}

static int
pretty_keep_cell(struct printer *p, int col, const char *s, size_t n)
{
	size_t start, w;
	size_t *off;

	if (p->noff + 2 > p->offcap) {
		p->offcap = p->offcap != 0 ? p->offcap * 2 : 1024;
		if ((off = reallocarray(p->off, p->offcap,
		    sizeof(*off))) == NULL)
			return -1;
		p->off = off;
	}
	start = p->cells.len;
	if (p->noff == 0)
		p->off[p->noff++] = 0;
	if (fmt_display(&p->cells, s, n) == -1)
		return -1;
	w = text_width(p->cells.data + start, p->cells.len - start);
	if (w > p->widths[col])
		p->widths[col] = w;
	p->off[p->noff++] = p->cells.len;
	return 0;
}

static int
row_pretty(struct printer *p, const char *const *vals, const size_t *lens)
{
	const char *s;
	size_t n;
	int i;

	for (i = 0; i < p->ncols; i++) {
		value_or_null(p, vals[i], lens[i], &s, &n);
		if (pretty_keep_cell(p, i, s, n) == -1)
			return -1;
	}
	return 0;
}

static int
row_line(struct printer *p, const char *const *vals, const size_t *lens)
{
	size_t w = 5, nw;
	const char *s;
	size_t n;
	int i;

	for (i = 0; i < p->ncols; i++) {
		nw = text_width(p->names[i], strlen(p->names[i]));
		if (nw > w)
			w = nw;
	}
	if (p->nrows > 0)
		outbuf_addc(&p->line, '\n');
	for (i = 0; i < p->ncols; i++) {
		value_or_null(p, vals[i], lens[i], &s, &n);
		nw = text_width(p->names[i], strlen(p->names[i]));
		outbuf_pad(&p->line, ' ', w - nw);
		fmt_display(&p->line, p->names[i], strlen(p->names[i]));
		outbuf_adds(&p->line, " = ");
		fmt_display(&p->line, s, n);
		outbuf_addc(&p->line, '\n');
	}
	return flush_line(p);
}

static int
row_list(struct printer *p, const char *const *vals, const size_t *lens)
{
	const char *sep = print_separator(&p->opts);
	const char *s;
	size_t n;
	int i;

	for (i = 0; i < p->ncols; i++) {
		if (i > 0)
			outbuf_adds(&p->line, sep);
		value_or_null(p, vals[i], lens[i], &s, &n);
		/* NULL is the nullvalue as it was given, never quoted. */
		if (p->opts.mode == PRINT_CSV && vals[i] != NULL)
			fmt_csv_field(&p->line, s, n, sep);
		else
			outbuf_add(&p->line, s, n);
	}
	outbuf_addc(&p->line, '\n');
	return flush_line(p);
}

/*
 * osqueryi's JSON: every value a string, NULL as the nullvalue; one
 * object per line in json mode, indented members in json_pretty.
 */
static int
row_json(struct printer *p, const char *const *vals, const size_t *lens)
{
	int pretty = p->opts.mode == PRINT_JSON_PRETTY;
	const char *s;
	size_t n;
	int i;

	outbuf_adds(&p->line, p->nrows > 0 ? ",\n  {" : "\n  {");
	for (i = 0; i < p->ncols; i++) {
		if (i > 0)
			outbuf_addc(&p->line, ',');
		if (pretty)
			outbuf_adds(&p->line, "\n    ");
		fmt_json_string(&p->line, p->names[i], strlen(p->names[i]));
		outbuf_adds(&p->line, pretty ? ": " : ":");
		value_or_null(p, vals[i], lens[i], &s, &n);
		fmt_json_string(&p->line, s, n);
	}
	if (pretty)
		outbuf_adds(&p->line, "\n  ");
	outbuf_addc(&p->line, '}');
	return flush_line(p);
}

int
printer_row(struct printer *p, const char *const *vals, const size_t *lens)
{
	int rv = -1;

	if (p->names == NULL)
		return -1;
	switch (p->opts.mode) {
	case PRINT_PRETTY:
		rv = row_pretty(p, vals, lens);
		break;
	case PRINT_LINE:
		rv = row_line(p, vals, lens);
		break;
	case PRINT_LIST:
	case PRINT_CSV:
		rv = row_list(p, vals, lens);
		break;
	case PRINT_JSON:
	case PRINT_JSON_PRETTY:
		rv = row_json(p, vals, lens);
		break;
	}
	if (rv == 0)
		p->nrows++;
	return rv;
}

static void
pretty_border(struct printer *p)
{
	int i;

	outbuf_addc(&p->line, '+');
	for (i = 0; i < p->ncols; i++) {
		outbuf_pad(&p->line, '-', p->widths[i] + 2);
		outbuf_addc(&p->line, '+');
	}
	outbuf_addc(&p->line, '\n');
}

/* "| cell  | cell |": each cell escaped already, padded to its width. */
static void
pretty_line(struct printer *p, const char *const *cells, const size_t *lens)
{
	size_t w;
	int i;

	for (i = 0; i < p->ncols; i++) {
		outbuf_adds(&p->line, "| ");
		outbuf_add(&p->line, cells[i], lens[i]);
		w = text_width(cells[i], lens[i]);
		outbuf_pad(&p->line, ' ',
		    (w < p->widths[i] ? p->widths[i] - w : 0) + 1);
	}
	outbuf_adds(&p->line, "|\n");
}

static int
pretty_header(struct printer *p)
{
	struct outbuf names;
	const char **cells = NULL;
	size_t *lens = NULL, *off = NULL, w;
	int i, rv = -1;

	outbuf_init(&names);
	cells = calloc((size_t)p->ncols + 1, sizeof(*cells));
	lens = calloc((size_t)p->ncols + 1, sizeof(*lens));
	off = calloc((size_t)p->ncols + 1, sizeof(*off));
	if (cells == NULL || lens == NULL || off == NULL)
		goto out;
	for (i = 0; i < p->ncols; i++) {
		off[i] = names.len;
		if (fmt_display(&names, p->names[i], strlen(p->names[i])) == -1)
			goto out;
		lens[i] = names.len - off[i];
		w = text_width(names.data + off[i], lens[i]);
		if (w > p->widths[i])
			p->widths[i] = w;
	}
	for (i = 0; i < p->ncols; i++)
		cells[i] = names.data + off[i];
	pretty_border(p);
	pretty_line(p, cells, lens);
	rv = 0;
 out:
	free(cells);
	free(lens);
	free(off);
	outbuf_free(&names);
	return rv;
}

/* Like osqueryi, a statement that returned no rows prints nothing. */
static int
end_pretty(struct printer *p)
{
	const char **cells;
	size_t *lens, r, c, k;
	int rv = 0;

	if (p->nrows == 0 || p->ncols == 0)
		return 0;
	if (p->cells.failed)
		return -1;
	if (header_wanted(p) && pretty_header(p) == -1)
		return -1;
	cells = calloc((size_t)p->ncols, sizeof(*cells));
	lens = calloc((size_t)p->ncols, sizeof(*lens));
	if (cells == NULL || lens == NULL) {
		free(cells);
		free(lens);
		return -1;
	}
	pretty_border(p);
	for (r = 0; r < p->nrows && rv == 0; r++) {
		for (c = 0; c < (size_t)p->ncols; c++) {
			k = r * (size_t)p->ncols + c;
			cells[c] = p->cells.data + p->off[k];
			lens[c] = p->off[k + 1] - p->off[k];
		}
		pretty_line(p, cells, lens);
		if (p->line.len > 65536)
			rv = flush_line(p);
	}
	pretty_border(p);
	free(cells);
	free(lens);
	if (flush_line(p) == -1)
		rv = -1;
	return rv;
}

int
printer_end(struct printer *p)
{
	if (p->names == NULL)
		return 0;
	switch (p->opts.mode) {
	case PRINT_PRETTY:
		return end_pretty(p);
	case PRINT_JSON:
	case PRINT_JSON_PRETTY:
		outbuf_adds(&p->line, p->nrows > 0 ? "\n]\n" : "]\n");
		return flush_line(p);
	case PRINT_LINE:
	case PRINT_LIST:
	case PRINT_CSV:
		return 0;
	}
	return -1;
}
