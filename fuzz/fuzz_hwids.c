/*
 * The pci.ids / usb.ids scanner (tables/hwids.h) on arbitrary text: the
 * first bytes choose the names asked for and the size of the chunks the
 * rest is fed in, as the table's reader feeds a file.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tables/hwids.h"
#include "fuzz.h"

#define NWANTS	4
#define HEAD	(1 + NWANTS * 5)

static uint16_t
u16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hwids h;
	const char *text = (const char *)data + HEAD, *name;
	size_t len, chunk, off = 0, fill = 0, used, n;
	char *win;
	int w[NWANTS], i;

	if (size < HEAD)
		return 0;
	len = size - HEAD;
	chunk = (size_t)data[0] % 64 + 1;
	hwids_init(&h);
	for (i = 0; i < NWANTS; i++) {
		const uint8_t *p = data + 1 + i * 5;

		w[i] = hwids_want(&h, (enum hwids_key)(p[0] % 5), u16(p + 1),
		    u16(p + 3), u16(p + 1), u16(p + 3));
		CHECK(w[i] >= 0);
	}
	if ((win = malloc(chunk)) == NULL)
		return 0;
	while (off < len || fill > 0) {
		n = len - off < chunk - fill ? len - off : chunk - fill;
		memcpy(win + fill, text + off, n);
		fill += n;
		off += n;
		used = hwids_feed(&h, win, fill, off == len);
		CHECK(used <= fill);
		if (used == 0 && fill == chunk && off < len) {
			hwids_discard_line(&h);
			used = fill;
		}
		CHECK(off < len || used == fill);
		memmove(win, win + used, fill - used);
		fill -= used;
	}
	for (i = 0; i < NWANTS; i++)
		if ((name = hwids_name(&h, w[i])) != NULL)
			CHECK(strlen(name) < HWIDS_NAME_MAX && *name != '\0');
	free(win);
	hwids_free(&h);
	return 0;
}
