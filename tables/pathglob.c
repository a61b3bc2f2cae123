/*
 * Path patterns with SQL wildcards, and the bounded walk that finds the
 * paths they name.  See pathglob.h for the meaning of a pattern.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "pathglob.h"

/* One directory entry kept between a listing and the walk below it: a
 * listing is finished before the next one starts, as privd serves one
 * request at a time. */
struct entry {
	char		*name;
	unsigned int	 d_type;
};

struct entries {
	struct entry	*v;
	size_t		 n;
	size_t		 cap;
};

struct walk {
	const struct pathglob		*g;
	unsigned int			 flags;
	const struct pathglob_ops	*ops;
	struct pathglob_limits		*lim;
	int				 cut;
	char				 path[PATHGLOB_PATH_MAX];
};

/* What list_matching() hands to its listing callback. */
struct listing {
	struct walk	*w;
	const char	*seg;		/* NULL: take every entry */
	struct entries	*out;
};

#define WALK_OVER	(PATHGLOB_CUT_ENTRIES | PATHGLOB_STOPPED | \
			 PATHGLOB_NOMEM)

void
pathglob_limits_init(struct pathglob_limits *lim)
{
	lim->max_depth = PATHGLOB_MAX_DEPTH;
	lim->max_entries = PATHGLOB_MAX_ENTRIES;
	lim->entries = 0;
}

int
pathglob_is_wild(const char *seg)
{
	return strpbrk(seg, "%_") != NULL;
}

/* Bytes of the UTF-8 character at s: its lead byte and the continuation
 * bytes after it, at most four in all.  A stray byte counts as one. */
static size_t
char_len(const char *s)
{
	size_t n = 1;

	if ((unsigned char)s[0] < 0xc0)
		return 1;
	while (n < 4 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n++;
	return n;
}

/*
 * LIKE within one segment.  Iterative, with one backtracking point (the
 * last '%' seen), so the time is bounded by the product of the lengths
 * whatever the pattern.
 */
int
pathglob_match(const char *p, const char *s)
{
	const char *star_p = NULL, *star_s = NULL;

	while (*s != '\0') {
		if (*p == '%') {
			while (*p == '%')
				p++;
			star_p = p;
			star_s = s;
		} else if (*p == '_') {
			p++;
			s += char_len(s);
		} else if (*p != '\0' && *p == *s) {
			p++;
			s++;
		} else if (star_p != NULL) {
			star_s += char_len(star_s);
			s = star_s;
			p = star_p;
		} else
			return 0;
	}
	while (*p == '%')
		p++;
	return *p == '\0';
}

static int
compile_fail(const char **why, const char *reason)
{
	if (why != NULL)
		*why = reason;
	return -1;
}

void
pathglob_free(struct pathglob *g)
{
	size_t i;

	if (g == NULL)
		return;
	free(g->base);
	for (i = 0; i < g->nsegs; i++)
		free(g->segs[i]);
	free(g->segs);
	memset(g, 0, sizeof(*g));
}

static int
ends_recursive(const char *seg)
{
	size_t len = strlen(seg);

	return len >= 2 && seg[len - 1] == '%' && seg[len - 2] == '%';
}

/* Split body (no trailing '/', a wildcard somewhere) into the segments
 * from the first wild one on; base gets what comes before it. */
static int
split_segments(struct pathglob *g, const char *body)
{
	const char *first, *seg, *slash;
	size_t n = 1, i;

	/* The first wild segment starts after the '/' before the first
	 * wildcard; body starts with '/', so there is one. */
	first = strpbrk(body, "%_");
	while (first[-1] != '/')
		first--;
	if ((g->base = strndup(body, (size_t)(first - 1 - body))) == NULL)
		return -1;
	for (seg = first; (slash = strchr(seg, '/')) != NULL; seg = slash + 1)
		n++;
	if ((g->segs = calloc(n, sizeof(*g->segs))) == NULL)
		return -1;
	for (seg = first, i = 0; i < n; i++) {
		slash = strchr(seg, '/');
		g->segs[i] = strndup(seg, slash != NULL ?
		    (size_t)(slash - seg) : strlen(seg));
		if (g->segs[i] == NULL)
			return -1;
		g->nsegs = i + 1;
		if (slash != NULL)
			seg = slash + 1;
	}
	g->recursive = ends_recursive(g->segs[n - 1]);
	return 0;
}

int
pathglob_compile(const char *pattern, struct pathglob *g, const char **why)
{
	char *body;
	size_t len;
	int rc;

	memset(g, 0, sizeof(*g));
	if (pattern == NULL || *pattern == '\0')
		return compile_fail(why, "empty path pattern");
	if (*pattern != '/')
		return compile_fail(why, "path pattern is not absolute");
	len = strlen(pattern);
	if (len >= PATHGLOB_PATH_MAX)
		return compile_fail(why, "path pattern too long");
	if (!pathglob_is_wild(pattern)) {
		g->literal = 1;
		g->dirs_only = pattern[len - 1] == '/';
		if ((g->base = strdup(pattern)) == NULL)
			return compile_fail(why, "out of memory");
		return 0;
	}
	/* Trailing slashes are kept aside and put back on every path. */
	while (len > 1 && pattern[len - 1] == '/') {
		len--;
		g->dirs_only++;
	}
	if ((body = strndup(pattern, len)) == NULL)
		return compile_fail(why, "out of memory");
	rc = split_segments(g, body);
	free(body);
	if (rc == -1) {
		pathglob_free(g);
		return compile_fail(why, "out of memory");
	}
	return 0;
}

static int
may_be_dir(unsigned int d_type)
{
	return d_type == DT_DIR || d_type == DT_LNK || d_type == DT_UNKNOWN;
}

static void
entries_free(struct entries *e)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		free(e->v[i].name);
	free(e->v);
	memset(e, 0, sizeof(*e));
}

