/*
 * The start of a private key file: its PEM armour, then as much of the
 * OpenSSH or DER structure as the bytes at hand hold; see sshkey_parse.h.
 * Every reader below takes what is there and stops where the prefix
 * ends: a field cut off is a field not known, never a read past the end.
 */
#include <stdint.h>
#include <string.h>

#include "sshkey_parse.h"

#define DECODED_MAX	1024	/* far more than a 200-byte prefix gives */

/* What a reader has left of its bytes. */
struct bytes {
	const uint8_t	*p;
	size_t		 len;
};

enum pem_kind {
	PEM_OPENSSH,
	PEM_RSA,		/* PKCS#1 */
	PEM_DSA,
	PEM_EC,			/* SEC1 */
	PEM_PKCS8,
	PEM_PKCS8_ENCRYPTED,
};

static const struct {
	const char	*label;
	enum pem_kind	 kind;
} pem_labels[] = {
	{ "OPENSSH PRIVATE KEY", PEM_OPENSSH },
	{ "RSA PRIVATE KEY", PEM_RSA },
	{ "DSA PRIVATE KEY", PEM_DSA },
	{ "EC PRIVATE KEY", PEM_EC },
	{ "PRIVATE KEY", PEM_PKCS8 },
	{ "ENCRYPTED PRIVATE KEY", PEM_PKCS8_ENCRYPTED },
};

/* Break points of the security bits of an RSA modulus: from n bits on,
 * the strength is bits (NIST SP 800-56B's estimate, rounded to 8, as
 * OpenSSL 3 rates it; checked against libcrypto in the unit tests). */
static const struct {
	int	n;
	int	bits;
} rsa_strength[] = {
	{ 16, 8 }, { 41, 16 }, { 81, 24 }, { 138, 32 }, { 213, 40 },
	{ 308, 48 }, { 425, 56 }, { 566, 64 }, { 729, 72 }, { 920, 80 },
	{ 1137, 88 }, { 1383, 96 }, { 1657, 104 }, { 1963, 112 },
	{ 2301, 120 }, { 2671, 128 }, { 3076, 136 }, { 3514, 144 },
	{ 3991, 152 }, { 4502, 160 }, { 5054, 168 }, { 5642, 176 },
	{ 6274, 184 }, { 6947, 192 }, { 7681, 200 }, { 8418, 208 },
	{ 9216, 216 }, { 10064, 224 }, { 10953, 232 }, { 11893, 240 },
	{ 12877, 248 }, { 13914, 256 }, { 15361, 264 }, { 16132, 272 },
	{ 17321, 280 }, { 18555, 288 }, { 19849, 296 },
};

int
sshkey_rsa_security_bits(int n)
{
	size_t i;
	int bits = 0;

	for (i = 0; i < sizeof(rsa_strength) / sizeof(rsa_strength[0]); i++)
		if (n >= rsa_strength[i].n)
			bits = rsa_strength[i].bits;
	return bits;
}

/* SP 800-57's table for finite-field keys of p_bits, capped by half the
 * size of the subgroup q. */
int
sshkey_dsa_security_bits(int p_bits, int q_bits)
{
	int bits;

	if (p_bits >= 15360)
		bits = 256;
	else if (p_bits >= 7680)
		bits = 192;
	else if (p_bits >= 3072)
		bits = 128;
	else if (p_bits >= 2048)
		bits = 112;
	else if (p_bits >= 1024)
		bits = 80;
	else
		return 0;
	if (q_bits < 0)
		return bits;
	if (q_bits / 2 < 80)
		return 0;
	return q_bits / 2 < bits ? q_bits / 2 : bits;
}

static void
set_rsa(struct sshkey_info *k, int bits)
{
	k->type = "rsa";
	k->bits = bits;
	k->security_bits = bits < 0 ? -1 : sshkey_rsa_security_bits(bits);
}

static void
set_dsa(struct sshkey_info *k, int p_bits, int q_bits)
{
	k->type = "dsa";
	k->bits = p_bits;
	k->security_bits = p_bits < 0 ? -1 :
	    sshkey_dsa_security_bits(p_bits, q_bits);
}

/* Curves by their OpenSSL name: size of the group order, strength. */
static void
set_curve(struct sshkey_info *k, const char *group)
{
	k->type = "ec";
	k->group = group;
	if (strcmp(group, "prime256v1") == 0 ||
	    strcmp(group, "secp256k1") == 0) {
		k->bits = 256;
		k->security_bits = 128;
	} else if (strcmp(group, "secp384r1") == 0) {
		k->bits = 384;
		k->security_bits = 192;
	} else if (strcmp(group, "secp521r1") == 0) {
		k->bits = 521;
		k->security_bits = 256;
	}
}

