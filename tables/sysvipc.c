/*
 * Parser of /proc/sysvipc/shm.  Fields are found by position, blanks
 * between them; the fourteen the table needs must all be there and be
 * numbers, later ones (rss, swap: newer kernels) are not read.
 */
#include <string.h>

#include "sysvipc.h"
#include "textparse.h"
#include "words.h"

enum {
	F_KEY, F_SHMID, F_PERMS, F_SIZE, F_CPID, F_LPID, F_NATTCH,
	F_UID, F_GID, F_CUID, F_CGID, F_ATIME, F_DTIME, F_CTIME,
	F_NEEDED
};

static int
octal_mode(struct span w, uint32_t *mode)
{
	uint32_t v = 0;
	size_t i;

	if (w.len == 0 || w.len > 7)
		return -1;
	for (i = 0; i < w.len; i++) {
		if (w.p[i] < '0' || w.p[i] > '7')
			return -1;
		v = v << 3 | (uint32_t)(w.p[i] - '0');
	}
	*mode = v;
	return 0;
}

static int
u64_field(struct span w, uint64_t *v)
{
	return txt_u64(w.p, w.len, v);
}

static int
i64_field(struct span w, int64_t *v)
{
	return txt_i64(w.p, w.len, v);
}

static int
store_field(struct sysvipc_shm *s, int n, struct span w)
{
	switch (n) {
	case F_KEY:
		return i64_field(w, &s->key);
	case F_SHMID:
		return i64_field(w, &s->shmid);
	case F_PERMS:
		return octal_mode(w, &s->mode);
	case F_SIZE:
		return u64_field(w, &s->size);
	case F_CPID:
		return i64_field(w, &s->cpid);
	case F_LPID:
		return i64_field(w, &s->lpid);
	case F_NATTCH:
		return u64_field(w, &s->nattch);
	case F_UID:
		return i64_field(w, &s->uid);
	case F_GID:
		return i64_field(w, &s->gid);
	case F_CUID:
		return i64_field(w, &s->cuid);
	case F_CGID:
		return i64_field(w, &s->cgid);
	case F_ATIME:
		return i64_field(w, &s->atime);
	case F_DTIME:
		return i64_field(w, &s->dtime);
	case F_CTIME:
		return i64_field(w, &s->ctime);
	default:
		return 0;
	}
}

/* The header names its columns; its first word is "key". */
static int
is_header(struct span line)
{
	struct span w;

	return word_next(&line, &w) && txt_eq(w, "key");
}

static int
parse_line(struct span line, struct sysvipc_shm *s)
{
	struct span w;
	int n;

	for (n = 0; n < F_NEEDED; n++)
		if (!word_next(&line, &w) || store_field(s, n, w) == -1)
			return -1;
	return 0;
}

int
sysvipc_shm_next(const char *buf, size_t len, size_t *off,
    struct sysvipc_shm *shm)
{
	struct span line;

	memset(shm, 0, sizeof(*shm));
	do {
		if (!txt_next_line(buf, len, off, &line))
			return 0;
	} while (txt_trim(line).len == 0 || is_header(line));
	if (parse_line(line, shm) == -1) {
		memset(shm, 0, sizeof(*shm));
		return -1;
	}
	return 1;
}
