/* The policy: parsing, matching and printing; see policy.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../ipc/catalogue.h"
#include "../ipc/path.h"
#include "policy.h"

#define POLICY_MAX_RULES	512
#define POLICY_MAX_LINE		4096

struct rule {
	int		 allow;		/* 1 allow, 0 deny */
	enum pol_prim	 prim;
	char		*pattern;
	char		*root;		/* literal directory prefix */
	struct pol_terms terms;		/* allow read only */
};

/* Kinds of the primitives that name kinds rather than paths. */
struct kind_set {
	uint32_t	allow, deny;
};

struct policy {
	struct rule	 rules[POLICY_MAX_RULES];
	size_t		 nrules;
	struct kind_set	 kinds[POL_PRIM_MAX];	/* proc, netlink, iptables */
};

static const char *const prim_names[POL_PRIM_MAX] = {
	"read", "list", "stat", "proc", "netlink", "iptables"
};

static int
prim_has_kinds(enum pol_prim prim)
{
	return prim == POL_PROC || prim == POL_NETLINK ||
	    prim == POL_IPTABLES;
}

static unsigned int
kind_max(enum pol_prim prim)
{
	switch (prim) {
	case POL_PROC:
		return PROC_KIND_MAX;
	case POL_NETLINK:
		return NL_KIND_MAX;
	default:
		return IPT_TABLE_MAX;
	}
}

static const char *
kind_name(enum pol_prim prim, unsigned int k)
{
	switch (prim) {
	case POL_PROC:
		return proc_kind_name(k);
	case POL_NETLINK:
		return nl_kind_name(k);
	default:
		return ipt_table_name(k);
	}
}

const char *
pol_prim_name(enum pol_prim p)
{
	return p < POL_PRIM_MAX ? prim_names[p] : "?";
}

int
policy_path_canonical(const char *path)
{
	return ipc_path_canonical(path);
}

/*
 * Match one segment pattern (with '*') against one path segment.  Only the
 * last '*' seen is ever backtracked to: whatever an earlier one could
 * have swallowed, the later one can too.  That keeps the cost at most
 * plen * slen, where trying every split of every '*' was exponential in
 * their number on a path the worker chose.
 */
static int
segment_match(const char *p, size_t plen, const char *s, size_t slen)
{
	size_t pi = 0, si = 0, star = SIZE_MAX, mark = 0;

	while (si < slen) {
		if (pi < plen && p[pi] == '*') {
			star = pi++;
			mark = si;
		} else if (pi < plen && p[pi] == s[si]) {
			pi++;
			si++;
		} else if (star != SIZE_MAX) {
			pi = star + 1;
			si = ++mark;
		} else
			return 0;
	}
	while (pi < plen && p[pi] == '*')
		pi++;
	return pi == plen;
}

static size_t
seglen(const char *s)
{
	const char *e = strchr(s, '/');

	return e != NULL ? (size_t)(e - s) : strlen(s);
}

/* The segment after the one x starts, NULL after the last. */
static const char *
seg_next(const char *x)
{
	size_t n = seglen(x);

	return x[n] == '/' ? x + n + 1 : NULL;
}

static int
is_double_star(const char *p)
{
	return seglen(p) == 2 && p[0] == '*' && p[1] == '*';
}

/*
 * Both point just past a '/'.  '**' is to segments what '*' is to
 * characters, so the same single backtracking point serves: a failed
 * segment makes the last '**' take one more segment.  "/etc/ **" thus
 * names /etc itself as well as what is below it.
 */
static int
segments_match(const char *p, const char *s)
{
	const char *star = NULL, *mark = NULL;
	int starred = 0;

	while (s != NULL) {
		if (p != NULL && is_double_star(p)) {
			starred = 1;
			star = p = seg_next(p);
			mark = s;
		} else if (p != NULL &&
		    segment_match(p, seglen(p), s, seglen(s))) {
			p = seg_next(p);
			s = seg_next(s);
		} else if (starred) {
			p = star;
			s = mark = seg_next(mark);
		} else
			return 0;
	}
	while (p != NULL && is_double_star(p))
		p = seg_next(p);
	return p == NULL;
}