static void
set_edwards(struct sshkey_info *k, int ed448)
{
	k->type = ed448 ? "ed448" : "ed25519";
	k->bits = ed448 ? 456 : 253;
	k->security_bits = ed448 ? 224 : 128;
}

/* Bits of a big-endian unsigned number of declared bytes, of which the
 * first len are at hand; -1 when its first non-zero byte is not. */
static int
number_bits(const uint8_t *p, size_t len, size_t declared)
{
	size_t z = 0;
	int bits;
	uint8_t top;

	if (len > declared)
		len = declared;
	while (z < len && p[z] == 0)
		z++;
	if (z == declared)
		return 0;
	if (z == len || declared - z > 0x0fffffff / 8)
		return -1;
	bits = (int)(declared - z) * 8;
	for (top = p[z]; (top & 0x80) == 0; top <<= 1)
		bits--;
	return bits;
}

/* --- OpenSSH's format: big-endian u32 lengths and the bytes. --- */

static int
ssh_u32(struct bytes *b, uint32_t *v)
{
	if (b->len < 4)
		return -1;
	*v = (uint32_t)b->p[0] << 24 | (uint32_t)b->p[1] << 16 |
	    (uint32_t)b->p[2] << 8 | b->p[3];
	b->p += 4;
	b->len -= 4;
	return 0;
}

/* The next string of b: *s is the part at hand, *declared its length.
 * b moves past it, or to its end when the string is cut off. */
static int
ssh_string(struct bytes *b, struct bytes *s, size_t *declared)
{
	uint32_t n;

	if (ssh_u32(b, &n) == -1)
		return -1;
	*declared = n;
	s->p = b->p;
	s->len = n < b->len ? n : b->len;
	b->p += s->len;
	b->len -= s->len;
	return 0;
}

/* A whole string equal to str. */
static int
ssh_is(const struct bytes *s, size_t declared, const char *str)
{
	size_t n = strlen(str);

	return declared == n && s->len == n && memcmp(s->p, str, n) == 0;
}

static int
ssh_mpint_bits(struct bytes *b, int *bits)
{
	struct bytes s;
	size_t declared;

	if (ssh_string(b, &s, &declared) == -1)
		return -1;
	*bits = number_bits(s.p, s.len, declared);
	return *bits < 0 ? -1 : 0;
}

/* The public key blob: its type, then what gives its size. */
static void
openssh_public(struct bytes b, struct sshkey_info *k)
{
	struct bytes t, skip;
	size_t declared, skipped;
	int p_bits, q_bits;

	if (ssh_string(&b, &t, &declared) == -1 || t.len != declared)
		return;
	if (ssh_is(&t, declared, "ssh-rsa")) {
		if (ssh_string(&b, &skip, &skipped) == -1 ||
		    skip.len != skipped || ssh_mpint_bits(&b, &p_bits) == -1)
			p_bits = -1;
		set_rsa(k, p_bits);
	} else if (ssh_is(&t, declared, "ssh-dss")) {
		if (ssh_mpint_bits(&b, &p_bits) == -1)
			p_bits = -1;
		else if (ssh_mpint_bits(&b, &q_bits) == -1)
			q_bits = -1;
		set_dsa(k, p_bits, p_bits < 0 ? -1 : q_bits);
	} else if (ssh_is(&t, declared, "ecdsa-sha2-nistp256"))
		set_curve(k, "prime256v1");
	else if (ssh_is(&t, declared, "ecdsa-sha2-nistp384"))
		set_curve(k, "secp384r1");
	else if (ssh_is(&t, declared, "ecdsa-sha2-nistp521"))
		set_curve(k, "secp521r1");
	else if (ssh_is(&t, declared, "ssh-ed25519"))
		set_edwards(k, 0);
}

/*
 * "openssh-key-v1\0", cipher name, KDF name, KDF options, number of
 * keys, then the first public key.  The private keys come after all of
 * that (encrypted unless the cipher is "none").
 */
