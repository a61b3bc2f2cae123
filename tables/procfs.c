/*
 * Parsers of /proc text.  The stat line is the delicate one: the command
 * name sits between parentheses and may itself hold spaces and ')', so it
 * runs from the first '(' to the last ')' and the numbered fields are
 * counted from there.
 */
#include <string.h>

#include "procfs.h"

/* Numbered fields of /proc/<pid>/stat counted from ppid (field 4). */
enum {
	STATF_PPID = 0,
	STATF_PGRP = 1,
	STATF_SESSION = 2,
	STATF_TTY = 3,
	STATF_MINFLT = 6,
	STATF_MAJFLT = 8,
	STATF_UTIME = 10,
	STATF_STIME = 11,
	STATF_PRIORITY = 14,
	STATF_NICE = 15,
	STATF_THREADS = 16,
	STATF_STARTTIME = 18,
	STATF_VSIZE = 19,
	STATF_RSS = 20,
	STATF_MAX
};

static int
stat_store_field(struct proc_stat *st, int n, struct span f)
{
	switch (n) {
	case STATF_PPID:
		return txt_i64(f.p, f.len, &st->ppid);
	case STATF_PGRP:
		return txt_i64(f.p, f.len, &st->pgrp);
	case STATF_SESSION:
		return txt_i64(f.p, f.len, &st->session);
	case STATF_TTY:
		return txt_i64(f.p, f.len, &st->tty_nr);
	case STATF_MINFLT:
		return txt_u64(f.p, f.len, &st->minflt);
	case STATF_MAJFLT:
		return txt_u64(f.p, f.len, &st->majflt);
	case STATF_UTIME:
		return txt_u64(f.p, f.len, &st->utime);
	case STATF_STIME:
		return txt_u64(f.p, f.len, &st->stime);
	case STATF_PRIORITY:
		return txt_i64(f.p, f.len, &st->priority);
	case STATF_NICE:
		return txt_i64(f.p, f.len, &st->nice);
	case STATF_THREADS:
		return txt_i64(f.p, f.len, &st->threads);
	case STATF_STARTTIME:
		return txt_u64(f.p, f.len, &st->starttime);
	case STATF_VSIZE:
		return txt_u64(f.p, f.len, &st->vsize);
	case STATF_RSS:
		return txt_i64(f.p, f.len, &st->rss);
	default:
		return 0;
	}
}

static int
stat_parse_head(const char *buf, size_t len, struct proc_stat *st,
    const char **rest)
{
	const char *open, *close;
	int64_t pid;
	size_t n;

	open = memchr(buf, '(', len);
	close = memrchr(buf, ')', len);
	if (open == NULL || close == NULL || close < open || open == buf ||
	    open[-1] != ' ')
		return -1;
	if (txt_i64(buf, (size_t)(open - 1 - buf), &pid) == -1 ||
	    pid < 0 || pid > INT32_MAX)
		return -1;
	st->pid = (int32_t)pid;
	n = (size_t)(close - open - 1);
	if (n >= sizeof(st->comm))
		n = sizeof(st->comm) - 1;
	memcpy(st->comm, open + 1, n);
	st->comm[n] = '\0';
	st->comm_len = n;
	/* ") S " then the numbered fields. */
	if ((size_t)(buf + len - close) < 4 || close[1] != ' ' ||
	    close[3] != ' ')
		return -1;
	st->state = close[2];
	*rest = close + 4;
	return 0;
}

/*
 * The fields through starttime must all be there and parse; the line is
 * whole only if starttime is followed by a separator, as a file cut in
 * the middle of that number would otherwise yield a wrong start time.
 * Later fields are optional: a kernel may add or drop them.
 */
int
procfs_parse_stat(const char *buf, size_t len, struct proc_stat *st)
{
	struct span s, f;
	const char *rest;
	int n, ended = 0;

	memset(st, 0, sizeof(*st));
	if (buf == NULL || stat_parse_head(buf, len, st, &rest) == -1)
		return -1;
	s.p = rest;
	s.len = (size_t)(buf + len - rest);
	if (s.len > 0 && s.p[s.len - 1] == '\n') {
		s.len--;
		ended = 1;
	}
	for (n = 0; n < STATF_MAX && txt_next_field(&s, ' ', &f); n++)
		if (stat_store_field(st, n, f) == -1 && n <= STATF_STARTTIME)
			return -1;
	if (n > STATF_STARTTIME + 1 || (n == STATF_STARTTIME + 1 && ended))
		return 0;
	return -1;
}

/* "1000\t1000\t1000\t1000" into four ids; fewer fields leave -1. */
static void
status_parse_ids(struct span v, int64_t ids[4])
{
	struct span f;
	int i;

	for (i = 0; i < 4 && txt_next_field(&v, '\t', &f); i++)
		if (txt_i64(f.p, f.len, &ids[i]) == -1 || ids[i] < 0)
			ids[i] = PROCFS_ID_UNSET;
}

/* "  123456 kB" into 123456. */
static void
status_parse_kb(struct span v, int64_t *out)
{
	uint64_t kb;
	size_t used;

	v = txt_trim(v);
	if (txt_u64_prefix(v.p, v.len, &kb, &used) == 0 &&
	    kb <= (uint64_t)INT64_MAX / 1024)
		*out = (int64_t)kb;
}

static void
status_parse_int(struct span v, int64_t *out)
{
	v = txt_trim(v);
	if (txt_i64(v.p, v.len, out) == -1)
		*out = -1;
}

