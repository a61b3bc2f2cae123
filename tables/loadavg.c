/*
 * Parser of /proc/loadavg.  The kernel writes each average as digits, a
 * point and two decimals; they are copied and padded to the six decimals
 * osquery's text has, so no value is rounded on the way.
 */
#include <string.h>

#include "loadavg.h"
#include "textparse.h"
#include "words.h"

#define LOADAVG_DECIMALS	6

static size_t
digit_run(const char *p, size_t len)
{
	size_t n = 0;

	while (n < len && p[n] >= '0' && p[n] <= '9')
		n++;
	return n;
}

/* "I" or "I.F" into "I.FFFFFF"; more than six decimals are cut. */
static int
format_average(struct span w, char out[LOADAVG_TEXT_MAX])
{
	size_t ni, nf = 0, o;
	const char *frac = NULL;

	ni = digit_run(w.p, w.len);
	if (ni == 0 || ni > 20)
		return -1;
	if (ni < w.len) {
		if (w.p[ni] != '.')
			return -1;
		frac = w.p + ni + 1;
		nf = digit_run(frac, w.len - ni - 1);
		if (nf != w.len - ni - 1)
			return -1;
	}
	memcpy(out, w.p, ni);
	o = ni;
	out[o++] = '.';
	if (nf > LOADAVG_DECIMALS)
		nf = LOADAVG_DECIMALS;
	if (nf > 0)
		memcpy(out + o, frac, nf);
	memset(out + o + nf, '0', LOADAVG_DECIMALS - nf);
	o += LOADAVG_DECIMALS;
	out[o] = '\0';
	return 0;
}

int
loadavg_parse(const char *buf, size_t len, char avg[3][LOADAVG_TEXT_MAX])
{
	struct span s, w;
	size_t off = 0;
	int i;

	/* The averages are on the first line. */
	if (txt_next_line(buf, len, &off, &s) == 0)
		return -1;
	for (i = 0; i < 3; i++)
		if (!word_next(&s, &w) || format_average(w, avg[i]) == -1)
			return -1;
	return 0;
}