static void
openssh_key(struct bytes b, struct sshkey_info *k)
{
	static const char magic[] = "openssh-key-v1";
	struct bytes s;
	size_t declared;
	uint32_t nkeys;

	if (b.len < sizeof(magic) || memcmp(b.p, magic, sizeof(magic)) != 0)
		return;
	b.p += sizeof(magic);
	b.len -= sizeof(magic);
	if (ssh_string(&b, &s, &declared) == -1 || s.len != declared)
		return;
	k->encrypted = !ssh_is(&s, declared, "none");
	if (ssh_string(&b, &s, &declared) == -1 || s.len != declared ||
	    ssh_string(&b, &s, &declared) == -1 || s.len != declared ||
	    ssh_u32(&b, &nkeys) == -1 || nkeys == 0 ||
	    ssh_string(&b, &s, &declared) == -1)
		return;
	openssh_public(s, k);
}

/* --- DER: tag, length, contents. --- */

#define DER_INTEGER	0x02
#define DER_OCTETS	0x04
#define DER_NULL	0x05
#define DER_OID		0x06
#define DER_SEQUENCE	0x30
#define DER_CONTEXT0	0xa0

/* The next element of b: *tag, its contents at hand in *c and their
 * declared length.  b moves past it, or to its end when it is cut off. */
static int
der_next(struct bytes *b, int *tag, struct bytes *c, size_t *declared)
{
	size_t n = 0, i, nlen;

	if (b->len < 2)
		return -1;
	*tag = b->p[0];
	if (b->p[1] < 0x80) {
		n = b->p[1];
		i = 2;
	} else {
		nlen = b->p[1] & 0x7f;
		if (nlen == 0 || nlen > 4 || b->len < 2 + nlen)
			return -1;
		for (i = 0; i < nlen; i++)
			n = n << 8 | b->p[2 + i];
		i = 2 + nlen;
	}
	*declared = n;
	c->p = b->p + i;
	c->len = n < b->len - i ? n : b->len - i;
	b->p = c->p + c->len;
	b->len -= i + c->len;
	return 0;
}

static int
der_expect(struct bytes *b, int want, struct bytes *c, size_t *declared)
{
	int tag;

	if (der_next(b, &tag, c, declared) == -1 || tag != want)
		return -1;
	return 0;
}

static int
der_int_bits(struct bytes *b)
{
	struct bytes c;
	size_t declared;

	if (der_expect(b, DER_INTEGER, &c, &declared) == -1)
		return -1;
	return number_bits(c.p, c.len, declared);
}

static int
oid_is(const struct bytes *c, size_t declared, const uint8_t *oid,
    size_t len)
{
	return declared == len && c->len == len && memcmp(c->p, oid, len) == 0;
}

static const uint8_t oid_rsa[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d,
    0x01, 0x01, 0x01 };
static const uint8_t oid_dsa[] = { 0x2a, 0x86, 0x48, 0xce, 0x38, 0x04,
    0x01 };
static const uint8_t oid_ec[] = { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02,
    0x01 };
static const uint8_t oid_ed25519[] = { 0x2b, 0x65, 0x70 };
static const uint8_t oid_ed448[] = { 0x2b, 0x65, 0x71 };

static const struct {
	uint8_t		 oid[8];
	size_t		 len;
	const char	*name;
} curves[] = {
	{ { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07 }, 8,
	    "prime256v1" },
	{ { 0x2b, 0x81, 0x04, 0x00, 0x22 }, 5, "secp384r1" },
	{ { 0x2b, 0x81, 0x04, 0x00, 0x23 }, 5, "secp521r1" },
	{ { 0x2b, 0x81, 0x04, 0x00, 0x0a }, 5, "secp256k1" },
};

/* An EC key of a curve named by OID (element b); the type is known
 * even when the curve is not. */
static void
der_curve(struct bytes b, struct sshkey_info *k)
{
	struct bytes c;
	size_t declared, i;

	k->type = "ec";
	if (der_expect(&b, DER_OID, &c, &declared) == -1)
		return;
	for (i = 0; i < sizeof(curves) / sizeof(curves[0]); i++)
		if (oid_is(&c, declared, curves[i].oid, curves[i].len))
			set_curve(k, curves[i].name);
}

/* PKCS#1 RSAPrivateKey: SEQUENCE { version, n, e, d ... }. */
static void
der_rsa(struct bytes b, struct sshkey_info *k)
{
	struct bytes seq;
	size_t declared;

	k->type = "rsa";
	if (der_expect(&b, DER_SEQUENCE, &seq, &declared) == -1 ||
	    der_int_bits(&seq) == -1)
		return;
	set_rsa(k, der_int_bits(&seq));
}