static void
status_store(struct proc_status *ps, struct span key, struct span v)
{
	if (txt_eq(key, "Name")) {
		/* The name is the rest of the line after one tab; a name
		 * may start or end with a space, so it is not trimmed. */
		if (v.len > 0 && v.p[0] == '\t') {
			v.p++;
			v.len--;
		}
		ps->name = v;
	} else if (txt_eq(key, "Uid"))
		status_parse_ids(txt_trim(v), ps->uid);
	else if (txt_eq(key, "Gid"))
		status_parse_ids(txt_trim(v), ps->gid);
	else if (txt_eq(key, "VmRSS"))
		status_parse_kb(v, &ps->vm_rss_kb);
	else if (txt_eq(key, "VmSize"))
		status_parse_kb(v, &ps->vm_size_kb);
	else if (txt_eq(key, "Threads"))
		status_parse_int(v, &ps->threads);
	else if (txt_eq(key, "Tgid"))
		status_parse_int(v, &ps->tgid);
	else if (txt_eq(key, "PPid"))
		status_parse_int(v, &ps->ppid);
}

int
procfs_parse_status(const char *buf, size_t len, struct proc_status *ps)
{
	struct span line, key;
	const char *colon;
	size_t off = 0;
	int i;

	memset(ps, 0, sizeof(*ps));
	for (i = 0; i < 4; i++)
		ps->uid[i] = ps->gid[i] = PROCFS_ID_UNSET;
	ps->vm_rss_kb = ps->vm_size_kb = -1;
	ps->threads = ps->tgid = ps->ppid = -1;
	while (txt_next_line(buf, len, &off, &line)) {
		colon = memchr(line.p, ':', line.len);
		if (colon == NULL)
			continue;
		key.p = line.p;
		key.len = (size_t)(colon - line.p);
		line.len -= key.len + 1;
		line.p = colon + 1;
		status_store(ps, key, line);
	}
	return 0;
}

int
procfs_parse_io(const char *buf, size_t len, struct proc_io *io)
{
	struct span line, key, v;
	const char *colon;
	size_t off = 0;
	int64_t *dst;

	io->rchar = io->wchar = io->read_bytes = io->write_bytes = -1;
	io->cancelled_write_bytes = -1;
	while (txt_next_line(buf, len, &off, &line)) {
		colon = memchr(line.p, ':', line.len);
		if (colon == NULL)
			continue;
		key.p = line.p;
		key.len = (size_t)(colon - line.p);
		v.p = colon + 1;
		v.len = line.len - key.len - 1;
		v = txt_trim(v);
		if (txt_eq(key, "rchar"))
			dst = &io->rchar;
		else if (txt_eq(key, "wchar"))
			dst = &io->wchar;
		else if (txt_eq(key, "read_bytes"))
			dst = &io->read_bytes;
		else if (txt_eq(key, "write_bytes"))
			dst = &io->write_bytes;
		else if (txt_eq(key, "cancelled_write_bytes"))
			dst = &io->cancelled_write_bytes;
		else
			continue;
		if (txt_i64(v.p, v.len, dst) == -1 || *dst < 0)
			*dst = -1;
	}
	return io->read_bytes == -1 && io->write_bytes == -1 ? -1 : 0;
}

int
procfs_cgroup_unified(const char *buf, size_t len, struct span *path)
{
	struct span line;
	size_t off = 0;

	while (txt_next_line(buf, len, &off, &line)) {
		if (line.len >= 3 && memcmp(line.p, "0::", 3) == 0) {
			path->p = line.p + 3;
			path->len = line.len - 3;
			return 0;
		}
	}
	return -1;
}

size_t
procfs_cmdline_join(const char *buf, size_t len, char *out)
{
	size_t i, start = 0, end = len;

	if (buf == NULL)
		return 0;
	for (i = 0; i < len; i++)
		out[i] = buf[i] == '\0' ? ' ' : buf[i];
	while (start < end && (out[start] == ' ' || out[start] == '\t' ||
	    out[start] == '\n'))
		start++;
	while (end > start && (out[end - 1] == ' ' ||
	    out[end - 1] == '\t' || out[end - 1] == '\n'))
		end--;
	if (start > 0)
		memmove(out, out + start, end - start);
	return end - start;
}

int
procfs_exe_deleted(const char *target, size_t *len)
{
	static const char mark[] = " (deleted)";
	size_t n = sizeof(mark) - 1;

	if (*len < n || memcmp(target + *len - n, mark, n) != 0)
		return 0;
	*len -= n;
	return 1;
}

int
procfs_parse_btime(const char *buf, size_t len, int64_t *btime)
{
	struct span line, v;
	size_t off = 0;

	while (txt_next_line(buf, len, &off, &line)) {
		if (line.len < 6 || memcmp(line.p, "btime ", 6) != 0)
			continue;
		v.p = line.p + 6;
		v.len = line.len - 6;
		v = txt_trim(v);
		if (txt_i64(v.p, v.len, btime) == -1 || *btime < 0)
			return -1;
		return 0;
	}
	return -1;
}

int
procfs_parse_uptime(const char *buf, size_t len, uint64_t *seconds)
{
	size_t used;

	if (buf == NULL || txt_u64_prefix(buf, len, seconds, &used) == -1)
		return -1;
	/* "12345.67 23456.78": digits, then a fraction or a blank. */
	if (used < len && buf[used] != '.' && buf[used] != ' ' &&
	    buf[used] != '\n')
		return -1;
	return 0;
}
