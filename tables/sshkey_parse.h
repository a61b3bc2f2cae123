/*
 * Pure parser of the start of a private key file, which is all privd
 * hands over of one ("limit 200" in the policy): enough of the OpenSSH
 * format ("openssh-key-v1", whose public half comes first) or of the PEM
 * formats (PKCS#1, SEC1, PKCS#8) to say that it is a private key, whether
 * it is encrypted, its type and its size.  Nothing of the secret part is
 * kept; where the secret comes before what is wanted (the curve of a SEC1
 * key), it is stepped over by its length.
 *
 * The names are OpenSSL's, as osquery reports them: key types "rsa",
 * "dsa", "ec", "ed25519", "ed448"; curves "prime256v1", "secp384r1",
 * "secp521r1", "secp256k1"; sizes as EVP_PKEY_get_bits() and
 * EVP_PKEY_get_security_bits() give them.
 */
#ifndef HOSTQL_TABLES_SSHKEY_PARSE_H
#define HOSTQL_TABLES_SSHKEY_PARSE_H

#include <stddef.h>

struct sshkey_info {
	int		 encrypted;	/* 1, 0, or -1 when the start of the
					 * file does not say */
	const char	*type;		/* "" when not known */
	const char	*group;		/* "" when none or not known */
	int		 bits;		/* -1 when not known */
	int		 security_bits;	/* -1 when not known */
};

/* 0 when buf starts like a private key (after blanks), with *info as
 * far as the prefix tells; -1 when it is not one. */
int	sshkey_parse_prefix(const char *buf, size_t len,
	    struct sshkey_info *info);

/* The type and size a public key line tells ("ssh-ed25519 AAAA...
 * comment", a .pub file): 0, or -1 when it names no type known. */
int	sshkey_parse_public(const char *buf, size_t len,
	    struct sshkey_info *info);

/* NIST SP 800-57 security bits of an RSA modulus of n bits, as OpenSSL
 * rates them; and of a DSA key (q_bits -1 when not known). */
int	sshkey_rsa_security_bits(int n);
int	sshkey_dsa_security_bits(int p_bits, int q_bits);

#endif