/* OpenSSL's DSAPrivateKey: SEQUENCE { version, p, q, g, y, x }. */
static void
der_dsa(struct bytes b, struct sshkey_info *k)
{
	struct bytes seq;
	size_t declared;
	int p_bits;

	k->type = "dsa";
	if (der_expect(&b, DER_SEQUENCE, &seq, &declared) == -1 ||
	    der_int_bits(&seq) == -1 || (p_bits = der_int_bits(&seq)) < 0)
		return;
	set_dsa(k, p_bits, der_int_bits(&seq));
}

/* SEC1 ECPrivateKey: SEQUENCE { version, OCTET STRING key,
 * [0] curve OID, [1] public key }: the key is stepped over. */
static void
der_sec1(struct bytes b, struct sshkey_info *k)
{
	struct bytes seq, c;
	size_t declared;

	k->type = "ec";
	if (der_expect(&b, DER_SEQUENCE, &seq, &declared) == -1 ||
	    der_int_bits(&seq) == -1 ||
	    der_expect(&seq, DER_OCTETS, &c, &declared) == -1 ||
	    c.len != declared ||
	    der_expect(&seq, DER_CONTEXT0, &c, &declared) == -1)
		return;
	der_curve(c, k);
}

/* PKCS#8 PrivateKeyInfo: SEQUENCE { version, SEQUENCE { algorithm OID,
 * parameters }, OCTET STRING key }. */
static void
der_pkcs8(struct bytes b, struct sshkey_info *k)
{
	struct bytes seq, alg, oid, params, key;
	size_t declared, oidlen;
	int p_bits, q_bits;

	if (der_expect(&b, DER_SEQUENCE, &seq, &declared) == -1 ||
	    der_int_bits(&seq) == -1 ||
	    der_expect(&seq, DER_SEQUENCE, &alg, &declared) == -1 ||
	    der_expect(&alg, DER_OID, &oid, &oidlen) == -1)
		return;
	params = alg;		/* what follows the OID in the algorithm */
	if (oid_is(&oid, oidlen, oid_rsa, sizeof(oid_rsa))) {
		k->type = "rsa";
		if (der_expect(&seq, DER_OCTETS, &key, &declared) == 0)
			der_rsa(key, k);
	} else if (oid_is(&oid, oidlen, oid_ec, sizeof(oid_ec)))
		der_curve(params, k);
	else if (oid_is(&oid, oidlen, oid_ed25519, sizeof(oid_ed25519)))
		set_edwards(k, 0);
	else if (oid_is(&oid, oidlen, oid_ed448, sizeof(oid_ed448)))
		set_edwards(k, 1);
	else if (oid_is(&oid, oidlen, oid_dsa, sizeof(oid_dsa))) {
		k->type = "dsa";
		if (der_expect(&params, DER_SEQUENCE, &alg, &declared) == 0 &&
		    (p_bits = der_int_bits(&alg)) >= 0) {
			q_bits = der_int_bits(&alg);
			set_dsa(k, p_bits, q_bits);
		}
	}
}