int
policy_pattern_match(const char *pattern, const char *path)
{
	if (pattern[0] != '/' || path[0] != '/')
		return 0;
	if (strcmp(path, "/") == 0)
		return strcmp(pattern, "/") == 0 ||
		    strcmp(pattern, "/**") == 0;
	return segments_match(pattern + 1, path + 1);
}

/* The literal directory a pattern starts with: "/etc/ **" -> "/etc",
 * "/etc/passwd" -> "/etc", "/proc/sys/kernel/x*" -> "/proc/sys/kernel". */
static char *
pattern_root(const char *pattern)
{
	const char *wild = strchr(pattern, '*');
	const char *last;
	size_t n;

	last = wild != NULL ? wild : pattern + strlen(pattern);
	while (last > pattern && *last != '/')
		last--;
	n = (size_t)(last - pattern);
	if (n == 0)
		return strdup("/");
	return strndup(pattern, n);
}

static int
pattern_valid(const char *p)
{
	const char *s;

	if (p[0] != '/' || strlen(p) > IPC_MAX_PATH)
		return 0;
	/* '**' must be a whole segment. */
	for (s = p; (s = strstr(s, "**")) != NULL; s += 2)
		if (s[-1] != '/' || (s[2] != '/' && s[2] != '\0'))
			return 0;
	/* Otherwise it has the form of a canonical path: no empty, "." or
	 * ".." segment, at the end as much as in the middle. */
	return policy_path_canonical(p);
}

static int
kind_bit(const char *word, enum pol_prim prim, uint32_t *bit)
{
	unsigned int k;

	for (k = 0; k < kind_max(prim); k++) {
		if (strcmp(word, kind_name(prim, k)) == 0) {
			*bit = 1u << k;
			return 0;
		}
	}
	return -1;
}

