/*
 * A pure reader of the boolean EFI variables under efivarfs
 * (SecureBoot, SetupMode): four bytes of attributes, then the value.
 */
#ifndef HOSTQL_TABLES_EFIVAR_H
#define HOSTQL_TABLES_EFIVAR_H

#include <stddef.h>

/* The EFI global variable GUID the boot variables live under. */
#define EFIVAR_GLOBAL_GUID	"8be4df61-93ca-11d2-aa0d-00e098032b8c"
#define EFIVAR_DIR		"/sys/firmware/efi/efivars"

/*
 * The value of a one-byte boolean variable: 0 or 1, -1 for any other
 * byte (osquery's "unknown").  Returns 0, or -1 when the file is not
 * exactly attributes and one byte.
 */
int	efivar_bool(const char *buf, size_t len, int *value);

#endif
