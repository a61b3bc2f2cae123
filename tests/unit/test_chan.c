/*
 * Message framing over a real socketpair: payloads of every size,
 * descriptor passing, and every malformed packet a confused or hostile
 * peer can write with send() directly, each refused with the right error
 * and without leaking a descriptor.
 */
#include <sys/socket.h>
#include <sys/uio.h>

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../ipc/chan.h"

struct pair {
	int		sv[2];
	struct chan	tx, rx;
};

static void
pair_open(struct pair *p, int tx_opts, int rx_opts)
{
	ck_assert_int_eq(chan_socketpair(p->sv), 0);
	chan_init(&p->tx, p->sv[0], tx_opts);
	chan_init(&p->rx, p->sv[1], rx_opts);
}

static void
pair_close(struct pair *p)
{
	if (p->sv[0] != -1)
		close(p->sv[0]);
	if (p->sv[1] != -1)
		close(p->sv[1]);
}

/* Descriptors open in this process, to catch leaks. */
static int
count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *de;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

static int
fd_is_open(int fd)
{
	return fcntl(fd, F_GETFD) != -1;
}

/* A header of the given fields followed by len payload bytes of 'x'. */
static size_t
raw_packet(uint8_t *buf, uint32_t type, uint32_t hdrlen, uint32_t flags,
    size_t len)
{
	struct msg_hdr h = { type, hdrlen, 7, flags };

	frame_encode(buf, &h);
	memset(buf + IPC_HDR_LEN, 'x', len);
	return IPC_HDR_LEN + len;
}

/* Write one packet with nfds descriptors attached, bypassing chan_send. */
static void
send_raw(int s, const void *buf, size_t len, const int *fds, size_t nfds)
{
	struct iovec iov = { .iov_base = (void *)buf, .iov_len = len };
	union {
		struct cmsghdr hdr;
		char buf[CMSG_SPACE(sizeof(int) * 8)];
	} cb;
	struct msghdr mh;
	struct cmsghdr *cm;

	memset(&mh, 0, sizeof(mh));
	memset(&cb, 0, sizeof(cb));
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	if (nfds > 0) {
		ck_assert_uint_le(nfds, 8);
		mh.msg_control = cb.buf;
		mh.msg_controllen = CMSG_SPACE(sizeof(int) * nfds);
		cm = CMSG_FIRSTHDR(&mh);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
		memcpy(CMSG_DATA(cm), fds, sizeof(int) * nfds);
	}
	ck_assert_int_eq(sendmsg(s, &mh, 0), (ssize_t)len);
}

static void
expect_recv(struct pair *p, enum chan_err want)
{
	struct msg *m = malloc(sizeof(*m));

	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(chan_recv(&p->rx, m), want);
	if (want != CHAN_OK)
		ck_assert_int_eq(m->fd, -1);
	free(m);
}

START_TEST(chan_payload_sizes)
{
	static const size_t sizes[] = { 0, 1, 2, 15, 16, 17, 4096,
	    IPC_MAX_PAYLOAD - 1, IPC_MAX_PAYLOAD };
	struct wr *w = malloc(sizeof(*w));
	struct msg *m = malloc(sizeof(*m));
	struct pair p;
	size_t i, j;

	ck_assert_ptr_nonnull(w);
	ck_assert_ptr_nonnull(m);
	pair_open(&p, 0, 0);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		wr_init(w);
		for (j = 0; j < sizes[i]; j++)
			wr_u8(w, (uint8_t)(j * 7 + i));
		ck_assert_int_eq(wr_ok(w), 0);
		ck_assert_int_eq(chan_send(&p.tx, MSG_DATA, (uint32_t)i + 100,
		    w, -1), 0);
		ck_assert_int_eq(chan_recv(&p.rx, m), CHAN_OK);
		ck_assert_uint_eq(m->hdr.type, MSG_DATA);
		ck_assert_uint_eq(m->hdr.id, i + 100);
		ck_assert_uint_eq(m->hdr.len, sizes[i]);
		ck_assert_uint_eq(m->hdr.flags, 0);
		ck_assert_int_eq(m->fd, -1);
		ck_assert(memcmp(m->payload, w->buf, sizes[i]) == 0);
	}
	/* No payload at all. */
	ck_assert_int_eq(chan_send(&p.tx, MSG_PING, 1, NULL, -1), 0);
	ck_assert_int_eq(chan_recv(&p.rx, m), CHAN_OK);
	ck_assert_uint_eq(m->hdr.type, MSG_PING);
	ck_assert_uint_eq(m->hdr.len, 0);
	pair_close(&p);
	free(m);
	free(w);
}
END_TEST

