/*
 * What the daemon prepares before its children run: the state directory
 * (root's, with the signing keys) and in it the logger's store, the log
 * directory, the host identifier; and, at each logger start, the
 * logger's set-up messages: both directories as descriptors, the secret
 * key, and the settings of its flags.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "../ipc/log.h"
#include "../sandbox/sandbox.h"
#include "daemon.h"

#define STORE_DIR	"store"

/* mkdir -p for the last component only, then the owner and the mode
 * (the owner only when we are root). */
static int
make_dir(int atfd, const char *path, mode_t mode, uid_t uid, gid_t gid)
{
	int fd;

	if (mkdirat(atfd, path, mode) == -1 && errno != EEXIST) {
		log_warn("mkdir %s", path);
		return -1;
	}
	if ((fd = openat(atfd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC |
	    O_NOFOLLOW)) == -1) {
		log_warn("%s", path);
		return -1;
	}
	if ((geteuid() == 0 && fchown(fd, uid, gid) == -1) ||
	    fchmod(fd, mode) == -1) {
		log_warn("owner and mode of %s", path);
		close(fd);
		return -1;
	}
	return fd;
}

int
setup_directories(struct daemon *d)
{
	uid_t uid;
	gid_t gid;
	int statefd, storefd, logfd, rc;

	sandbox_user_ids(LOGGER_USER, &uid, &gid);
	statefd = make_dir(AT_FDCWD, dflag_str(&d->flags, DF_DATABASE_PATH),
	    0755, geteuid(), getegid());
	if (statefd == -1)
		return -1;
	storefd = make_dir(statefd, STORE_DIR, 0700, uid, gid);
	logfd = make_dir(AT_FDCWD, dflag_str(&d->flags, DF_LOGGER_PATH), 0750,
	    uid, gid);
	rc = storefd == -1 || logfd == -1 ? -1 :
	    keys_load_or_make(statefd, d->sk, d->pk);
	if (storefd != -1)
		close(storefd);
	if (logfd != -1)
		close(logfd);
	close(statefd);
	return rc;
}

static int
send_dir(struct child *c, uint32_t type, int atfd, const char *path)
{
	int fd, rc;

	if ((fd = openat(atfd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) ==
	    -1) {
		log_warn("%s", path);
		return -1;
	}
	rc = chan_send(&c->chan, type, 0, NULL, fd);
	close(fd);
	return rc;
}

static int
send_config(struct daemon *d)
{
	const struct dflag_values *f = &d->flags;
	struct wr w;

	wr_init(&w);
	wr_str(&w, d->host_identifier);
	wr_u8(&w, (uint8_t)dflag_bool(f, DF_LOGGER_ROTATE));
	wr_u64(&w, (uint64_t)dflag_int(f, DF_LOGGER_ROTATE_SIZE));
	wr_u32(&w, (uint32_t)dflag_int(f, DF_LOGGER_ROTATE_MAX_FILES));
	wr_u32(&w, (uint32_t)dflag_int(f, DF_LOGGER_MODE));
	wr_u8(&w, (uint8_t)dflag_bool(f, DF_LOGGER_NUMERICS));
	wr_u8(&w, (uint8_t)dflag_bool(f, DF_LOGGER_EVENT_TYPE));
	wr_u8(&w, (uint8_t)dflag_bool(f, DF_DECORATIONS_TOP_LEVEL));
	wr_u8(&w, strstr(dflag_str(f, DF_LOGGER_PLUGIN), "stdout") != NULL);
	return chan_send(&d->pd->logger.chan, MSG_LOGGER_CONFIG, 0, &w, -1);
}

int
logger_setup(struct daemon *d)
{
	struct child *c = &d->pd->logger;
	const char *state = dflag_str(&d->flags, DF_DATABASE_PATH);
	char store[PATH_MAX];
	struct wr w;

	snprintf(store, sizeof(store), "%s/%s", state, STORE_DIR);
	if (send_dir(c, MSG_STATE_DIR, AT_FDCWD, store) == -1 ||
	    send_dir(c, MSG_LOG_DIR, AT_FDCWD,
	    dflag_str(&d->flags, DF_LOGGER_PATH)) == -1)
		return -1;
	wr_init(&w);
	wr_bytes(&w, d->sk, sizeof(d->sk));
	if (chan_send(&c->chan, MSG_SIGN_KEY, 0, &w, -1) == -1)
		return -1;
	sodium_memzero(w.buf, sizeof(w.buf));
	return send_config(d);
}

/* A one-line file, such as the machine's uuid, without its newline. */
static int
read_line(const char *path, char *buf, size_t len)
{
	FILE *fp;

	if ((fp = fopen(path, "re")) == NULL)
		return -1;
	if (fgets(buf, (int)len, fp) == NULL) {
		fclose(fp);
		return -1;
	}
	fclose(fp);
	buf[strcspn(buf, "\n")] = '\0';
	return buf[0] != '\0' ? 0 : -1;
}

void
setup_host_identifier(struct daemon *d)
{
	const char *how = dflag_str(&d->flags, DF_HOST_IDENTIFIER);
	char *h = d->host_identifier;
	size_t len = sizeof(d->host_identifier);
	unsigned char r[16];

	if (strcmp(how, "specified") == 0 &&
	    dflag_str(&d->flags, DF_SPECIFIED_IDENTIFIER)[0] != '\0') {
		snprintf(h, len, "%s",
		    dflag_str(&d->flags, DF_SPECIFIED_IDENTIFIER));
		return;
	}
	if (strcmp(how, "uuid") == 0 &&
	    (read_line("/sys/class/dmi/id/product_uuid", h, len) == 0 ||
	    read_line("/etc/machine-id", h, len) == 0))
		return;
	if (strcmp(how, "ephemeral") == 0) {
		randombytes_buf(r, sizeof(r));
		sodium_bin2hex(h, len, r, sizeof(r));
		return;
	}
	if (strcmp(how, "hostname") != 0)
		log_warnx("--host_identifier %s: using the hostname", how);
	if (gethostname(h, len - 1) == -1)
		snprintf(h, len, "localhost");
	h[len - 1] = '\0';
}
