/* Message framing and descriptor passing; see chan.h. */
#include <sys/socket.h>
#include <sys/uio.h>

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "chan.h"

void
chan_init(struct chan *c, int fd, int opts)
{
	c->fd = fd;
	c->opts = opts;
	c->send_timeout_ms = 30000;
}

int
chan_socketpair(int sv[2])
{
	return socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv);
}

static void
put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static uint32_t
get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 |
	    (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

void
frame_encode(uint8_t out[IPC_HDR_LEN], const struct msg_hdr *h)
{
	put_le32(out, h->type);
	put_le32(out + 4, h->len);
	put_le32(out + 8, h->id);
	put_le32(out + 12, h->flags);
}

int
frame_decode(const uint8_t *buf, size_t n, struct msg_hdr *h)
{
	if (n < IPC_HDR_LEN || n > IPC_HDR_LEN + IPC_MAX_PAYLOAD)
		return -1;
	h->type = get_le32(buf);
	h->len = get_le32(buf + 4);
	h->id = get_le32(buf + 8);
	h->flags = get_le32(buf + 12);
	if (h->len != n - IPC_HDR_LEN)
		return -1;
	if (h->type == MSG_NONE || h->type >= MSG_TYPE_MAX)
		return -1;
	if (h->flags & ~(uint32_t)IPC_FLAGS_KNOWN)
		return -1;
	return 0;
}

/* Wait until the socket takes a packet, or the peer's time is up. */
static int
wait_writable(struct chan *c)
{
	struct pollfd pfd = { .fd = c->fd, .events = POLLOUT };
	int n;

	do
		n = poll(&pfd, 1, c->send_timeout_ms);
	while (n == -1 && errno == EINTR);
	if (n == 0) {
		errno = ETIMEDOUT;
		return -1;
	}
	return n < 0 ? -1 : 0;
}

int
chan_send(struct chan *c, uint32_t type, uint32_t id,
    const struct wr *payload, int fd)
{
	uint8_t hdrbuf[IPC_HDR_LEN];
	struct msg_hdr h;
	struct iovec iov[2];
	struct msghdr mh;
	union {
		struct cmsghdr hdr;
		char buf[CMSG_SPACE(sizeof(int))];
	} cmsgbuf;
	struct cmsghdr *cm;
	ssize_t n;

	if (payload != NULL && wr_ok(payload) == -1) {
		errno = EMSGSIZE;
		return -1;
	}
	if (fd != -1 && !(c->opts & CHAN_FDS)) {
		errno = EINVAL;
		return -1;
	}
	h.type = type;
	h.len = payload != NULL ? (uint32_t)payload->len : 0;
	h.id = id;
	h.flags = fd != -1 ? IPC_FLAG_FD : 0;
	frame_encode(hdrbuf, &h);

	memset(&mh, 0, sizeof(mh));
	iov[0].iov_base = hdrbuf;
	iov[0].iov_len = sizeof(hdrbuf);
	iov[1].iov_base = payload != NULL ? (void *)payload->buf : NULL;
	iov[1].iov_len = h.len;
	mh.msg_iov = iov;
	mh.msg_iovlen = h.len > 0 ? 2 : 1;
	if (fd != -1) {
		memset(&cmsgbuf, 0, sizeof(cmsgbuf));
		mh.msg_control = cmsgbuf.buf;
		mh.msg_controllen = sizeof(cmsgbuf.buf);
		cm = CMSG_FIRSTHDR(&mh);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(cm), &fd, sizeof(int));
	}
	for (;;) {
		n = sendmsg(c->fd, &mh, MSG_NOSIGNAL);
		if (n >= 0)
			return 0;
		if (errno == EINTR)
			continue;
		if (errno != EAGAIN || wait_writable(c) == -1)
			return -1;
	}
}

/* Take the descriptors out of a received packet; more than one is bad. */
static enum chan_err
take_fds(struct msghdr *mh, int *fd)
{
	struct cmsghdr *cm;
	size_t i, nfds;
	int fds[8], got = 0;

	*fd = -1;
	for (cm = CMSG_FIRSTHDR(mh); cm != NULL; cm = CMSG_NXTHDR(mh, cm)) {
		if (cm->cmsg_level != SOL_SOCKET ||
		    cm->cmsg_type != SCM_RIGHTS)
			continue;
		nfds = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		for (i = 0; i < nfds; i++) {
			memcpy(&fds[got % 8], CMSG_DATA(cm) + i * sizeof(int),
			    sizeof(int));
			if (got >= 1 || (mh->msg_flags & MSG_CTRUNC))
				close(fds[got % 8]);
			else
				*fd = fds[0];
			got++;
		}
	}
	if (got > 1 || (mh->msg_flags & MSG_CTRUNC)) {
		if (*fd != -1)
			close(*fd);
		*fd = -1;
		return CHAN_BAD_FD;
	}
	return CHAN_OK;
}

enum chan_err
chan_recv(struct chan *c, struct msg *m)
{
	uint8_t buf[IPC_HDR_LEN + IPC_MAX_PAYLOAD];
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	union {
		struct cmsghdr hdr;
		char buf[CMSG_SPACE(sizeof(int) * 4)];
	} cmsgbuf;
	struct msghdr mh;
	enum chan_err err;
	ssize_t n;

	m->fd = -1;
	memset(&mh, 0, sizeof(mh));
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = cmsgbuf.buf;
	mh.msg_controllen = sizeof(cmsgbuf.buf);
	do
		n = recvmsg(c->fd, &mh, MSG_CMSG_CLOEXEC);
	while (n == -1 && errno == EINTR);
	if (n == -1 && errno == ECONNRESET)
		return CHAN_EOF;	/* the peer went with our words unread */
	if (n == -1)
		return errno == EAGAIN ? CHAN_AGAIN : CHAN_SYSERR;
	if ((err = take_fds(&mh, &m->fd)) != CHAN_OK)
		return err;
	if (n == 0 && mh.msg_controllen == 0)
		return CHAN_EOF;
	if ((mh.msg_flags & MSG_TRUNC) ||
	    frame_decode(buf, (size_t)n, &m->hdr) == -1)
		goto bad_frame;
	if (((m->hdr.flags & IPC_FLAG_FD) != 0) != (m->fd != -1) ||
	    (m->fd != -1 && !(c->opts & CHAN_FDS))) {
		if (m->fd != -1)
			close(m->fd);
		m->fd = -1;
		return CHAN_BAD_FD;
	}
	memcpy(m->payload, buf + IPC_HDR_LEN, m->hdr.len);
	return CHAN_OK;
bad_frame:
	if (m->fd != -1)
		close(m->fd);
	m->fd = -1;
	return CHAN_BAD_FRAME;
}

const char *
chan_strerror(enum chan_err e)
{
	switch (e) {
	case CHAN_OK:
		return "ok";
	case CHAN_EOF:
		return "peer closed the channel";
	case CHAN_AGAIN:
		return "no message waiting";
	case CHAN_SYSERR:
		return strerror(errno);
	case CHAN_BAD_FRAME:
		return "malformed frame";
	case CHAN_BAD_FD:
		return "descriptor not allowed here";
	}
	return "unknown channel error";
}
