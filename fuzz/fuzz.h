/* What every harness shares: libFuzzer's entry point and its checks. */
#ifndef HOSTQL_FUZZ_H
#define HOSTQL_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "../tables/textparse.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* A broken promise is a crash the fuzzer keeps. */
#define CHECK(x)	do { if (!(x)) __builtin_trap(); } while (0)

/* A span a parser returned must lie inside the buffer it was cut from. */
static inline void
fuzz_check_span(struct span s, const char *buf, size_t len)
{
	if (s.len == 0)
		return;
	CHECK(s.p >= buf && s.len <= len && (size_t)(s.p - buf) <= len - s.len);
}

#endif
