/*
 * Blank-separated words of a line: the column layout of /proc files
 * (maps, limits, sysvipc, stat) pads its fields with runs of spaces, so
 * a field is a run of non-blank bytes and the blanks between count as
 * one separator.
 */
#ifndef HOSTQL_TABLES_WORDS_H
#define HOSTQL_TABLES_WORDS_H

#include "textparse.h"

/* The next word of *s (after any spaces or tabs), advancing *s past it;
 * 0 when only blanks are left. */
int	word_next(struct span *s, struct span *word);

/* *s without its leading spaces and tabs. */
struct span	word_skip_blanks(struct span s);

#endif
