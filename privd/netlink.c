/*
 * NETLINK_DUMP: one dump from a fixed list, run on a socket of privd's
 * own that never leaves it.  privd builds the request itself and sends
 * the kernel's replies back as they came.  The only thing it looks at in
 * them is each message's length and type, to split buffers at message
 * boundaries and to see where the dump ends.
 */
#include <sys/socket.h>

#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>

#include <netinet/in.h>

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "../ipc/log.h"
#include "privd.h"

#define NL_RECV_BUF	32768
#define NL_CHUNK	(IPC_MAX_PAYLOAD - 4)
#define NL_TIMEOUT_MS	5000

struct nl_request {
	struct nlmsghdr	nh;
	union {
		struct inet_diag_req_v2	inet;
		struct unix_diag_req	unix_req;
		struct rtgenmsg		gen;
		struct ifaddrmsg	addr;
		struct rtmsg		route;
		struct ndmsg		neigh;
	} body;
};

static int
build_request(unsigned int kind, int family, int protocol,
    struct nl_request *req, int *nlproto)
{
	memset(req, 0, sizeof(*req));
	req->nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req->nh.nlmsg_seq = 1;
	*nlproto = NETLINK_ROUTE;
	switch (kind) {
	case NL_INET_DIAG:
		if ((family != AF_INET && family != AF_INET6) ||
		    (protocol != IPPROTO_TCP && protocol != IPPROTO_UDP))
			return -1;
		*nlproto = NETLINK_SOCK_DIAG;
		req->nh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
		req->nh.nlmsg_len = NLMSG_LENGTH(sizeof(req->body.inet));
		req->body.inet.sdiag_family = (uint8_t)family;
		req->body.inet.sdiag_protocol = (uint8_t)protocol;
		req->body.inet.idiag_states = ~0u;
		return 0;
	case NL_UNIX_DIAG:
		if (family != AF_UNSPEC && family != AF_UNIX)
			return -1;
		*nlproto = NETLINK_SOCK_DIAG;
		req->nh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
		req->nh.nlmsg_len = NLMSG_LENGTH(sizeof(req->body.unix_req));
		req->body.unix_req.sdiag_family = AF_UNIX;
		req->body.unix_req.udiag_states = ~0u;
		req->body.unix_req.udiag_show = UDIAG_SHOW_NAME |
		    UDIAG_SHOW_VFS | UDIAG_SHOW_PEER;
		return 0;
	}
	if ((family != AF_UNSPEC && family != AF_INET && family != AF_INET6) ||
	    protocol != 0)
		return -1;
	switch (kind) {
	case NL_LINKS:
		req->nh.nlmsg_type = RTM_GETLINK;
		req->nh.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg));
		req->body.gen.rtgen_family = (uint8_t)family;
		return 0;
	case NL_ADDRS:
		req->nh.nlmsg_type = RTM_GETADDR;
		req->nh.nlmsg_len = NLMSG_LENGTH(sizeof(req->body.addr));
		req->body.addr.ifa_family = (uint8_t)family;
		return 0;
	case NL_ROUTES:
		req->nh.nlmsg_type = RTM_GETROUTE;
		req->nh.nlmsg_len = NLMSG_LENGTH(sizeof(req->body.route));
		req->body.route.rtm_family = (uint8_t)family;
		return 0;
	case NL_NEIGH:
		req->nh.nlmsg_type = RTM_GETNEIGH;
		req->nh.nlmsg_len = NLMSG_LENGTH(sizeof(req->body.neigh));
		req->body.neigh.ndm_family = (uint8_t)family;
		return 0;
	}
	return -1;
}

static int
open_and_send(int nlproto, struct nl_request *req)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int s, rcvbuf = 1 << 20;

	s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, nlproto);
	if (s == -1)
		return -1;
	setsockopt(s, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	if (sendto(s, req, req->nh.nlmsg_len, 0, (struct sockaddr *)&sa,
	    sizeof(sa)) == -1) {
		close(s);
		return -1;
	}
	return s;
}

/* Forward one received buffer, cut at message boundaries into chunks
 * that fit a payload.  Sets *done at NLMSG_DONE or NLMSG_ERROR. */
static int
forward_buffer(struct child *c, uint32_t id, const char *buf, size_t len,
    int *done, uint64_t *total)
{
	const struct nlmsghdr *nh;
	size_t off = 0, start = 0, msglen;
	struct wr w;

	while (off + sizeof(*nh) <= len) {
		nh = (const struct nlmsghdr *)(const void *)(buf + off);
		msglen = NLMSG_ALIGN(nh->nlmsg_len);
		if (nh->nlmsg_len < sizeof(*nh) || msglen > len - off ||
		    msglen > NL_CHUNK)
			return EBADMSG;
		if (nh->nlmsg_type == NLMSG_DONE ||
		    nh->nlmsg_type == NLMSG_ERROR)
			*done = 1;
		if (off + msglen - start > NL_CHUNK) {
			wr_init(&w);
			wr_bytes(&w, buf + start, off - start);
			if (reply_send(c, MSG_NETLINK_DATA, id, &w, -1) == -1)
				return -1;
			start = off;
		}
		off += msglen;
		(*total)++;
	}
	if (off > start) {
		wr_init(&w);
		wr_bytes(&w, buf + start, off - start);
		if (reply_send(c, MSG_NETLINK_DATA, id, &w, -1) == -1)
			return -1;
	}
	return 0;
}

static int
relay_dump(struct child *c, uint32_t id, int s, uint64_t *total)
{
	char buf[NL_RECV_BUF];
	struct pollfd pfd = { .fd = s, .events = POLLIN };
	int done = 0, rc;
	ssize_t n;

	while (!done) {
		if (poll(&pfd, 1, NL_TIMEOUT_MS) <= 0)
			return ETIMEDOUT;
		n = recv(s, buf, sizeof(buf), MSG_TRUNC);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		if ((size_t)n > sizeof(buf))
			return EMSGSIZE;
		if ((rc = forward_buffer(c, id, buf, (size_t)n, &done,
		    total)) != 0)
			return rc;
	}
	return 0;
}

int
serve_netlink_dump(struct child *c, const struct msg *m)
{
	struct nl_request req;
	struct rd r;
	uint8_t kind, family, protocol;
	uint64_t total = 0;
	int nlproto, s, err;

	rd_init(&r, m->payload, m->hdr.len);
	if (rd_u8(&r, &kind) == -1 || rd_u8(&r, &family) == -1 ||
	    rd_u8(&r, &protocol) == -1 || rd_end(&r) == -1 ||
	    kind >= NL_KIND_MAX ||
	    build_request(kind, family, protocol, &req, &nlproto) == -1)
		return -1;
	if (!(policy_netlink_kinds(c->pd->policy) & (1u << kind))) {
		refuse_log(c, m, nl_kind_name(kind),
		    "not allowed by the policy");
		reply_end(c, m->hdr.id, EACCES, 0);
		return 0;
	}
	if ((s = open_and_send(nlproto, &req)) == -1)
		err = errno;
	else {
		err = relay_dump(c, m->hdr.id, s, &total);
		close(s);
		if (err == -1)
			return 0;
	}
	reply_end(c, m->hdr.id, err, total);
	return 0;
}
