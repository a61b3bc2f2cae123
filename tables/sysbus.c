/* Listing a bus's devices through privd; see sysbus.h. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dirlist.h"
#include "pathresolve.h"
#include "sysbus.h"
#include "sysvalue.h"

#define UEVENT_CAP	8192

/* The devices, not the "." entries. */
static int
not_hidden(const char *name, unsigned int d_type)
{
	(void)d_type;
	return name[0] != '.';
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
	if (rc < 0 || target[0] == '\0' ||
	    path_resolve(devices, target, dir, sizeof(dir)) == -1) {
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
	struct dirlist dl;
	size_t i;
	int rc;

	memset(b, 0, sizeof(*b));
	snprintf(devices, sizeof(devices), "/sys/bus/%s/devices", bus);
	rc = dirlist_read(gen_collect(ctx), devices, not_hidden, &dl);
	if (rc == -ENOMEM)
		return -1;
	if (rc < 0 && rc != -ENOENT)
		gen_warn(ctx, "%s: %s", devices, strerror(-rc));
	for (i = 0, rc = 0; i < dl.n && rc != -1; i++) {
		rc = add_device(ctx, devices, dl.v[i].name, b);
		if (rc == 1)
			dl.v[i].name = NULL;	/* the device's now */
	}
	dirlist_free(&dl);
	if (rc == -1) {
		sysbus_free(b);
		return -1;
	}
	return 0;
}

int
sysbus_read(struct gen_ctx *ctx, const char *bus, sysbus_read_fn fn,
    void *arg)
{
	struct sysbus b;
	int rc;

	if (sysbus_list(ctx, bus, &b) == -1)
		return -1;
	rc = fn(ctx, &b, arg);
	sysbus_warn_end(ctx, &b);
	sysbus_free(&b);
	return rc;
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
