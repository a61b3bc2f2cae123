/* The confinement steps in the order the design gives them. */
#include <sys/types.h>

#include <errno.h>
#include <pwd.h>
#include <unistd.h>

#include "../ipc/log.h"
#include "sandbox.h"

#define NOBODY_ID	65534

/* Root runs the child as its own user; anyone else keeps their ids. */
void
sandbox_user_ids(const char *name, uid_t *uid, gid_t *gid)
{
	struct passwd *pw;

	if (geteuid() != 0) {
		*uid = getuid();
		*gid = getgid();
		return;
	}
	if ((pw = getpwnam(name)) == NULL) {
		log_warnx("user %s does not exist (make install creates it); "
		    "running as nobody", name);
		pw = getpwnam("nobody");
	}
	*uid = pw != NULL ? pw->pw_uid : NOBODY_ID;
	*gid = pw != NULL ? pw->pw_gid : NOBODY_ID;
	if (*uid == 0)
		fatalx("user %s has uid 0; refusing to run as root", name);
}

void
sandbox_enter(const struct sandbox_opts *opts)
{
	uid_t uid;
	gid_t gid;

	sandbox_user_ids(opts->user, &uid, &gid);
	if (sandbox_empty_root() == -1) {
		if (geteuid() == 0)
			fatal("sandbox: empty root");
		/* Some kernels forbid unprivileged user namespaces. */
		log_warn("sandbox: no user namespace, so no chroot");
	}
	if (sandbox_drop_ids(uid, gid) == -1)
		fatal("sandbox: dropping ids to %u:%u", (unsigned)uid,
		    (unsigned)gid);
	if (sandbox_set_limits(opts->file_writes) == -1)
		fatal("sandbox: rlimits");
	if (sandbox_lock_process() == -1)
		fatal("sandbox: process flags");
	if (sandbox_seccomp(opts->profile) == -1)
		fatal("sandbox: seccomp filter");
}
