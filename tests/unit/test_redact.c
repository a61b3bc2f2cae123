/*
 * privd's crypt-field redaction: what leaves privd of a shadow file keeps
 * every line, every other field and the lock marks, and of a hash only its
 * method; nothing of a hash survives in any shape of input.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../privd/privd.h"

/* Redact field of a copy of in and compare with want. */
static void
redacts_to(const char *in, unsigned int field, const char *want)
{
	size_t len = strlen(in);
	char *buf = malloc(len + 1);

	ck_assert_ptr_nonnull(buf);
	memcpy(buf, in, len);
	len = redact_crypt_field(buf, len, field);
	ck_assert_msg(len == strlen(want) && memcmp(buf, want, len) == 0,
	    "'%s' gave '%.*s', want '%s'", in, (int)len, buf, want);
	free(buf);
}

START_TEST(redact_methods)
{
	redacts_to("root:$y$j9T$PaLt$Hash/abc:19000:0:99999:7:::\n", 2,
	    "root:$y$:19000:0:99999:7:::\n");
	redacts_to("a:$6$salt$hash:1::::::\n", 2, "a:$6$:1::::::\n");
	redacts_to("a:$2b$10$abcdefghijk:1::\n", 2, "a:$2b$:1::\n");
	redacts_to("a:!$6$salt$hash:1:\n", 2, "a:!$6$:1:\n");
	redacts_to("a:!!:1:\n", 2, "a:!!:1:\n");
	redacts_to("a:*:1:\n", 2, "a:*:1:\n");
	redacts_to("a:!*:1:\n", 2, "a:!*:1:\n");
	redacts_to("a::1:\n", 2, "a::1:\n");
}
END_TEST

START_TEST(redact_no_method)
{
	/* DES and other hashes without a "$id$" become one 'x'. */
	redacts_to("a:abJnggxhB/yWI:1:\n", 2, "a:x:1:\n");
	redacts_to("a:!abJnggxhB/yWI:1:\n", 2, "a:!x:1:\n");
	/* A '$' with no closing '$' is not a method either. */
	redacts_to("a:$6salthash:1:\n", 2, "a:x:1:\n");
	redacts_to("a:$:1\n", 2, "a:x:1\n");
}
END_TEST

START_TEST(redact_shapes)
{
	/* No trailing newline, the last field, missing fields, empty
	 * lines, CRs kept as data, other fields untouched. */
	redacts_to("a:$6$s$h", 2, "a:$6$");
	redacts_to("a:$6$s$h\nb:$1$s$h\n", 2, "a:$6$\nb:$1$\n");
	redacts_to("nofields\n\n:\n", 2, "nofields\n\n:\n");
	redacts_to("a:$6$s$h\r\n", 2, "a:$6$\n");
	redacts_to("a:b:$6$s$h:d\n", 3, "a:b:$6$:d\n");
	redacts_to("a:$6$s$h:d\n", 1, "x:$6$s$h:d\n");
	redacts_to("", 2, "");
}
END_TEST

/* Is a redacted field of the one allowed shape: [!*]* then "$id$", "x"
 * or nothing? */
static int
field_is_clean(const char *f, size_t n)
{
	size_t i = 0;
	const char *close;

	while (i < n && (f[i] == '!' || f[i] == '*'))
		i++;
	if (i == n)
		return 1;
	if (f[i] == 'x')
		return i + 1 == n;
	if (f[i] != '$' || i + 1 == n)
		return 0;
	close = memchr(f + i + 1, '$', n - i - 1);
	return close == f + n - 1;
}

/* Whatever the input, each line's second field comes out clean. */
START_TEST(redact_never_leaks)
{
	static const char alphabet[] = "$!*:x\nab";
	char buf[32], copy[32], *line, *nl, *f;
	unsigned int seed = 1, round;
	size_t i, len, orig;

	for (round = 0; round < 20000; round++) {
		len = (size_t)(rand_r(&seed) % 24);
		for (i = 0; i < len; i++)
			buf[i] = alphabet[rand_r(&seed) %
			    (sizeof(alphabet) - 1)];
		memcpy(copy, buf, len);
		orig = len;
		len = redact_crypt_field(buf, len, 2);
		buf[len] = '\0';
		for (line = buf; line != NULL && *line != '\0';
		    line = nl != NULL ? nl + 1 : NULL) {
			nl = strchr(line, '\n');
			f = strchr(line, ':');
			if (f == NULL || (nl != NULL && f > nl))
				continue;
			ck_assert_msg(field_is_clean(f + 1,
			    strcspn(f + 1, ":\n")), "leaked from '%.*s'",
			    (int)orig, copy);
		}
	}
}
END_TEST

Suite	*suite_redact(void);

Suite *
suite_redact(void)
{
	Suite *s = suite_create("redact");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, redact_methods);
	tcase_add_test(tc, redact_no_method);
	tcase_add_test(tc, redact_shapes);
	tcase_add_test(tc, redact_never_leaks);
	suite_add_tcase(s, tc);
	return s;
}