/* --- PEM armour. --- */

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int
b64_value(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* Base64 of p into out, over line breaks, up to the first byte that is
 * neither (the END line's '-', padding); whole bytes only. */
static size_t
b64_decode(const char *p, size_t len, uint8_t *out, size_t cap)
{
	uint32_t acc = 0;
	size_t i, n = 0;
	int v, nbits = 0;

	for (i = 0; i < len && n < cap; i++) {
		if (is_space(p[i]))
			continue;
		if ((v = b64_value(p[i])) < 0)
			break;
		acc = (acc << 6 | (uint32_t)v) & 0xffffff;
		nbits += 6;
		if (nbits >= 8) {
			nbits -= 8;
			out[n++] = (uint8_t)(acc >> nbits);
		}
	}
	return n;
}

/* The BEGIN line: which kind of key, and where its body starts. */
static int
pem_begin(const char *buf, size_t len, enum pem_kind *kind, size_t *body)
{
	static const char begin[] = "-----BEGIN ";
	const char *label, *end, *nl;
	size_t i = 0, l, n;

	while (i < len && is_space(buf[i]))
		i++;
	if (len - i < sizeof(begin) - 1 ||
	    memcmp(buf + i, begin, sizeof(begin) - 1) != 0)
		return -1;
	label = buf + i + sizeof(begin) - 1;
	if ((nl = memchr(label, '\n', len - (size_t)(label - buf))) == NULL)
		return -1;
	for (end = nl; end > label && is_space(end[-1]); end--)
		;
	if (end - label < 5 || memcmp(end - 5, "-----", 5) != 0)
		return -1;
	l = (size_t)(end - 5 - label);
	for (n = 0; n < sizeof(pem_labels) / sizeof(pem_labels[0]); n++)
		if (strlen(pem_labels[n].label) == l &&
		    memcmp(pem_labels[n].label, label, l) == 0) {
			*kind = pem_labels[n].kind;
			*body = (size_t)(nl - buf) + 1;
			return 0;
		}
	return -1;
}

/*
 * RFC 1421 headers of a traditional PEM key ("Proc-Type: 4,ENCRYPTED",
 * "DEK-Info: ...", then a blank line) before its base64.  Returns 1 when
 * they say it is encrypted, 0 when it is not (no headers), -1 when the
 * prefix ends before anything tells; *off moves to the base64.
 */
static int
pem_headers(const char *buf, size_t len, size_t *off)
{
	const char *line = buf + *off, *nl;
	size_t n = len - *off;
	int encrypted = 0, headers = 0;

	while (n > 0) {
		nl = memchr(line, '\n', n);
		if (memchr(line, ':', nl != NULL ? (size_t)(nl - line) : n)
		    == NULL) {
			/* A first line cut off may be a header cut off. */
			if (!headers)
				return nl != NULL ? 0 : -1;
			if (nl == NULL)
				return encrypted ? 1 : -1;
			/* the blank line that ends the headers */
			*off = (size_t)(nl - buf) + 1;
			return encrypted;
		}
		headers = 1;
		if (n >= 10 && memcmp(line, "Proc-Type:", 10) == 0 &&
		    memmem(line, nl != NULL ? (size_t)(nl - line) : n,
		    "ENCRYPTED", 9) != NULL)
			encrypted = 1;
		if (nl == NULL)
			return encrypted ? 1 : -1;
		n -= (size_t)(nl - line) + 1;
		line = nl + 1;
	}
	return headers ? (encrypted ? 1 : -1) : -1;
}

static void
pem_body(enum pem_kind kind, struct bytes der, struct sshkey_info *k)
{
	switch (kind) {
	case PEM_OPENSSH:
		openssh_key(der, k);
		break;
	case PEM_RSA:
		der_rsa(der, k);
		break;
	case PEM_DSA:
		der_dsa(der, k);
		break;
	case PEM_EC:
		der_sec1(der, k);
		break;
	case PEM_PKCS8:
		der_pkcs8(der, k);
		break;
	case PEM_PKCS8_ENCRYPTED:
		break;
	}
}

static const char *
pem_type(enum pem_kind kind)
{
	switch (kind) {
	case PEM_RSA:
		return "rsa";
	case PEM_DSA:
		return "dsa";
	case PEM_EC:
		return "ec";
	default:
		return "";
	}
}

int
sshkey_parse_prefix(const char *buf, size_t len, struct sshkey_info *k)
{
	uint8_t der[DECODED_MAX];
	struct bytes b;
	enum pem_kind kind;
	size_t off;
	int enc;

	k->encrypted = -1;
	k->type = "";
	k->group = "";
	k->bits = -1;
	k->security_bits = -1;
	if (buf == NULL || pem_begin(buf, len, &kind, &off) == -1)
		return -1;
	if (kind == PEM_PKCS8_ENCRYPTED) {
		k->encrypted = 1;
		return 0;
	}
	if (kind != PEM_OPENSSH && kind != PEM_PKCS8) {
		enc = pem_headers(buf, len, &off);
		k->encrypted = enc;
		if (enc != 0) {
			k->type = pem_type(kind);
			return 0;
		}
	}
	b.p = der;
	b.len = b64_decode(buf + off, len - off, der, sizeof(der));
	if (kind != PEM_OPENSSH && b.len > 0)
		k->encrypted = 0;
	pem_body(kind, b, k);
	return 0;
}

int
sshkey_parse_public(const char *buf, size_t len, struct sshkey_info *k)
{
	uint8_t blob[DECODED_MAX];
	struct bytes b;
	size_t i = 0, start;

	k->encrypted = -1;
	k->type = "";
	k->group = "";
	k->bits = -1;
	k->security_bits = -1;
	if (buf == NULL)
		return -1;
	/* "type base64 comment": the type is in the blob again. */
	while (i < len && !is_space(buf[i]))
		i++;
	while (i < len && (buf[i] == ' ' || buf[i] == '\t'))
		i++;
	for (start = i; i < len && b64_value(buf[i]) >= 0; i++)
		;
	if (i == start)
		return -1;
	b.p = blob;
	b.len = b64_decode(buf + start, i - start, blob, sizeof(blob));
	openssh_public(b, k);
	return *k->type != '\0' ? 0 : -1;
}
