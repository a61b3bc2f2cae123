/*
 * The PROC_FDS and PROC_NS blobs (tables/sock_owners.h), as privd sends
 * them and a hostile or confused privd could: (u32 fd, str target)
 * sequences and (str name, str target) sequences, then the lookups the
 * socket tables make over what was kept.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tables/sock_owners.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct sock_owners o;
	const struct sock_owner *first;
	uint64_t ino;
	size_t i, count;
	int rc;

	memset(&o, 0, sizeof(o));
	rc = sock_owners_add_fds(&o, 42, buf, size);
	CHECK(rc == 0 || rc == -EBADMSG || rc == -ENOMEM);
	(void)sock_owners_add_fds(&o, 43, buf, size / 2);
	sock_owners_sort(&o);
	for (i = 0; i < o.n; i++) {
		CHECK(o.v[i].inode != 0);
		if (i > 0)
			CHECK(o.v[i - 1].inode <= o.v[i].inode);
		first = sock_owners_find(&o, o.v[i].inode, &count);
		CHECK(first != NULL && count >= 1 && count <= o.n);
		CHECK(first->inode == o.v[i].inode);
	}
	first = sock_owners_find(&o, 0, &count);
	sock_owners_free(&o);

	rc = proc_ns_inode(buf, size, "net", &ino);
	CHECK(rc == 0 || rc == -ENOENT || rc == -EBADMSG);
	if (rc == 0)
		CHECK(ino != 0);
	(void)proc_ns_inode(buf, size, "", &ino);
	(void)socket_link_inode(buf, size);

	return 0;
}
