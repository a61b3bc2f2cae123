/*
 * hostql verify: the log files, read through privd (the policy in force
 * names the directory), split into lines and checked by verify_lines.c;
 * the findings go to stdout, the first problem first.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "../ipc/log.h"
#include "../logger/logfile.h"
#include "verify.h"
#include "verify_lines.h"

#define FILE_CAP	((size_t)1 << 30)
#define MAX_ROTATED	100000

struct loaded {
	char		**names;	/* file names, kept for the lines */
	char		**texts;
	size_t		 nfiles;
	struct vline	*lines;
	size_t		 nlines, alines;
	struct vsig	*sigs;
	size_t		 nsigs, asigs;
};

/* The rotation number of name for stream base: 0 for the live file,
 * N for base.N, -1 for another file. */
static long
rotation_of(const char *name, const char *base)
{
	size_t n = strlen(base);
	char *end;
	long v;

	if (strncmp(name, base, n) != 0)
		return -1;
	if (name[n] == '\0')
		return 0;
	if (name[n] != '.' || !isdigit((unsigned char)name[n + 1]))
		return -1;
	v = strtol(name + n + 1, &end, 10);
	return *end == '\0' && v > 0 && v <= MAX_ROTATED ? v : -1;
}

struct listing {
	char	**names;
	size_t	 n;
};

static int
take_name(void *arg, const char *name, unsigned int d_type, uint64_t ino)
{
	struct listing *l = arg;
	char **grown;

	(void)d_type;
	(void)ino;
	if ((grown = realloc(l->names, (l->n + 1) * sizeof(char *))) == NULL)
		return -ENOMEM;
	l->names = grown;
	if ((grown[l->n] = strdup(name)) == NULL)
		return -ENOMEM;
	l->n++;
	return 0;
}

struct rotated {
	long		 rot;
	const char	*name;
};

/* x.log.3, x.log.2, x.log.1, x.log: the order they were written in. */
static int
oldest_first(const void *a, const void *b)
{
	const struct rotated *x = a, *y = b;

	return (x->rot < y->rot) - (x->rot > y->rot);
}

static void
add_line(struct loaded *ld, const char *file, size_t lineno,
    const char *text, size_t len, enum stream s)
{
	if (stream_is_signatures(s)) {
		if (ld->nsigs == ld->asigs) {
			ld->asigs = ld->asigs ? ld->asigs * 2 : 64;
			if ((ld->sigs = realloc(ld->sigs, ld->asigs *
			    sizeof(*ld->sigs))) == NULL)
				fatal("signatures");
		}
		memset(&ld->sigs[ld->nsigs], 0, sizeof(*ld->sigs));
		ld->sigs[ld->nsigs].file = file;
		ld->sigs[ld->nsigs].lineno = lineno;
		vsig_parse(&ld->sigs[ld->nsigs++], text, len);
		return;
	}
	if (ld->nlines == ld->alines) {
		ld->alines = ld->alines ? ld->alines * 2 : 1024;
		if ((ld->lines = realloc(ld->lines, ld->alines *
		    sizeof(*ld->lines))) == NULL)
			fatal("lines");
	}
	memset(&ld->lines[ld->nlines], 0, sizeof(*ld->lines));
	ld->lines[ld->nlines].file = file;
	ld->lines[ld->nlines].stream = s;
	ld->lines[ld->nlines].lineno = lineno;
	ld->lines[ld->nlines].text = text;
	ld->lines[ld->nlines].len = len;
	vline_parse(&ld->lines[ld->nlines++]);
}

static void
split_lines(struct loaded *ld, const char *file, const char *text,
    size_t len, enum stream s)
{
	size_t start = 0, end, lineno = 0;

	while (start < len) {
		for (end = start; end < len && text[end] != '\n'; end++)
			;
		lineno++;
		add_line(ld, file, lineno, text + start, end - start, s);
		start = end + 1;
	}
}

static int
load_file(struct collect *c, struct loaded *ld, const char *dir,
    const char *name, enum stream s)
{
	char path[4096], *text, **grown_n, **grown_t;
	size_t len;
	int rc;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((rc = collect_read_file(c, path, FILE_CAP, &text, &len)) != 0) {
		fprintf(stderr, "hostql verify: %s: %s\n", path, strerror(-rc));
		return -1;
	}
	grown_n = realloc(ld->names, (ld->nfiles + 1) * sizeof(char *));
	grown_t = grown_n == NULL ? NULL : realloc(ld->texts,
	    (ld->nfiles + 1) * sizeof(char *));
	if (grown_n != NULL)
		ld->names = grown_n;
	if (grown_t == NULL || (ld->names[ld->nfiles] = strdup(name)) == NULL)
		fatal("files");
	ld->texts = grown_t;
	ld->texts[ld->nfiles] = text;
	split_lines(ld, ld->names[ld->nfiles], text, len, s);
	ld->nfiles++;
	return 0;
}