static int
entries_add(struct entries *e, const char *name, unsigned int d_type)
{
	struct entry *v;
	size_t cap;

	if (e->n == e->cap) {
		cap = e->cap ? e->cap * 2 : 32;
		if ((v = reallocarray(e->v, cap, sizeof(*v))) == NULL)
			return -1;
		e->v = v;
		e->cap = cap;
	}
	if ((e->v[e->n].name = strdup(name)) == NULL)
		return -1;
	e->v[e->n++].d_type = d_type;
	return 0;
}

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name,
	    ((const struct entry *)b)->name);
}

static int
on_entry(void *arg, const char *name, unsigned int d_type, uint64_t ino)
{
	struct listing *l = arg;
	struct walk *w = l->w;

	(void)ino;
	if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		return 0;
	if (*name == '\0' || strchr(name, '/') != NULL)
		return 0;	/* not a name a directory can hold */
	if (++w->lim->entries > w->lim->max_entries) {
		w->cut |= PATHGLOB_CUT_ENTRIES;
		return 1;
	}
	if (l->seg != NULL && !pathglob_match(l->seg, name))
		return 0;
	if (entries_add(l->out, name, d_type) == -1) {
		w->cut |= PATHGLOB_NOMEM;
		return 1;
	}
	return 0;
}

/* List the directory path[0..len) ("" is the root), keeping the entries
 * seg matches (all when seg is NULL), sorted by name. */
static void
list_matching(struct walk *w, size_t len, const char *seg,
    struct entries *out)
{
	struct listing l = { w, seg, out };

	w->path[len] = '\0';
	(void)w->ops->list(w->ops->arg, len == 0 ? "/" : w->path, on_entry,
	    &l);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), entry_cmp);
}

/* Append "/" + name to path[0..len); the new length, or 0 when the path
 * would not fit. */
static size_t
path_push(struct walk *w, size_t len, const char *name)
{
	size_t n = strlen(name);

	if (len + 1 + n >= sizeof(w->path)) {
		w->cut |= PATHGLOB_CUT_LENGTH;
		return 0;
	}
	w->path[len] = '/';
	memcpy(w->path + len + 1, name, n + 1);
	return len + 1 + n;
}

/* Hand path[0..len) to emit(), with the pattern's trailing slashes. */
static void
emit_found(struct walk *w, size_t len, unsigned int d_type)
{
	int want_dirs;

	want_dirs = (w->flags & PATHGLOB_DIRS) || w->g->dirs_only;
	if (want_dirs && !may_be_dir(d_type))
		return;
	if (len + (size_t)w->g->dirs_only >= sizeof(w->path)) {
		w->cut |= PATHGLOB_CUT_LENGTH;
		return;
	}
	memset(w->path + len, '/', (size_t)w->g->dirs_only);
	w->path[len + (size_t)w->g->dirs_only] = '\0';
	if (w->ops->emit(w->ops->arg, w->path, d_type) != 0)
		w->cut |= PATHGLOB_STOPPED;
	w->path[len] = '\0';
}

/* Everything below the directory path[0..len), for a trailing "%%".
 * Links are not followed, so a loop of links cannot make it go round. */
static void
walk_all(struct walk *w, size_t len, int depth)
{
	struct entries e = { NULL, 0, 0 };
	size_t i, n;

	if (depth > w->lim->max_depth) {
		w->cut |= PATHGLOB_CUT_DEPTH;
		return;
	}
	list_matching(w, len, NULL, &e);
	for (i = 0; i < e.n && !(w->cut & WALK_OVER); i++) {
		if ((n = path_push(w, len, e.v[i].name)) == 0)
			continue;
		emit_found(w, n, e.v[i].d_type);
		if (e.v[i].d_type == DT_DIR && !(w->cut & WALK_OVER))
			walk_all(w, n, depth + 1);
	}
	entries_free(&e);
}

