/*
 * The configuration parser over any bytes.
 *
 * The input is cut at NUL bytes: the first part is the main config, the
 * second a fragment, and the rest files /f/a.conf, /f/b.conf ... that
 * packs may name by path or by pattern.  Whatever is given, a config
 * comes back only without errors, every message is printable and says
 * where, and a config that comes back holds only what its checks
 * promise: intervals in range, known packs, unique names, splays within
 * their bounds, a stable hash.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../worker/config.h"
#include "fuzz.h"

#define MAX_PARTS	8

struct parts {
	const char	*p[MAX_PARTS];
	size_t		 len[MAX_PARTS];
	size_t		 n;
};

static void
cut(const uint8_t *data, size_t size, struct parts *pt)
{
	const char *s = (const char *)data, *nul;
	size_t left = size;

	pt->n = 0;
	while (pt->n < MAX_PARTS) {
		nul = memchr(s, '\0', left);
		pt->p[pt->n] = s;
		pt->len[pt->n] = nul != NULL ? (size_t)(nul - s) : left;
		pt->n++;
		if (nul == NULL)
			break;
		left -= (size_t)(nul - s) + 1;
		s = nul + 1;
	}
}

/* File i (from 0) of the parts after the two sources: /f/<a+i>.conf. */
static int
file_index(const struct parts *pt, const char *path)
{
	if (strncmp(path, "/f/", 3) != 0 || path[3] < 'a' ||
	    strcmp(path + 4, ".conf") != 0)
		return -1;
	if ((size_t)(path[3] - 'a') + 2 >= pt->n)
		return -1;
	return path[3] - 'a' + 2;
}

static int
fz_read(void *arg, const char *path, char **text, size_t *len)
{
	const struct parts *pt = arg;
	int i;

	if (strcmp(path, "/f") == 0)
		return -EISDIR;
	if ((i = file_index(pt, path)) < 0)
		return -ENOENT;
	if ((*text = malloc(pt->len[i] + 1)) == NULL)
		return -ENOMEM;
	memcpy(*text, pt->p[i], pt->len[i]);
	*len = pt->len[i];
	return 0;
}

static int
fz_list(void *arg, const char *dir, int (*each)(void *, const char *),
    void *each_arg)
{
	const struct parts *pt = arg;
	char name[8];
	size_t i;
	int rc;

	if (strcmp(dir, "/f") != 0)
		return strcmp(dir, "/") == 0 ? each(each_arg, "f") : -ENOENT;
	for (i = 2; i < pt->n; i++) {
		name[0] = (char)('a' + i - 2);
		memcpy(name + 1, ".conf", 6);
		if ((rc = each(each_arg, name)) != 0)
			return rc;
	}
	return each(each_arg, "..");
}

static void
check_msgs(const struct config_msgs *m)
{
	const unsigned char *t;
	size_t i;

	CHECK(m->n <= CONFIG_MAX_MSGS);
	CHECK(m->n <= m->nerrors + m->nwarnings);
	for (i = 0; i < m->n; i++) {
		CHECK(m->v[i].text != NULL && m->v[i].text[0] != '\0');
		CHECK(strstr(m->v[i].text, ": ") != NULL);
		for (t = (const unsigned char *)m->v[i].text; *t != '\0'; t++)
			CHECK(*t >= 0x20 && *t < 0x7f);
	}
}

static void
check_query(const struct config *cfg, const struct config_query *q)
{
	unsigned int lo, hi;

	CHECK(q->name != NULL && q->name[0] != '\0');
	CHECK(q->sql != NULL && q->sql[0] != '\0');
	CHECK(q->interval >= 1 && q->interval <= CONFIG_INTERVAL_MAX);
	CHECK(q->pack < cfg->npacks);
	CHECK(q->shard <= CONFIG_SHARD_MAX);
	CHECK(config_platform_valid(q->platform));
	CHECK(config_version_valid(q->version));
	CHECK(config_query_find(cfg, q->name) == q);
	CHECK(q->source != NULL);
	hi = q->interval + q->interval / 10;
	lo = q->interval - q->interval / 10;
	CHECK(q->splayed_interval >= (lo > 0 ? lo : 1) &&
	    q->splayed_interval <= hi);
}

static void
check_config(struct config *cfg)
{
	struct config_host host = { "fuzz", NULL, 10 };
	const struct config_decorators *d = &cfg->decorators;
	uint64_t next;
	size_t i;

	CHECK(cfg->npacks >= 1);
	CHECK(strcmp(cfg->packs[0].name, CONFIG_MAIN_PACK) == 0);
	CHECK(strlen(cfg->hash) == 64);
	config_resolve(cfg, &host);
	for (i = 0; i < cfg->nqueries; i++) {
		check_query(cfg, &cfg->queries[i]);
		next = config_next_due(cfg->queries[i].splayed_interval,
		    1700000000);
		CHECK(config_due(cfg->queries[i].splayed_interval, next - 1,
		    next));
	}
	for (i = 0; i < d->nintervals; i++) {
		CHECK(d->intervals[i].interval % 60 == 0);
		CHECK(i == 0 ||
		    d->intervals[i - 1].interval < d->intervals[i].interval);
	}
	for (i = 0; i < cfg->noptions; i++)
		CHECK(cfg->options[i].value != NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config_source src[2];
	struct config_msgs m, m2;
	struct config *cfg, *again;
	struct config_io io;
	struct parts pt;
	size_t nsrc;

	cut(data, size, &pt);
	src[0].name = "/etc/hostql/hostqld.conf";
	src[0].text = pt.p[0];
	src[0].len = pt.len[0];
	src[1].name = "/etc/hostql/hostqld.conf.d/a.conf";
	src[1].text = pt.n > 1 ? pt.p[1] : "";
	src[1].len = pt.n > 1 ? pt.len[1] : 0;
	nsrc = pt.n > 1 ? 2 : 1;
	io.read = fz_read;
	io.list = fz_list;
	io.arg = &pt;

	memset(&m, 0, sizeof(m));
	cfg = config_parse(src, nsrc, NULL, &io, &m);
	check_msgs(&m);
	CHECK((cfg == NULL) == (m.nerrors > 0));
	if (cfg != NULL) {
		check_config(cfg);
		/* The same bytes give the same config. */
		memset(&m2, 0, sizeof(m2));
		again = config_parse(src, nsrc, NULL, &io, &m2);
		CHECK(again != NULL && m2.nwarnings == m.nwarnings);
		CHECK(strcmp(again->hash, cfg->hash) == 0);
		CHECK(again->nqueries == cfg->nqueries);
		config_free(again);
		config_msgs_free(&m2);
	}
	config_free(cfg);
	config_msgs_free(&m);
	return 0;
}
