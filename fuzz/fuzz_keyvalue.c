/*
 * The key/value parsers (tables/keyvalue.h): os-release assignments,
 * colon-separated lines and the kernel command line, on arbitrary text.
 * The key looked up is the input's first line, so that the fuzzer finds
 * keys that are present, and a few fixed ones besides.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tables/keyvalue.h"
#include "fuzz.h"

static void
lookup(const char *buf, size_t len, const char *key)
{
	char out[64], big[512];
	struct span v;
	int64_t bytes;
	int n;

	if ((n = kv_env_value(buf, len, key, out, sizeof(out))) >= 0) {
		CHECK((size_t)n < sizeof(out) && out[n] == '\0');
	}
	if ((n = kv_env_value(buf, len, key, big, sizeof(big))) >= 0)
		CHECK((size_t)n < sizeof(big) && big[n] == '\0');
	(void)kv_env_value(buf, len, key, out, 1);
	if (kv_colon_value(buf, len, key, &v) == 0)
		fuzz_check_span(v, buf, len);
	(void)kv_meminfo_bytes(buf, len, key, &bytes);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const keys[] = {
		"ID", "VERSION_ID", "PRETTY_NAME", "model name", "MemTotal", "",
	};
	const char *buf = (const char *)data, *nl;
	struct span line, k, v, boot, root;
	size_t i, off = 0, n;
	char *key, *args;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		lookup(buf, size, keys[i]);
	nl = memchr(buf, '\n', size);
	n = nl != NULL ? (size_t)(nl - buf) : size;
	if (n < 64 && (key = strndup(buf, n)) != NULL) {
		lookup(buf, size, key);
		free(key);
	}
	while (txt_next_line(buf, size, &off, &line))
		if (kv_colon_split(line, &k, &v) == 0) {
			fuzz_check_span(k, line.p, line.len);
			fuzz_check_span(v, line.p, line.len);
		}
	if ((args = malloc(size + 1)) != NULL) {
		n = kv_kernel_cmdline(buf, size, args, &boot, &root);
		CHECK(n <= size && args[n] == '\0');
		fuzz_check_span(boot, buf, size);
		fuzz_check_span(root, buf, size);
		free(args);
	}
	return 0;
}
