/*
 * The logger's side of the worker's results channel over any messages,
 * without a socket or an event loop: logger/results.c is compiled in
 * here, so that its decoder (take_message) is called directly, and the
 * batch it hands a complete set to is replaced by checks.
 *
 * The input is a list of messages, each a byte that picks the type
 * (RESULT_BEGIN, RESULT_ROWS, RESULT_END or another), a little-endian
 * u16 length and the payload.  As in the logger, the first message
 * refused is a violation and ends the channel.  A set that reaches the
 * batch is whole: a name, a query, known flags, every row with its
 * cells, no more decorations than allowed; nothing is left allocated
 * after the channel ends.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../logger/results.c"
#include "fuzz.h"

/* The batch: a set the decoder finished, to check; a run id with its
 * low bit set is "not stored" (a full disk), as the logger may answer. */
int
batch_result(struct logger *lg, const struct incoming *in)
{
	size_t r, total;
	uint32_t k;
	const char *c;

	(void)lg;
	CHECK(in->active);
	CHECK(in->name != NULL && in->name[0] != '\0' &&
	    strlen(in->name) <= MAX_NAME);
	CHECK(in->sql != NULL && strlen(in->sql) <= MAX_SQL);
	CHECK((in->flags & ~RESULT_FLAGS_KNOWN) == 0);
	CHECK(in->ndec <= MAX_DECORATIONS);
	for (r = 0; r < in->ndec; r++)
		CHECK(in->dec[r].key != NULL && in->dec[r].value != NULL);
	CHECK(in->rows.ncols <= RSET_MAX_COLUMNS);
	CHECK(in->rows.nrows == 0 || in->rows.ncols > 0);
	for (k = 0; k < in->rows.ncols; k++)
		CHECK(in->rows.cols[k] != NULL);
	for (r = 0, total = 0; r < in->rows.nrows; r++)
		for (k = 0; k < in->rows.ncols; k++)
			if ((c = rset_cell(&in->rows, r, k)) != NULL)
				total += strlen(c);
	CHECK(total < (size_t)1 << 32);
	return (in->run_id & 1) ? -1 : 0;
}

void
spool_flush(struct logger *lg)
{
	(void)lg;
}

static void
quiet(void *arg, int level, const char *line)
{
	(void)arg;
	(void)level;
	(void)line;
}

static const uint32_t types[] = { MSG_RESULT_BEGIN, MSG_RESULT_ROWS,
    MSG_RESULT_END, MSG_LOG };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct logger lg;
	static struct msg m;
	size_t len;

	log_set_sink(quiet, NULL);
	memset(&lg.in, 0, sizeof(lg.in));
	lg.privd.fd = -1;
	lg.worker.fd = -1;
	lg.ev_worker = NULL;
	while (size >= 3) {
		memset(&m.hdr, 0, sizeof(m.hdr));
		m.hdr.type = types[data[0] % 4];
		len = (size_t)data[1] | (size_t)data[2] << 8;
		data += 3;
		size -= 3;
		if (len > size)
			len = size;
		if (len > IPC_MAX_PAYLOAD)
			len = IPC_MAX_PAYLOAD;
		m.hdr.len = (uint32_t)len;
		memcpy(m.payload, data, len);
		m.fd = -1;
		data += len;
		size -= len;
		if (take_message(&lg, &m) == -1) {
			violation(&lg, "fuzz");
			CHECK(!lg.in.active && lg.in.name == NULL &&
			    lg.in.rows.cells == NULL);
			break;
		}
	}
	incoming_clear(&lg.in);
	return 0;
}