/* An overflowed payload is never sent. */
START_TEST(chan_send_overflowed)
{
	struct wr *w = malloc(sizeof(*w));
	struct pair p;
	size_t i;

	ck_assert_ptr_nonnull(w);
	pair_open(&p, 0, 0);
	wr_init(w);
	for (i = 0; i <= IPC_MAX_PAYLOAD; i++)
		wr_u8(w, 1);
	ck_assert_int_eq(chan_send(&p.tx, MSG_DATA, 1, w, -1), -1);
	ck_assert_int_eq(errno, EMSGSIZE);
	ck_assert_int_eq(fcntl(p.sv[1], F_SETFL, O_NONBLOCK), 0);
	expect_recv(&p, CHAN_AGAIN);
	pair_close(&p);
	free(w);
}
END_TEST

/* A pipe's write end goes across and still works on the other side. */
START_TEST(chan_pass_descriptor)
{
	struct msg *m = malloc(sizeof(*m));
	struct pair p;
	int pfd[2], before;
	char buf[8];

	ck_assert_ptr_nonnull(m);
	pair_open(&p, CHAN_FDS, CHAN_FDS);
	ck_assert_int_eq(pipe(pfd), 0);
	ck_assert_int_eq(chan_send(&p.tx, MSG_FD, 3, NULL, pfd[1]), 0);
	close(pfd[1]);
	before = count_fds();
	ck_assert_int_eq(chan_recv(&p.rx, m), CHAN_OK);
	ck_assert_uint_eq(m->hdr.type, MSG_FD);
	ck_assert_uint_eq(m->hdr.flags, IPC_FLAG_FD);
	ck_assert_int_ne(m->fd, -1);
	ck_assert_int_eq(count_fds(), before + 1);
	/* Received close-on-exec: a child exec'd later does not get it. */
	ck_assert_int_eq(fcntl(m->fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
	ck_assert_int_eq(write(m->fd, "ping", 4), 4);
	close(m->fd);
	ck_assert_int_eq(read(pfd[0], buf, sizeof(buf)), 4);
	ck_assert(memcmp(buf, "ping", 4) == 0);
	/* Every write end closed: the reader sees the end. */
	ck_assert_int_eq(read(pfd[0], buf, sizeof(buf)), 0);
	close(pfd[0]);
	pair_close(&p);
	free(m);
}
END_TEST

/* The sender refuses to put a descriptor on a channel without CHAN_FDS. */
START_TEST(chan_send_fd_not_allowed)
{
	struct pair p;
	int pfd[2];

	pair_open(&p, 0, 0);
	ck_assert_int_eq(pipe(pfd), 0);
	ck_assert_int_eq(chan_send(&p.tx, MSG_FD, 1, NULL, pfd[0]), -1);
	ck_assert_int_eq(errno, EINVAL);
	close(pfd[0]);
	close(pfd[1]);
	pair_close(&p);
}
END_TEST

/* The receiver refuses one on a channel without CHAN_FDS and closes it. */
START_TEST(chan_recv_fd_not_allowed)
{
	struct pair p;
	int pfd[2], before;

	pair_open(&p, CHAN_FDS, 0);
	ck_assert_int_eq(pipe(pfd), 0);
	ck_assert_int_eq(chan_send(&p.tx, MSG_FD, 1, NULL, pfd[0]), 0);
	close(pfd[0]);
	before = count_fds();
	expect_recv(&p, CHAN_BAD_FD);
	ck_assert_int_eq(count_fds(), before);
	/* The read end is gone everywhere: writing now breaks the pipe. */
	signal(SIGPIPE, SIG_IGN);
	ck_assert_int_eq(write(pfd[1], "x", 1) == -1 && errno == EPIPE ? 1 :
	    0, 1);
	close(pfd[1]);
	pair_close(&p);
}
END_TEST

START_TEST(chan_raw_shorter_than_header)
{
	uint8_t buf[IPC_HDR_LEN];
	struct pair p;

	pair_open(&p, 0, 0);
	raw_packet(buf, MSG_PING, 0, 0, 0);
	send_raw(p.sv[0], buf, IPC_HDR_LEN - 1, NULL, 0);
	expect_recv(&p, CHAN_BAD_FRAME);
	send_raw(p.sv[0], buf, 1, NULL, 0);
	expect_recv(&p, CHAN_BAD_FRAME);
	pair_close(&p);
}
END_TEST

/* A zero-length packet reads as the end of the channel (recvmsg returns 0
 * either way): a peer that sends one only hangs itself up. */
START_TEST(chan_raw_empty_packet)
{
	struct pair p;
	char c = 0;

	pair_open(&p, 0, 0);
	send_raw(p.sv[0], &c, 0, NULL, 0);
	expect_recv(&p, CHAN_EOF);
	pair_close(&p);
}
END_TEST

START_TEST(chan_raw_length_disagrees)
{
	uint8_t buf[IPC_HDR_LEN + 16];
	struct pair p;
	size_t n;

	pair_open(&p, 0, 0);
	n = raw_packet(buf, MSG_DATA, 9, 0, 8);		/* says more */
	send_raw(p.sv[0], buf, n, NULL, 0);
	expect_recv(&p, CHAN_BAD_FRAME);
	n = raw_packet(buf, MSG_DATA, 7, 0, 8);		/* says less */
	send_raw(p.sv[0], buf, n, NULL, 0);
	expect_recv(&p, CHAN_BAD_FRAME);
	n = raw_packet(buf, MSG_DATA, UINT32_MAX, 0, 8);
	send_raw(p.sv[0], buf, n, NULL, 0);
	expect_recv(&p, CHAN_BAD_FRAME);
	n = raw_packet(buf, MSG_DATA, 8, 0, 8);		/* agrees */
	send_raw(p.sv[0], buf, n, NULL, 0);
	expect_recv(&p, CHAN_OK);
	pair_close(&p);
}
END_TEST

START_TEST(chan_raw_unknown_type)
{
	uint8_t buf[IPC_HDR_LEN];
	struct pair p;

	pair_open(&p, 0, 0);
	send_raw(p.sv[0], buf, raw_packet(buf, MSG_NONE, 0, 0, 0), NULL, 0);
	expect_recv(&p, CHAN_BAD_FRAME);
	send_raw(p.sv[0], buf, raw_packet(buf, MSG_TYPE_MAX, 0, 0, 0), NULL,
	    0);
	expect_recv(&p, CHAN_BAD_FRAME);
	send_raw(p.sv[0], buf, raw_packet(buf, UINT32_MAX, 0, 0, 0), NULL, 0);
	expect_recv(&p, CHAN_BAD_FRAME);
	send_raw(p.sv[0], buf, raw_packet(buf, MSG_TYPE_MAX - 1, 0, 0, 0),
	    NULL, 0);
	expect_recv(&p, CHAN_OK);
	pair_close(&p);
}
END_TEST

START_TEST(chan_raw_unknown_flags)
{
	uint8_t buf[IPC_HDR_LEN];
	struct pair p;

	pair_open(&p, 0, 0);
	send_raw(p.sv[0], buf, raw_packet(buf, MSG_PING, 0, 0x2, 0), NULL, 0);
	expect_recv(&p, CHAN_BAD_FRAME);
	send_raw(p.sv[0], buf, raw_packet(buf, MSG_PING, 0, 0x80000000u, 0),
	    NULL, 0);
	expect_recv(&p, CHAN_BAD_FRAME);
	pair_close(&p);
}
END_TEST

/* An unknown flag with a descriptor: refused and the descriptor closed. */
START_TEST(chan_raw_bad_frame_with_fd)
{
	uint8_t buf[IPC_HDR_LEN];
	struct pair p;
	int pfd[2], before;

	pair_open(&p, CHAN_FDS, CHAN_FDS);
	ck_assert_int_eq(pipe(pfd), 0);
	before = count_fds();
	send_raw(p.sv[0], buf, raw_packet(buf, MSG_FD, 0, IPC_FLAG_FD | 0x4,
	    0), &pfd[0], 1);
	expect_recv(&p, CHAN_BAD_FRAME);
	ck_assert_int_eq(count_fds(), before);
	close(pfd[0]);
	close(pfd[1]);
	pair_close(&p);
}
END_TEST

START_TEST(chan_raw_flag_without_fd)
{
	uint8_t buf[IPC_HDR_LEN];
	struct pair p;

	pair_open(&p, CHAN_FDS, CHAN_FDS);
	send_raw(p.sv[0], buf, raw_packet(buf, MSG_FD, 0, IPC_FLAG_FD, 0),
	    NULL, 0);
	expect_recv(&p, CHAN_BAD_FD);
	pair_close(&p);
}
END_TEST

START_TEST(chan_raw_fd_without_flag)
{
	uint8_t buf[IPC_HDR_LEN];
	struct pair p;
	int pfd[2], before;

	pair_open(&p, CHAN_FDS, CHAN_FDS);
	ck_assert_int_eq(pipe(pfd), 0);
	before = count_fds();
	send_raw(p.sv[0], buf, raw_packet(buf, MSG_FD, 0, 0, 0), &pfd[0], 1);
	expect_recv(&p, CHAN_BAD_FD);
	ck_assert_int_eq(count_fds(), before);
	close(pfd[0]);
	close(pfd[1]);
	pair_close(&p);
}
END_TEST

/* Two descriptors in one packet: both are closed, and so is a third. */
START_TEST(chan_raw_two_fds)
{
	uint8_t buf[IPC_HDR_LEN];
	struct pair p;
	int pfd[2], q[2], fds[3], before;

	pair_open(&p, CHAN_FDS, CHAN_FDS);
	ck_assert_int_eq(pipe(pfd), 0);
	ck_assert_int_eq(pipe(q), 0);
	before = count_fds();
	fds[0] = pfd[0];
	fds[1] = q[0];
	send_raw(p.sv[0], buf, raw_packet(buf, MSG_FD, 0, IPC_FLAG_FD, 0),
	    fds, 2);
	expect_recv(&p, CHAN_BAD_FD);
	ck_assert_int_eq(count_fds(), before);
	fds[2] = pfd[1];
	send_raw(p.sv[0], buf, raw_packet(buf, MSG_FD, 0, IPC_FLAG_FD, 0),
	    fds, 3);
	expect_recv(&p, CHAN_BAD_FD);
	ck_assert_int_eq(count_fds(), before);
	/* More than the receiver has room for: the control data is cut,
	 * and what did arrive is closed. */
	{
		int many[6] = { pfd[0], pfd[1], q[0], q[1], pfd[0], q[0] };

		send_raw(p.sv[0], buf, raw_packet(buf, MSG_FD, 0, IPC_FLAG_FD,
		    0), many, 6);
		expect_recv(&p, CHAN_BAD_FD);
		ck_assert_int_eq(count_fds(), before);
	}
	/* The channel still works afterwards. */
	send_raw(p.sv[0], buf, raw_packet(buf, MSG_FD, 0, IPC_FLAG_FD, 0),
	    fds, 1);
	{
		struct msg *m = malloc(sizeof(*m));

		ck_assert_ptr_nonnull(m);
		ck_assert_int_eq(chan_recv(&p.rx, m), CHAN_OK);
		ck_assert(fd_is_open(m->fd));
		close(m->fd);
		free(m);
	}
	ck_assert_int_eq(count_fds(), before);
	close(pfd[0]);
	close(pfd[1]);
	close(q[0]);
	close(q[1]);
	pair_close(&p);
}
END_TEST

/* A packet longer than the largest frame arrives truncated and is refused;
 * the next one is read whole. */
START_TEST(chan_raw_oversized)
{
	size_t big = IPC_HDR_LEN + IPC_MAX_PAYLOAD + 1;
	uint8_t *buf = malloc(big);
	struct pair p;
	int sz = 1 << 20;

	ck_assert_ptr_nonnull(buf);
	pair_open(&p, 0, 0);
	setsockopt(p.sv[0], SOL_SOCKET, SO_SNDBUF, &sz, sizeof(sz));
	raw_packet(buf, MSG_DATA, IPC_MAX_PAYLOAD + 1, 0, IPC_MAX_PAYLOAD + 1);
	send_raw(p.sv[0], buf, big, NULL, 0);
	expect_recv(&p, CHAN_BAD_FRAME);
	/* Exactly the largest frame is fine. */
	raw_packet(buf, MSG_DATA, IPC_MAX_PAYLOAD, 0, IPC_MAX_PAYLOAD);
	send_raw(p.sv[0], buf, big - 1, NULL, 0);
	expect_recv(&p, CHAN_OK);
	pair_close(&p);
	free(buf);
}
END_TEST

START_TEST(chan_eof)
{
	struct pair p;

	pair_open(&p, 0, 0);
	ck_assert_int_eq(chan_send(&p.tx, MSG_PING, 1, NULL, -1), 0);
	close(p.sv[0]);
	p.sv[0] = -1;
	/* What was sent before the close is still delivered. */
	expect_recv(&p, CHAN_OK);
	expect_recv(&p, CHAN_EOF);
	expect_recv(&p, CHAN_EOF);
	pair_close(&p);
}
END_TEST

START_TEST(chan_nonblocking_again)
{
	struct pair p;

	pair_open(&p, 0, 0);
	ck_assert_int_eq(fcntl(p.sv[1], F_SETFL, O_NONBLOCK), 0);
	expect_recv(&p, CHAN_AGAIN);
	pair_close(&p);
}
END_TEST

START_TEST(chan_frame_codec)
{
	uint8_t buf[IPC_HDR_LEN + 4];
	struct msg_hdr h = { MSG_END, 4, 0x01020304, IPC_FLAG_FD }, g;
	static const uint8_t want[IPC_HDR_LEN] = {
		MSG_END, 0, 0, 0, 4, 0, 0, 0, 4, 3, 2, 1, 1, 0, 0, 0,
	};

	frame_encode(buf, &h);
	ck_assert(memcmp(buf, want, IPC_HDR_LEN) == 0);
	ck_assert_int_eq(frame_decode(buf, sizeof(buf), &g), 0);
	ck_assert_uint_eq(g.type, h.type);
	ck_assert_uint_eq(g.len, h.len);
	ck_assert_uint_eq(g.id, h.id);
	ck_assert_uint_eq(g.flags, h.flags);

	/* Sizes around the header and the payload limit. */
	ck_assert_int_eq(frame_decode(buf, 0, &g), -1);
	ck_assert_int_eq(frame_decode(buf, IPC_HDR_LEN - 1, &g), -1);
	ck_assert_int_eq(frame_decode(buf, IPC_HDR_LEN, &g), -1);
	ck_assert_int_eq(frame_decode(buf, sizeof(buf) - 1, &g), -1);
	h.len = 0;
	frame_encode(buf, &h);
	ck_assert_int_eq(frame_decode(buf, IPC_HDR_LEN, &g), 0);
	h.len = IPC_MAX_PAYLOAD + 1;
	frame_encode(buf, &h);
	ck_assert_int_eq(frame_decode(buf, IPC_HDR_LEN + IPC_MAX_PAYLOAD + 1,
	    &g), -1);
	h.len = 0;

	/* Every type in the catalogue, and none outside it. */
	for (h.type = 0; h.type <= MSG_TYPE_MAX; h.type++) {
		frame_encode(buf, &h);
		ck_assert_int_eq(frame_decode(buf, IPC_HDR_LEN, &g),
		    h.type == MSG_NONE || h.type == MSG_TYPE_MAX ? -1 : 0);
	}
	h.type = MSG_PING;
	for (h.flags = 1; h.flags != 0; h.flags <<= 1) {
		frame_encode(buf, &h);
		ck_assert_int_eq(frame_decode(buf, IPC_HDR_LEN, &g),
		    h.flags == IPC_FLAG_FD ? 0 : -1);
	}
}
END_TEST

Suite	*suite_chan(void);

Suite *
suite_chan(void)
{
	Suite *s = suite_create("chan");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, chan_payload_sizes);
	tcase_add_test(tc, chan_send_overflowed);
	tcase_add_test(tc, chan_pass_descriptor);
	tcase_add_test(tc, chan_send_fd_not_allowed);
	tcase_add_test(tc, chan_recv_fd_not_allowed);
	tcase_add_test(tc, chan_raw_shorter_than_header);
	tcase_add_test(tc, chan_raw_empty_packet);
	tcase_add_test(tc, chan_raw_length_disagrees);
	tcase_add_test(tc, chan_raw_unknown_type);
	tcase_add_test(tc, chan_raw_unknown_flags);
	tcase_add_test(tc, chan_raw_bad_frame_with_fd);
	tcase_add_test(tc, chan_raw_flag_without_fd);
	tcase_add_test(tc, chan_raw_fd_without_flag);
	tcase_add_test(tc, chan_raw_two_fds);
	tcase_add_test(tc, chan_raw_oversized);
	tcase_add_test(tc, chan_eof);
	tcase_add_test(tc, chan_nonblocking_again);
	tcase_add_test(tc, chan_frame_codec);
	suite_add_tcase(s, tc);
	return s;
}
