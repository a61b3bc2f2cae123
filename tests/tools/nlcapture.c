/*
 * Captures the raw replies of the netlink dumps hostql's privd runs, for
 * the parsers' unit tests.  Not part of the product; build and run by
 * hand, as root, with listeners of your own running:
 *
 *	gcc -Wall -o nlcapture tests/tools/nlcapture.c
 *	./nlcapture tests/fixtures/netlink
 *
 * Each dump is sent exactly as privd sends it (see the requests below)
 * and every byte the kernel answers, up to and with NLMSG_DONE, is
 * written to DIR/<kind>-<family>.bin.
 */
#include <sys/socket.h>
#include <sys/types.h>

#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>

#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
dump(const char *dir, const char *name, int proto, void *req, size_t reqlen)
{
	static char buf[65536];
	char path[4096];
	struct nlmsghdr *h;
	FILE *f;
	ssize_t n;
	int s, done = 0;

	if ((s = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, proto)) == -1)
		err(1, "socket");
	if (send(s, req, reqlen, 0) != (ssize_t)reqlen)
		err(1, "send %s", name);
	snprintf(path, sizeof(path), "%s/%s.bin", dir, name);
	if ((f = fopen(path, "wb")) == NULL)
		err(1, "%s", path);
	while (!done) {
		if ((n = recv(s, buf, sizeof(buf), 0)) <= 0)
			err(1, "recv %s", name);
		if (fwrite(buf, 1, (size_t)n, f) != (size_t)n)
			err(1, "write %s", path);
		for (h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)n);
		    h = NLMSG_NEXT(h, n))
			if (h->nlmsg_type == NLMSG_DONE ||
			    h->nlmsg_type == NLMSG_ERROR)
				done = 1;
	}
	if (fclose(f) != 0)
		err(1, "%s", path);
	close(s);
}

static void
inet_diag(const char *dir, const char *name, int family, int protocol)
{
	struct {
		struct nlmsghdr		h;
		struct inet_diag_req_v2	r;
	} req;

	memset(&req, 0, sizeof(req));
	req.h.nlmsg_len = sizeof(req);
	req.h.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.h.nlmsg_seq = 1;
	req.r.sdiag_family = family;
	req.r.sdiag_protocol = protocol;
	req.r.idiag_states = ~0U;
	dump(dir, name, NETLINK_SOCK_DIAG, &req, sizeof(req));
}

static void
unix_diag(const char *dir)
{
	struct {
		struct nlmsghdr		h;
		struct unix_diag_req	r;
	} req;

	memset(&req, 0, sizeof(req));
	req.h.nlmsg_len = sizeof(req);
	req.h.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.h.nlmsg_seq = 1;
	req.r.sdiag_family = AF_UNIX;
	req.r.udiag_states = ~0U;
	req.r.udiag_show = UDIAG_SHOW_NAME;
	dump(dir, "unix_diag-unix", NETLINK_SOCK_DIAG, &req, sizeof(req));
}

/* RTM_GET* with the family header every rtnetlink dump starts with; the
 * family is its first byte in each of them. */
static void
rtnl(const char *dir, const char *name, int type, size_t hdrlen, int family)
{
	struct {
		struct nlmsghdr	h;
		unsigned char	body[sizeof(struct rtmsg) + 16];
	} req;

	memset(&req, 0, sizeof(req));
	req.h.nlmsg_len = NLMSG_LENGTH(hdrlen);
	req.h.nlmsg_type = type;
	req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.h.nlmsg_seq = 1;
	req.body[0] = (unsigned char)family;
	dump(dir, name, NETLINK_ROUTE, &req, req.h.nlmsg_len);
}

int
main(int argc, char **argv)
{
	const char *dir;

	if (argc != 2)
		errx(2, "usage: nlcapture DIR");
	dir = argv[1];
	inet_diag(dir, "inet_diag-tcp4", AF_INET, IPPROTO_TCP);
	inet_diag(dir, "inet_diag-tcp6", AF_INET6, IPPROTO_TCP);
	inet_diag(dir, "inet_diag-udp4", AF_INET, IPPROTO_UDP);
	inet_diag(dir, "inet_diag-udp6", AF_INET6, IPPROTO_UDP);
	unix_diag(dir);
	rtnl(dir, "links-unspec", RTM_GETLINK, sizeof(struct ifinfomsg),
	    AF_UNSPEC);
	rtnl(dir, "addrs-unspec", RTM_GETADDR, sizeof(struct ifaddrmsg),
	    AF_UNSPEC);
	rtnl(dir, "routes-inet", RTM_GETROUTE, sizeof(struct rtmsg), AF_INET);
	rtnl(dir, "routes-inet6", RTM_GETROUTE, sizeof(struct rtmsg),
	    AF_INET6);
	return 0;
}
