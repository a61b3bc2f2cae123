/*
 * Give up every id and capability for good: supplementary groups, then
 * gid, then uid (all three of real, effective, saved), then check that
 * the old ids cannot be taken back.  Capabilities go too, including
 * those a user namespace handed to an unprivileged caller.
 */
#include <sys/prctl.h>
#include <sys/syscall.h>

#include <linux/capability.h>

#include <errno.h>
#include <grp.h>
#include <string.h>
#include <unistd.h>

#include "sandbox.h"

/* Needs CAP_SETPCAP, so it comes before the ids change. */
static int
clear_bounding_set(void)
{
	int cap;

	for (cap = 0; cap <= CAP_LAST_CAP; cap++)
		if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == -1 &&
		    errno != EINVAL && errno != EPERM)
			return -1;
	return 0;
}

/* Changing from root to another uid clears these already; a user
 * namespace's caller still holds them until this. */
static int
clear_capabilities(void)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0
	};
	struct __user_cap_data_struct data[2];

	memset(data, 0, sizeof(data));
	return (int)syscall(SYS_capset, &hdr, data);
}

static int
capabilities_empty(void)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0
	};
	struct __user_cap_data_struct data[2];

	if (syscall(SYS_capget, &hdr, data) == -1)
		return 0;
	return (data[0].effective | data[0].permitted | data[0].inheritable |
	    data[1].effective | data[1].permitted | data[1].inheritable) == 0;
}

static int
ids_are(uid_t uid, gid_t gid)
{
	uid_t r, e, s;
	gid_t rg, eg, sg;

	if (getresuid(&r, &e, &s) == -1 || getresgid(&rg, &eg, &sg) == -1)
		return 0;
	return r == uid && e == uid && s == uid &&
	    rg == gid && eg == gid && sg == gid;
}

int
sandbox_drop_ids(uid_t uid, gid_t gid)
{
	int was_root = geteuid() == 0;

	if (was_root && setgroups(1, &gid) == -1)
		return -1;
	if (setresgid(gid, gid, gid) == -1)
		return -1;
	if (clear_bounding_set() == -1)
		return -1;
	if (setresuid(uid, uid, uid) == -1 || clear_capabilities() == -1)
		return -1;
	if (!ids_are(uid, gid) || !capabilities_empty()) {
		errno = EPERM;
		return -1;
	}
	/* The old ids must be gone for good, not just set aside. */
	if (was_root && uid != 0 && (setuid(0) != -1 || setgid(0) != -1)) {
		errno = EPERM;
		return -1;
	}
	return 0;
}