/* One stream's files, oldest first. */
static int
load_stream(struct collect *c, struct loaded *ld, const char *dir,
    struct listing *all, enum stream s)
{
	struct rotated *mine;
	size_t i, n = 0;
	long rot;
	int rc = 0;

	if ((mine = calloc(all->n + 1, sizeof(*mine))) == NULL)
		fatal("files");
	for (i = 0; i < all->n; i++)
		if ((rot = rotation_of(all->names[i], stream_file(s))) >= 0) {
			mine[n].rot = rot;
			mine[n++].name = all->names[i];
		}
	qsort(mine, n, sizeof(*mine), oldest_first);
	for (i = 0; i < n && rc == 0; i++)
		rc = load_file(c, ld, dir, mine[i].name, s);
	free(mine);
	return rc;
}

static int
public_key(struct collect *c, const char *arg, unsigned char pk[CHAIN_PK_LEN])
{
	char *text = NULL;
	const char *hex = arg;
	size_t len, used;
	int rc = 0;

	if (strlen(arg) != 2 * CHAIN_PK_LEN) {
		if ((rc = collect_read_file(c, arg, 4096, &text, &len)) != 0) {
			fprintf(stderr, "hostql verify: public key %s: %s\n",
			    arg, strerror(-rc));
			return -1;
		}
		hex = text;
	}
	rc = sodium_hex2bin(pk, CHAIN_PK_LEN, hex, strlen(hex), " \n", &used,
	    NULL);
	free(text);
	if (rc != 0 || used != CHAIN_PK_LEN) {
		fprintf(stderr, "hostql verify: %s is not a public key (64 hex "
		    "digits)\n", arg);
		return -1;
	}
	return 0;
}

static void
report(const struct vresult *r)
{
	size_t i;

	printf("lines: %llu, in verified batches: %llu\n",
	    (unsigned long long)r->nlines, (unsigned long long)r->nsigned);
	if (r->nrotated > 0)
		printf("rotated away: %llu lines of batches older than the "
		    "files kept\n", (unsigned long long)r->nrotated);
	for (i = 0; i < r->nranges; i++)
		printf("verified: seq %llu to %llu\n",
		    (unsigned long long)r->ranges[i][0],
		    (unsigned long long)r->ranges[i][1]);
	if (r->nproblems == 0) {
		printf("OK: every line verifies\n");
		return;
	}
	printf("FAILED: %s\n", r->problems[0].text);
	for (i = 1; i < r->nproblems; i++)
		printf("also: %s\n", r->problems[i].text);
}

static void
loaded_free(struct loaded *ld, struct listing *all)
{
	size_t i;

	for (i = 0; i < ld->nfiles; i++) {
		free(ld->names[i]);
		free(ld->texts[i]);
	}
	for (i = 0; i < all->n; i++)
		free(all->names[i]);
	free(all->names);
	free(ld->names);
	free(ld->texts);
	free(ld->lines);
	free(ld->sigs);
}

int
verify_run(struct collect *c, const char *dir, const char *pubkey)
{
	static const enum stream order[] = { STREAM_RESULTS,
	    STREAM_SNAPSHOTS, STREAM_STATUS, STREAM_SIG_RESULTS,
	    STREAM_SIG_SNAPSHOTS, STREAM_SIG_STATUS };
	unsigned char pk[CHAIN_PK_LEN];
	struct loaded ld;
	struct listing all = { NULL, 0 };
	struct vresult r;
	size_t i;
	int rc;

	memset(&ld, 0, sizeof(ld));
	if (sodium_init() == -1 || public_key(c, pubkey, pk) == -1)
		return 2;
	if ((rc = collect_list_dir(c, dir, take_name, &all)) != 0) {
		fprintf(stderr, "hostql verify: %s: %s\n", dir, strerror(-rc));
		return 2;
	}
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (load_stream(c, &ld, dir, &all, order[i]) == -1) {
			loaded_free(&ld, &all);
			return 2;
		}
	if (verify_lines(ld.lines, ld.nlines, ld.sigs, ld.nsigs, pk, &r) ==
	    -1)
		fatalx("out of memory");
	report(&r);
	rc = r.nproblems == 0 && r.nlines > 0 ? 0 : 1;
	if (r.nlines == 0)
		printf("FAILED: no log lines in %s\n", dir);
	vresult_free(&r);
	loaded_free(&ld, &all);
	return rc;
}