/* Match segment i and those after it below the directory path[0..len). */
static void
walk_segs(struct walk *w, size_t len, size_t i)
{
	const struct pathglob *g = w->g;
	struct entries e = { NULL, 0, 0 };
	size_t k, n;
	int last;

	if (i == g->nsegs) {
		/* The pattern ended in literal segments: whether the path
		 * is there is for whoever stats it to find out. */
		emit_found(w, len, DT_UNKNOWN);
		return;
	}
	if (!pathglob_is_wild(g->segs[i])) {
		if ((n = path_push(w, len, g->segs[i])) != 0)
			walk_segs(w, n, i + 1);
		return;
	}
	last = i + 1 == g->nsegs;
	list_matching(w, len, g->segs[i], &e);
	for (k = 0; k < e.n && !(w->cut & WALK_OVER); k++) {
		if ((n = path_push(w, len, e.v[k].name)) == 0)
			continue;
		if (!last) {
			if (may_be_dir(e.v[k].d_type))
				walk_segs(w, n, i + 1);
			continue;
		}
		emit_found(w, n, e.v[k].d_type);
		if (g->recursive && e.v[k].d_type == DT_DIR &&
		    !(w->cut & WALK_OVER))
			walk_all(w, n, 1);
	}
	entries_free(&e);
}

int
pathglob_walk(const struct pathglob *g, unsigned int flags,
    const struct pathglob_ops *ops, struct pathglob_limits *lim)
{
	struct walk *w;
	size_t len;
	int cut;

	if (g->literal) {
		if (ops->emit(ops->arg, g->base, DT_UNKNOWN) != 0)
			return PATHGLOB_STOPPED;
		return 0;
	}
	/* The path buffer is too big for a stack the recursion also uses. */
	if ((w = calloc(1, sizeof(*w))) == NULL)
		return PATHGLOB_NOMEM;
	w->g = g;
	w->flags = flags;
	w->ops = ops;
	w->lim = lim;
	len = strlen(g->base);
	memcpy(w->path, g->base, len + 1);
	walk_segs(w, len, 0);
	cut = w->cut;
	free(w);
	return cut;
}

static size_t
strip_trailing_slashes(const char *path)
{
	size_t len = strlen(path);

	while (len > 1 && path[len - 1] == '/')
		len--;
	return len;
}

static int
copy_out(const char *s, size_t n, char *buf, size_t len)
{
	if (n >= len)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return 0;
}

int
pathglob_dirname(const char *path, char *buf, size_t len)
{
	size_t n = strip_trailing_slashes(path);

	/* Back over the last name, then over the slashes before it. */
	while (n > 0 && path[n - 1] != '/')
		n--;
	if (n == 0)
		return copy_out(".", 1, buf, len);
	while (n > 1 && path[n - 1] == '/')
		n--;
	return copy_out(path, n, buf, len);
}

int
pathglob_basename(const char *path, char *buf, size_t len)
{
	size_t end = strip_trailing_slashes(path), start = end;

	if (end == 1 && path[0] == '/')
		return copy_out("/", 1, buf, len);
	while (start > 0 && path[start - 1] != '/')
		start--;
	return copy_out(path + start, end - start, buf, len);
}

int
pathglob_join(const char *dir, const char *name, char *buf, size_t len)
{
	size_t dl = strlen(dir), nl = strlen(name);
	int slash = dl == 0 || dir[dl - 1] != '/';

	if (dl + (size_t)slash + nl >= len)
		return -1;
	memcpy(buf, dir, dl);
	if (slash)
		buf[dl] = '/';
	memcpy(buf + dl + (size_t)slash, name, nl + 1);
	return 0;
}

int
pathglob_canonical(const char *path, char *buf, size_t len, int *dir_only)
{
	const char *seg, *end;
	size_t n = 0, sl;

	*dir_only = 0;
	if (*path != '/' || len < 2)
		return -1;
	for (seg = path; *seg != '\0'; seg = end) {
		while (*seg == '/')
			seg++;
		if (*seg == '\0') {
			*dir_only = n > 0;
			break;
		}
		end = seg + strcspn(seg, "/");
		sl = (size_t)(end - seg);
		if (sl == 1 && seg[0] == '.')
			continue;
		if (sl == 2 && seg[0] == '.' && seg[1] == '.')
			return -1;
		if (n + 1 + sl >= len)
			return -1;
		buf[n++] = '/';
		memcpy(buf + n, seg, sl);
		n += sl;
	}
	if (n == 0)
		buf[n++] = '/';
	buf[n] = '\0';
	return 0;
}
