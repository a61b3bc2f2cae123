/*
 * The first 200 bytes of private keys made by ssh-keygen (OpenSSH, PEM
 * and PKCS#8 formats, with and without a passphrase) and by openssl
 * genpkey (Ed25519, Ed448 and secp256k1 keys), as privd hands them
 * over; the same cut shorter at every length; .pub lines; and the
 * security bits against libcrypto's own rating.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include "../../tables/sshkey_parse.h"
#include "fixture.h"

static const struct want {
	const char	*file;
	int		 encrypted;
	const char	*type;
	const char	*group;
	int		 bits;
	int		 security_bits;
} keys[] = {
	{ "openssh-rsa-1024", 0, "rsa", "", 1024, 80 },
	{ "openssh-rsa-2048", 0, "rsa", "", 2048, 112 },
	{ "openssh-enc-rsa-4096", 1, "rsa", "", 4096, 152 },
	{ "openssh-ecdsa-256", 0, "ec", "prime256v1", 256, 128 },
	{ "openssh-enc-ecdsa-384", 1, "ec", "secp384r1", 384, 192 },
	{ "openssh-ecdsa-521", 0, "ec", "secp521r1", 521, 256 },
	{ "openssh-ed25519-0", 0, "ed25519", "", 253, 128 },
	{ "openssh-enc-ed25519-0", 1, "ed25519", "", 253, 128 },
	{ "openssh-dsa-1024", 0, "dsa", "", 1024, 80 },
	{ "pem-rsa-2048", 0, "rsa", "", 2048, 112 },
	{ "pem-enc-rsa-2048", 1, "rsa", "", -1, -1 },
	{ "pem-rsa-3072", 0, "rsa", "", 3072, 128 },
	{ "pem-ecdsa-256", 0, "ec", "prime256v1", 256, 128 },
	{ "pem-enc-ecdsa-256", 1, "ec", "", -1, -1 },
	{ "pem-ecdsa-521", 0, "ec", "secp521r1", 521, 256 },
	{ "pem-dsa-1024", 0, "dsa", "", 1024, 80 },
	{ "pem-enc-dsa-1024", 1, "dsa", "", -1, -1 },
	{ "pkcs8-rsa-4096", 0, "rsa", "", 4096, 152 },
	{ "pkcs8-enc-rsa-2048", 1, "", "", -1, -1 },
	{ "pkcs8-ecdsa-384", 0, "ec", "secp384r1", 384, 192 },
	{ "pkcs8-dsa-1024", 0, "dsa", "", 1024, 80 },
	{ "pkcs8-ed25519-0", 0, "ed25519", "", 253, 128 },
	{ "pkcs8-ed448-0", 0, "ed448", "", 456, 224 },
	{ "sec1-secp256k1", 0, "ec", "secp256k1", 256, 128 },
};

START_TEST(prefixes)
{
	const struct want *w = &keys[_i];
	struct sshkey_info k;
	size_t len;
	char *buf = fixture_load("sshkey", w->file, &len);

	ck_assert_uint_le(len, 200);	/* some keys are shorter */
	ck_assert_msg(sshkey_parse_prefix(buf, len, &k) == 0, "%s", w->file);
	ck_assert_int_eq(k.encrypted, w->encrypted);
	ck_assert_str_eq(k.type, w->type);
	ck_assert_str_eq(k.group, w->group);
	ck_assert_int_eq(k.bits, w->bits);
	ck_assert_int_eq(k.security_bits, w->security_bits);
	free(buf);
}
END_TEST

/* Shorter prefixes tell less, never something else, and are never read
 * past their end (the copy is exactly as long as the cut). */
START_TEST(shorter)
{
	const struct want *w = &keys[_i];
	struct sshkey_info k;
	size_t len, cut;
	char *buf = fixture_load("sshkey", w->file, &len), *copy;

	for (cut = 0; cut <= len; cut++) {
		copy = malloc(cut + 1);
		ck_assert_ptr_nonnull(copy);
		memcpy(copy, buf, cut);
		if (sshkey_parse_prefix(copy, cut, &k) == 0) {
			ck_assert(k.encrypted == -1 ||
			    k.encrypted == w->encrypted);
			ck_assert(*k.type == '\0' ||
			    strcmp(k.type, w->type) == 0);
			ck_assert(*k.group == '\0' ||
			    strcmp(k.group, w->group) == 0);
			ck_assert(k.bits == -1 || k.bits == w->bits);
		}
		free(copy);
	}
	free(buf);
}
END_TEST

START_TEST(not_keys)
{
	static const char *const texts[] = {
		"", "   \n", "-----BEGIN ", "-----BEGIN RSA PRIVATE KEY",
		"-----BEGIN RSA PRIVATE KEY-----",	/* no end of line */
		"-----BEGIN CERTIFICATE-----\nMIIB\n",
		"-----BEGIN PUBLIC KEY-----\nMIIB\n",
		"---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\n",
		"Host *\n  User git\n",
	};
	struct sshkey_info k;
	size_t i, len;
	char *pub = fixture_load("sshkey", "public-rsa", &len);

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		ck_assert_msg(sshkey_parse_prefix(texts[i], strlen(texts[i]),
		    &k) == -1, "%s", texts[i]);
	ck_assert_int_eq(sshkey_parse_prefix(pub, len, &k), -1);
	ck_assert_int_eq(sshkey_parse_prefix(NULL, 0, &k), -1);
	free(pub);
}
END_TEST

