/*
 * Pure parsers of the key/value text formats the system tables read:
 * shell-style assignments (os-release: KEY="value"), colon-separated
 * lines (cpuinfo, meminfo: "key<tabs>: value") and the kernel's command
 * line (words, some of them name=value).
 */
#ifndef HOSTQL_TABLES_KEYVALUE_H
#define HOSTQL_TABLES_KEYVALUE_H

#include <stddef.h>
#include <stdint.h>

#include "textparse.h"

/*
 * The value of the last KEY=value assignment of key, unquoted ('...'
 * literally, "..." with backslash escapes), written NUL-terminated to out
 * and cut to outsz - 1 bytes.  Returns the length written, or -1 when
 * the key is absent or the value's quotes are not closed.
 */
int	kv_env_value(const char *buf, size_t len, const char *key,
	    char *out, size_t outsz);

/* Split "key : value" into trimmed key and value; -1 without a colon. */
int	kv_colon_split(struct span line, struct span *key, struct span *value);
/* The value of the first line whose key is key; -1 when none. */
int	kv_colon_value(const char *buf, size_t len, const char *key,
	    struct span *value);
/* A meminfo-style "Key:   1234 kB" value in bytes (kB times 1024, or
 * the bare number when there is no unit). */
int	kv_meminfo_bytes(const char *buf, size_t len, const char *key,
	    int64_t *bytes);

/*
 * The kernel command line: the words other than BOOT_IMAGE=..., joined
 * by single spaces into args (room for len + 1 bytes, NUL-terminated),
 * the BOOT_IMAGE value and the root= value (length 0 when absent).
 * Returns the length of args.
 */
size_t	kv_kernel_cmdline(const char *buf, size_t len, char *args,
	    struct span *boot_image, struct span *root);

#endif
