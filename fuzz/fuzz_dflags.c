/*
 * The daemon's flags over any bytes.  The input is cut at its first NUL:
 * the part before is a command line (one word a line), the part after a
 * flagfile.  Whatever is given, every value kept fits its flag (a number
 * in its range, a boolean one of the words for true or false), an error
 * is one terminated message, and a flag the command line set keeps the
 * command line's value whatever the flagfile says.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../ipc/flags.h"
#include "fuzz.h"

#define MAX_WORDS	64

static void
check_values(const struct dflag_values *fv)
{
	char err[256];
	struct dflag_values again;
	long long v;
	int i, b;

	dflags_init(&again);
	for (i = 0; i < DF_COUNT; i++) {
		if (fv->v[i] == NULL)
			continue;
		/* What was kept is taken again as it is. */
		CHECK(dflags_set(&again, dflags[i].name, fv->v[i], 1, err,
		    sizeof(err)) == 0);
		if (dflags[i].type == DFLAG_INT) {
			v = dflag_int(fv, (enum dflag_id)i);
			CHECK(v >= dflags[i].min && v <= dflags[i].max);
		} else if (dflags[i].type == DFLAG_BOOL) {
			b = dflag_bool(fv, (enum dflag_id)i);
			CHECK(b == 0 || b == 1);
		}
	}
	dflags_free(&again);
}

/* Cut the command-line part into words, a line each (NUL-terminated
 * copies in buf). */
static int
words(const char *p, size_t len, char *buf, char **argv)
{
	size_t i, start = 0;
	int argc = 1;

	argv[0] = "hostqld";
	memcpy(buf, p, len);
	buf[len] = '\0';
	for (i = 0; i <= len && argc < MAX_WORDS; i++)
		if (i == len || buf[i] == '\n') {
			buf[i] = '\0';
			argv[argc++] = buf + start;
			start = i + 1;
		}
	argv[argc] = NULL;
	return argc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *nul;
	struct dflag_values fv;
	char *argv[MAX_WORDS + 1], *buf, *cli[DF_COUNT], err[256];
	size_t clen;
	int argc, i, rc;

	nul = memchr(text, '\0', size);
	clen = nul != NULL ? (size_t)(nul - text) : 0;
	if ((buf = malloc(clen + 1)) == NULL)
		return 0;
	dflags_init(&fv);
	memset(err, 'x', sizeof(err));
	err[0] = '\0';
	if (nul != NULL) {
		argc = words(text, clen, buf, argv);
		if (dflags_parse_argv(&fv, argc, argv, err, sizeof(err)) == -1)
			CHECK(memchr(err, '\0', sizeof(err)) != NULL &&
			    err[0] != '\0');
		text = nul + 1;
		size -= clen + 1;
	}
	check_values(&fv);
	for (i = 0; i < DF_COUNT; i++)
		cli[i] = fv.from_cli[i] && fv.v[i] ? strdup(fv.v[i]) : NULL;
	rc = dflags_parse_file(&fv, text, size, err, sizeof(err));
	if (rc == -1)
		CHECK(memchr(err, '\0', sizeof(err)) != NULL && err[0] != '\0');
	check_values(&fv);
	for (i = 0; i < DF_COUNT; i++) {
		if (cli[i] != NULL)
			CHECK(fv.v[i] != NULL && strcmp(fv.v[i], cli[i]) == 0);
		free(cli[i]);
	}
	dflags_free(&fv);
	free(buf);
	return 0;
}