/* Mangled bodies: the armour says private key, what follows is junk. */
START_TEST(junk_bodies)
{
	static const char *const texts[] = {
		"-----BEGIN OPENSSH PRIVATE KEY-----\n!!!!\n",
		"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEA/////w==\n",
		"-----BEGIN RSA PRIVATE KEY-----\nMIIEow==\n",
		"-----BEGIN RSA PRIVATE KEY-----\nMIT/////////\n",
		"-----BEGIN PRIVATE KEY-----\nMAMCAQA=\n",
		"-----BEGIN EC PRIVATE KEY-----\nMBACAQEEBP////8=\n",
		"-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n",
		"-----BEGIN RSA PRIVATE KEY-----\nX-Other: 1\n\nMIIE\n",
	};
	struct sshkey_info k;
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		ck_assert_int_eq(sshkey_parse_prefix(texts[i],
		    strlen(texts[i]), &k), 0);
		ck_assert_int_eq(k.bits, -1);
	}
	ck_assert_int_eq(sshkey_parse_prefix(texts[6], strlen(texts[6]),
	    &k), 0);
	ck_assert_int_eq(k.encrypted, 1);
	ck_assert_int_eq(sshkey_parse_prefix(texts[7], strlen(texts[7]),
	    &k), 0);
	ck_assert_int_eq(k.encrypted, 0);	/* headers, none saying so */
}
END_TEST

/* Public key lines, as .pub files hold them (one cut at 200 bytes). */
START_TEST(public_lines)
{
	static const struct {
		const char	*file, *type, *group;
		int		 bits, security_bits;
	} w[] = {
		{ "public-rsa", "rsa", "", 2048, 112 },
		{ "public-ecdsa-521", "ec", "secp521r1", 521, 256 },
		{ "public-ed25519", "ed25519", "", 253, 128 },
		{ "public-dsa", "dsa", "", 1024, 80 },
	};
	struct sshkey_info k;
	size_t i, len;
	char *buf;

	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++) {
		buf = fixture_load("sshkey", w[i].file, &len);
		ck_assert_msg(sshkey_parse_public(buf, len, &k) == 0, "%s",
		    w[i].file);
		ck_assert_str_eq(k.type, w[i].type);
		ck_assert_str_eq(k.group, w[i].group);
		ck_assert_int_eq(k.bits, w[i].bits);
		ck_assert_int_eq(k.security_bits, w[i].security_bits);
		ck_assert_int_eq(k.encrypted, -1);
		free(buf);
	}
	ck_assert_int_eq(sshkey_parse_public("", 0, &k), -1);
	ck_assert_int_eq(sshkey_parse_public("ssh-rsa", 7, &k), -1);
	ck_assert_int_eq(sshkey_parse_public("ssh-rsa !!!", 11, &k), -1);
	ck_assert_int_eq(sshkey_parse_public("x AAAAB3Nz", 10, &k), -1);
	ck_assert_int_eq(sshkey_parse_public(NULL, 0, &k), -1);
}
END_TEST

/* libcrypto's rating of a public key made of a modulus of n bits. */
static int
openssl_rsa_bits(int n)
{
	BIGNUM *mod = BN_new(), *e = BN_new();
	OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
	OSSL_PARAM *params;
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);
	EVP_PKEY *pkey = NULL;
	int bits;

	ck_assert(mod != NULL && e != NULL && bld != NULL && ctx != NULL);
	BN_set_bit(mod, n - 1);
	BN_set_bit(mod, 0);
	BN_set_word(e, 65537);
	OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, mod);
	OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, e);
	params = OSSL_PARAM_BLD_to_param(bld);
	ck_assert_int_eq(EVP_PKEY_fromdata_init(ctx), 1);
	ck_assert_int_eq(EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY,
	    params), 1);
	bits = EVP_PKEY_get_security_bits(pkey);
	EVP_PKEY_free(pkey);
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	BN_free(mod);
	BN_free(e);
	return bits;
}

START_TEST(rsa_strength)
{
	int n;

	for (n = 512; n <= 16384; n++)
		ck_assert_msg(sshkey_rsa_security_bits(n) ==
		    openssl_rsa_bits(n), "modulus of %d bits", n);
}
END_TEST

START_TEST(dsa_strength)
{
	ck_assert_int_eq(sshkey_dsa_security_bits(1024, 160), 80);
	ck_assert_int_eq(sshkey_dsa_security_bits(2048, 224), 112);
	ck_assert_int_eq(sshkey_dsa_security_bits(2048, 256), 112);
	ck_assert_int_eq(sshkey_dsa_security_bits(3072, 256), 128);
	ck_assert_int_eq(sshkey_dsa_security_bits(1024, -1), 80);
	ck_assert_int_eq(sshkey_dsa_security_bits(1024, 140), 0);
	ck_assert_int_eq(sshkey_dsa_security_bits(512, 160), 0);
}
END_TEST

Suite	*suite_sshkey(void);

Suite *
suite_sshkey(void)
{
	Suite *s = suite_create("sshkey");
	TCase *tc = tcase_create("parse");
	int n = (int)(sizeof(keys) / sizeof(keys[0]));

	tcase_add_loop_test(tc, prefixes, 0, n);
	tcase_add_loop_test(tc, shorter, 0, n);
	tcase_add_test(tc, not_keys);
	tcase_add_test(tc, junk_bodies);
	tcase_add_test(tc, public_lines);
	tcase_add_test(tc, rsa_strength);
	tcase_add_test(tc, dsa_strength);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
