/*
 * An address column as osquery shows the kernel's (/proc/iomem,
 * /proc/<pid>/maps): "0x" and the hex digits as the file wrote them.
 */
#ifndef HOSTQL_TABLES_ROW_HEX_H
#define HOSTQL_TABLES_ROW_HEX_H

#include "table.h"
#include "textparse.h"

/* The digits of a 64-bit value at most (16); longer ones leave the
 * column NULL. */
void	row_hex_digits(struct gen_ctx *, int col, struct span digits);

#endif