static int
add_word(struct policy *pol, int allow, enum pol_prim prim,
    const char *word, char *err, size_t errlen, int lineno)
{
	struct rule *r;
	uint32_t bit;

	if (prim_has_kinds(prim)) {
		if (kind_bit(word, prim, &bit) == -1) {
			snprintf(err, errlen, "line %d: unknown %s kind '%s'",
			    lineno, pol_prim_name(prim), word);
			return -1;
		}
		if (allow)
			pol->kinds[prim].allow |= bit;
		else
			pol->kinds[prim].deny |= bit;
		return 0;
	}
	if (!pattern_valid(word)) {
		snprintf(err, errlen, "line %d: bad path pattern '%s' (must "
		    "be absolute, '**' a whole segment, no '.' or '..')",
		    lineno, word);
		return -1;
	}
	if (pol->nrules == POLICY_MAX_RULES) {
		snprintf(err, errlen, "line %d: more than %d rules", lineno,
		    POLICY_MAX_RULES);
		return -1;
	}
	r = &pol->rules[pol->nrules];
	r->allow = allow;
	r->prim = prim;
	r->pattern = strdup(word);
	r->root = pattern_root(word);
	if (r->pattern == NULL || r->root == NULL) {
		free(r->pattern);
		free(r->root);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	pol->nrules++;
	return 0;
}

static int
names_something(int allow, enum pol_prim prim, int nwords, int lineno,
    char *err, size_t errlen)
{
	if (nwords > 0)
		return 0;
	snprintf(err, errlen, "line %d: '%s %s' names nothing", lineno,
	    allow ? "allow" : "deny", prim_names[prim]);
	return -1;
}

static int
is_term(const char *word)
{
	return strcmp(word, "limit") == 0 || strcmp(word, "crypt-field") == 0;
}

/* A positive decimal number of at most max. */
static int
term_number(const char *word, uint64_t max, uint64_t *n)
{
	char *end;
	unsigned long long v;

	if (word == NULL || *word < '1' || *word > '9')
		return -1;
	errno = 0;
	v = strtoull(word, &end, 10);
	if (errno != 0 || *end != '\0' || v > max)
		return -1;
	*n = v;
	return 0;
}

/* "limit N" and "crypt-field N" after the patterns of an allow read
 * rule; they apply to the rules [first, nrules) the line added. */
static int
parse_terms(struct policy *pol, int allow, enum pol_prim prim, size_t first,
    char *word, char **save, int lineno, char *err, size_t errlen,
    int nwords)
{
	struct pol_terms t = { 0, 0 };
	uint64_t n;
	size_t i;

	if (!allow || prim != POL_READ) {
		snprintf(err, errlen, "line %d: '%s' is a term of allow read "
		    "rules only", lineno, word);
		return -1;
	}
	if (names_something(allow, prim, nwords, lineno, err, errlen))
		return -1;
	for (; word != NULL; word = strtok_r(NULL, " \t\r", save)) {
		const char *value = strtok_r(NULL, " \t\r", save);
		int limit = strcmp(word, "limit") == 0;

		if (!is_term(word) || term_number(value, limit ?
		    IPC_MAX_READ_CAP : 64, &n) == -1) {
			snprintf(err, errlen, "line %d: expected 'limit BYTES' "
			    "or 'crypt-field N', not '%s %s'", lineno, word,
			    value != NULL ? value : "");
			return -1;
		}
		if (limit)
			t.limit = n;
		else
			t.crypt_field = (unsigned int)n;
	}
	for (i = first; i < pol->nrules; i++)
		pol->rules[i].terms = t;
	return 0;
}

static int
parse_line(struct policy *pol, char *line, int lineno, char *err,
    size_t errlen)
{
	char *save = NULL, *word, *hash;
	int allow, nwords = 0;
	size_t first;
	enum pol_prim prim;

	if ((hash = strchr(line, '#')) != NULL)
		*hash = '\0';
	if ((word = strtok_r(line, " \t\r", &save)) == NULL)
		return 0;
	if (strcmp(word, "allow") == 0)
		allow = 1;
	else if (strcmp(word, "deny") == 0)
		allow = 0;
	else {
		snprintf(err, errlen, "line %d: expected 'allow' or 'deny', "
		    "not '%s'", lineno, word);
		return -1;
	}
	if ((word = strtok_r(NULL, " \t\r", &save)) == NULL) {
		snprintf(err, errlen, "line %d: missing primitive", lineno);
		return -1;
	}
	for (prim = 0; prim < POL_PRIM_MAX; prim++)
		if (strcmp(word, prim_names[prim]) == 0)
			break;
	if (prim == POL_PRIM_MAX) {
		snprintf(err, errlen, "line %d: unknown primitive '%s' (read, "
		    "list, stat, proc, netlink, iptables)", lineno, word);
		return -1;
	}
	first = pol->nrules;
	while ((word = strtok_r(NULL, " \t\r", &save)) != NULL) {
		if (is_term(word))
			return parse_terms(pol, allow, prim, first, word,
			    &save, lineno, err, errlen, nwords);
		if (add_word(pol, allow, prim, word, err, errlen, lineno))
			return -1;
		nwords++;
	}
	return names_something(allow, prim, nwords, lineno, err, errlen);
}

struct policy *
policy_parse(const char *text, size_t len, char *err, size_t errlen)
{
	struct policy *pol;
	char line[POLICY_MAX_LINE];
	size_t start = 0, end, n;
	int lineno = 0;

	if ((pol = calloc(1, sizeof(*pol))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	while (start < len) {
		lineno++;
		for (end = start; end < len && text[end] != '\n'; end++)
			;
		n = end - start;
		if (n >= sizeof(line) || memchr(text + start, '\0', n)) {
			snprintf(err, errlen, "line %d: too long or has a NUL",
			    lineno);
			goto fail;
		}
		memcpy(line, text + start, n);
		line[n] = '\0';
		if (parse_line(pol, line, lineno, err, errlen) == -1)
			goto fail;
		start = end + 1;
	}
	return pol;
fail:
	policy_free(pol);
	return NULL;
}

void
policy_free(struct policy *pol)
{
	size_t i;

	if (pol == NULL)
		return;
	for (i = 0; i < pol->nrules; i++) {
		free(pol->rules[i].pattern);
		free(pol->rules[i].root);
	}
	free(pol);
}

int
policy_denies_path(const struct policy *pol, enum pol_prim prim,
    const char *path)
{
	size_t i;

	for (i = 0; i < pol->nrules; i++)
		if (!pol->rules[i].allow && pol->rules[i].prim == prim &&
		    policy_pattern_match(pol->rules[i].pattern, path))
			return 1;
	return 0;
}

int
policy_allows_path(const struct policy *pol, enum pol_prim prim,
    const char *path, const char **root)
{
	const struct rule *best = NULL;
	size_t i;

	if (!policy_path_canonical(path) ||
	    policy_denies_path(pol, prim, path))
		return 0;
	/* The allow rule with the deepest root confines the most. */
	for (i = 0; i < pol->nrules; i++) {
		const struct rule *r = &pol->rules[i];

		if (!r->allow || r->prim != prim ||
		    !policy_pattern_match(r->pattern, path))
			continue;
		if (best == NULL || strlen(r->root) > strlen(best->root))
			best = r;
	}
	if (best == NULL)
		return 0;
	*root = best->root;
	return 1;
}

int
policy_read_terms(const struct policy *pol, const char *path,
    struct pol_terms *terms)
{
	size_t i;

	for (i = 0; i < pol->nrules; i++) {
		const struct rule *r = &pol->rules[i];

		if (!r->allow || r->prim != POL_READ ||
		    !policy_pattern_match(r->pattern, path))
			continue;
		if (r->terms.limit != 0 && (terms->limit == 0 ||
		    r->terms.limit < terms->limit))
			terms->limit = r->terms.limit;
		if (r->terms.crypt_field != 0 && terms->crypt_field == 0)
			terms->crypt_field = r->terms.crypt_field;
	}
	return terms->limit != 0 || terms->crypt_field != 0;
}

static uint32_t
kinds_allowed(const struct policy *pol, enum pol_prim prim)
{
	return pol->kinds[prim].allow & ~pol->kinds[prim].deny;
}

uint32_t
policy_proc_kinds(const struct policy *pol)
{
	return kinds_allowed(pol, POL_PROC);
}

uint32_t
policy_netlink_kinds(const struct policy *pol)
{
	return kinds_allowed(pol, POL_NETLINK);
}

uint32_t
policy_iptables_tables(const struct policy *pol)
{
	return kinds_allowed(pol, POL_IPTABLES);
}

static void
print_kinds(FILE *fp, const char *action, enum pol_prim prim, uint32_t mask)
{
	unsigned int k;

	if (mask == 0)
		return;
	fprintf(fp, "%s %s", action, prim_names[prim]);
	for (k = 0; k < kind_max(prim); k++)
		if (mask & (1u << k))
			fprintf(fp, " %s", kind_name(prim, k));
	fputc('\n', fp);
}

static void
print_terms(FILE *fp, const struct pol_terms *t)
{
	if (t->limit != 0)
		fprintf(fp, " limit %llu", (unsigned long long)t->limit);
	if (t->crypt_field != 0)
		fprintf(fp, " crypt-field %u", t->crypt_field);
}

void
policy_print(const struct policy *pol, FILE *fp)
{
	enum pol_prim prim;
	size_t i;

	for (i = 0; i < pol->nrules; i++) {
		fprintf(fp, "%s %s %s", pol->rules[i].allow ? "allow" :
		    "deny", prim_names[pol->rules[i].prim],
		    pol->rules[i].pattern);
		print_terms(fp, &pol->rules[i].terms);
		fputc('\n', fp);
	}
	for (prim = 0; prim < POL_PRIM_MAX; prim++) {
		if (!prim_has_kinds(prim))
			continue;
		print_kinds(fp, "allow", prim, pol->kinds[prim].allow);
		print_kinds(fp, "deny", prim, pol->kinds[prim].deny);
	}
}
