/*
 * The log signing key pair, made at first start in the state directory:
 * signing.key holds the Ed25519 secret (root only, 0400) and never leaves
 * privd but to the logger; signing.pub holds the public key in hex, the
 * one a verifier needs (hostqld --print_public_key prints it).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "../ipc/log.h"
#include "privd.h"

/* The secret key file, which must hold exactly the key. */
static int
read_secret(int dirfd, unsigned char sk[KEY_SECRET_LEN])
{
	unsigned char buf[KEY_SECRET_LEN + 1];
	ssize_t n;
	int fd;

	if ((fd = openat(dirfd, "signing.key", O_RDONLY | O_CLOEXEC |
	    O_NOFOLLOW)) == -1)
		return -1;
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n != KEY_SECRET_LEN) {
		sodium_memzero(buf, sizeof(buf));
		errno = EINVAL;
		return -1;
	}
	memcpy(sk, buf, KEY_SECRET_LEN);
	sodium_memzero(buf, sizeof(buf));
	return 0;
}

static int
write_new(int dirfd, const char *name, mode_t mode, const void *buf,
    size_t len)
{
	int fd;

	if ((fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL |
	    O_CLOEXEC | O_NOFOLLOW, mode)) == -1)
		return -1;
	if (write(fd, buf, len) != (ssize_t)len || fsync(fd) == -1) {
		close(fd);
		unlinkat(dirfd, name, 0);
		return -1;
	}
	return close(fd);
}

static void
hex_line(const unsigned char *pk, char out[2 * KEY_PUBLIC_LEN + 2])
{
	sodium_bin2hex(out, 2 * KEY_PUBLIC_LEN + 1, pk, KEY_PUBLIC_LEN);
	strcat(out, "\n");
}

/* Load the pair, or make it when there is none; 0 or -1 (logged). */
int
keys_load_or_make(int statefd, unsigned char sk[KEY_SECRET_LEN],
    unsigned char pk[KEY_PUBLIC_LEN])
{
	char hex[2 * KEY_PUBLIC_LEN + 2];

	if (sodium_init() == -1) {
		log_warnx("libsodium cannot start");
		return -1;
	}
	if (read_secret(statefd, sk) == 0) {
		crypto_sign_ed25519_sk_to_pk(pk, sk);
		return 0;
	}
	if (errno != ENOENT) {
		log_warn("signing.key");
		return -1;
	}
	crypto_sign_keypair(pk, sk);
	hex_line(pk, hex);
	unlinkat(statefd, "signing.pub", 0);
	if (write_new(statefd, "signing.key", 0400, sk, KEY_SECRET_LEN) ==
	    -1 || write_new(statefd, "signing.pub", 0644, hex,
	    strlen(hex)) == -1) {
		log_warn("writing the signing key pair");
		return -1;
	}
	log_info("made a new log signing key pair");
	return 0;
}

void
keys_print_public(const unsigned char pk[KEY_PUBLIC_LEN])
{
	char hex[2 * KEY_PUBLIC_LEN + 2];

	hex_line(pk, hex);
	fputs(hex, stdout);
}
