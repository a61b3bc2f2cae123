/* Listing a bus's devices through privd; see sysbus.h. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysbus.h"
#include "sysfs.h"
#include "sysvalue.h"

#define UEVENT_CAP	8192

struct names {
	char	**v;
	size_t	  n, cap;
	int	  nomem;
};

static int
names_push(void *arg, const char *name, unsigned int d_type, uint64_t ino)
{
	struct names *l = arg;
	char **nv;
	size_t ncap;

	(void)d_type;
	(void)ino;
	if (name[0] == '.')
		return 0;
	if (l->n == l->cap) {
		ncap = l->cap ? l->cap * 2 : 32;
		if ((nv = reallocarray(l->v, ncap, sizeof(*nv))) == NULL) {
			l->nomem = 1;
			return 1;
		}
		l->v = nv;
		l->cap = ncap;
	}
	if ((l->v[l->n] = strdup(name)) == NULL) {
		l->nomem = 1;
		return 1;
	}
	l->n++;
	return 0;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Resolve name's link and keep the device, which then owns name: 1 when
 * kept, 0 when left out, -1 when out of memory. */
static int
add_device(struct gen_ctx *ctx, const char *devices, char *name,
    struct sysbus *b)
{
	char link[PATH_MAX], target[PATH_MAX], dir[PATH_MAX];
	struct sysbus_dev *nv;
	size_t ncap;
	int rc;

	if (snprintf(link, sizeof(link), "%s/%s", devices, name) >=
	    (int)sizeof(link))
		return 0;
	rc = collect_readlink(gen_collect(ctx), link, target, sizeof(target));
	if (rc == -ENOENT)
		return 0;	/* gone since the listing */
	target[sizeof(target) - 1] = '\0';
	if (rc < 0 || sysfs_link_resolve(devices, target, dir,
	    sizeof(dir)) == -1) {
		sysbus_warn(ctx, b, "%s: %s", link, rc < 0 ?
		    strerror(-rc) : "link leads nowhere");
		return 0;
	}
	if (b->n == b->cap) {
		ncap = b->cap ? b->cap * 2 : 16;
		if ((nv = reallocarray(b->v, ncap, sizeof(*nv))) == NULL)
			return -1;
		b->v = nv;
		b->cap = ncap;
	}
	if ((b->v[b->n].dir = strdup(dir)) == NULL)
		return -1;
	b->v[b->n].name = name;
	b->n++;
	return 1;
}

int
sysbus_list(struct gen_ctx *ctx, const char *bus, struct sysbus *b)
{
	char devices[128];
	struct names l;
	size_t i;
	int rc;

	memset(b, 0, sizeof(*b));
	memset(&l, 0, sizeof(l));
	snprintf(devices, sizeof(devices), "/sys/bus/%s/devices", bus);
	rc = collect_list_dir(gen_collect(ctx), devices, names_push, &l);
	if (rc < 0 && rc != -ENOENT)
		gen_warn(ctx, "%s: %s", devices, strerror(-rc));
	if (!l.nomem && l.n > 0)
		qsort(l.v, l.n, sizeof(*l.v), name_cmp);
	for (i = 0; i < l.n && !l.nomem; i++) {
		rc = add_device(ctx, devices, l.v[i], b);
		if (rc == -1)
			l.nomem = 1;
		else if (rc == 1)
			l.v[i] = NULL;
	}
	for (i = 0; i < l.n; i++)
		free(l.v[i]);
	free(l.v);
	if (l.nomem) {
		sysbus_free(b);
		return -1;
	}
	return 0;
}

void
sysbus_warn(struct gen_ctx *ctx, struct sysbus *b, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (b->nwarn++ >= SYSBUS_MAX_WARN)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	gen_warn(ctx, "%s", msg);
}

void
sysbus_warn_end(struct gen_ctx *ctx, struct sysbus *b)
{
	if (b->nwarn > SYSBUS_MAX_WARN)
		gen_warn(ctx, "%u more devices could not be read",
		    b->nwarn - SYSBUS_MAX_WARN);
}

void
sysbus_free(struct sysbus *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		free(b->v[i].name);
		free(b->v[i].dir);
	}
	free(b->v);
	memset(b, 0, sizeof(*b));
}

int
sysbus_uevent(struct gen_ctx *ctx, const struct sysbus_dev *d, char **data,
    size_t *len)
{
	char path[PATH_MAX];

	*data = NULL;
	*len = 0;
	if (snprintf(path, sizeof(path), "%s/uevent", d->dir) >=
	    (int)sizeof(path))
		return -ENAMETOOLONG;
	return collect_read_file(gen_collect(ctx), path, UEVENT_CAP, data,
	    len);
}

int
sysbus_attr(struct gen_ctx *ctx, const struct sysbus_dev *d,
    const char *attr, char *out, size_t outsz)
{
	char path[PATH_MAX];

	if (outsz > 0)
		out[0] = '\0';
	if (snprintf(path, sizeof(path), "%s/%s", d->dir, attr) >=
	    (int)sizeof(path))
		return -ENAMETOOLONG;
	return sysvalue_read(ctx, path, out, outsz);
}
