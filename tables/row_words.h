/*
 * A column holding a list of words (host names, aliases) as osquery
 * shows it: the words of a span joined by single spaces, however the
 * file separated them.
 */
#ifndef HOSTQL_TABLES_ROW_WORDS_H
#define HOSTQL_TABLES_ROW_WORDS_H

#include "table.h"
#include "textparse.h"

/* 0, or -1 when out of memory (the column is then left NULL). */
int	row_words(struct gen_ctx *, int col, struct span);

#endif
