/*
 * Block device metadata as sysfs and udev write it.  Every value is
 * bounded by the buffer it came from; nothing is trusted to be there.
 */
#include <string.h>

#include "blockdev.h"

/* The value after prefix + key + '=' on the first line that has it. */
static int
line_value(const char *buf, size_t len, const char *prefix,
    const char *key, struct span *value)
{
	size_t off = 0, np = strlen(prefix), nk = strlen(key);
	struct span line;

	while (txt_next_line(buf, len, &off, &line)) {
		if (line.len < np + nk + 1 ||
		    memcmp(line.p, prefix, np) != 0 ||
		    memcmp(line.p + np, key, nk) != 0 ||
		    line.p[np + nk] != '=')
			continue;
		value->p = line.p + np + nk + 1;
		value->len = line.len - np - nk - 1;
		return 0;
	}
	return -1;
}

int
blk_udev_property(const char *buf, size_t len, const char *key,
    struct span *value)
{
	return line_value(buf, len, "E:", key, value);
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

size_t
blk_udev_unescape(struct span s, char *out)
{
	size_t i = 0, n = 0;
	int hi, lo;

	while (i < s.len && s.p[i] != '\0') {
		if (s.p[i] == '\\' && s.len - i >= 4 && s.p[i + 1] == 'x' &&
		    (hi = hexval(s.p[i + 2])) >= 0 &&
		    (lo = hexval(s.p[i + 3])) >= 0) {
			if (hi == 0 && lo == 0)
				break;
			out[n++] = (char)(hi * 16 + lo);
			i += 4;
			continue;
		}
		out[n++] = s.p[i++];
	}
	out[n] = '\0';
	return n;
}

int
blk_devname(const char *kname, char *out, size_t outsz)
{
	size_t i, n = strlen(kname);

	if (n == 0 || sizeof("/dev/") - 1 + n + 1 > outsz)
		return -1;
	memcpy(out, "/dev/", 5);
	for (i = 0; i < n; i++)
		out[5 + i] = kname[i] == '!' ? '/' : kname[i];
	out[5 + n] = '\0';
	return 0;
}

/* cryptsetup's dm uuids that do not encrypt. */
static const char *const not_encrypting[] = {
	"VERITY", "INTEGRITY", "SUBDEV",
};

int
blk_dm_crypt_type(const char *buf, size_t len, struct span *type)
{
	struct span s = { buf, len }, t;
	size_t i;

	s = txt_trim(s);
	if (s.len < 6 || memcmp(s.p, "CRYPT-", 6) != 0)
		return 0;
	t.p = s.p + 6;
	t.len = 0;
	while (t.len < s.len - 6 && t.p[t.len] != '-')
		t.len++;
	if (t.len == 0)
		return 0;
	for (i = 0; i < sizeof(not_encrypting) / sizeof(not_encrypting[0]);
	    i++)
		if (txt_eq(t, not_encrypting[i]))
			return 0;
	*type = t;
	return 1;
}
