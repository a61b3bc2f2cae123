/* A list of words as one column; see row_words.h. */
#include <stdlib.h>

#include "netdb_parse.h"
#include "row_words.h"

int
row_words(struct gen_ctx *ctx, int col, struct span s)
{
	char *text;
	size_t n;

	if ((text = malloc(s.len + 1)) == NULL)
		return -1;
	n = netdb_join_words(s, text, s.len + 1);
	row_textn(ctx, col, text, n);
	free(text);
	return 0;
}
