/*
 * Framing of messages on a SOCK_SEQPACKET socketpair.
 *
 * Every message is one packet: a 16-byte header (u32 type, u32 length of
 * the payload, u32 request id, u32 flags, all little-endian) followed by at
 * most IPC_MAX_PAYLOAD bytes.  A packet may carry one descriptor
 * (SCM_RIGHTS), and only on a channel opened with CHAN_FDS.  The kernel
 * keeps packet boundaries, so a short or merged read cannot desynchronise
 * the peers; the header length is still checked against what arrived.
 */
#ifndef HOSTQL_IPC_CHAN_H
#define HOSTQL_IPC_CHAN_H

#include <stddef.h>
#include <stdint.h>

#include "catalogue.h"
#include "wire.h"

#define IPC_HDR_LEN	16
#define IPC_FLAG_FD	0x1	/* the packet carries a descriptor */
#define IPC_FLAGS_KNOWN	IPC_FLAG_FD

/* Fixed descriptor numbers of the channels in a child. */
#define CHAN_FD_PRIVD	3	/* child <-> privd */
#define CHAN_FD_LOGGER	4	/* worker -> logger (daemon only) */

/* Channel options. */
#define CHAN_FDS	0x1	/* descriptors may travel on this channel */

struct msg_hdr {
	uint32_t	type;
	uint32_t	len;
	uint32_t	id;
	uint32_t	flags;
};

struct msg {
	struct msg_hdr	hdr;
	uint8_t		payload[IPC_MAX_PAYLOAD];
	int		fd;	/* -1 unless a descriptor came with it */
};

struct chan {
	int		fd;
	int		opts;
	int		send_timeout_ms;	/* a peer that does not read
						 * within this is dead */
};

/* Why chan_recv() refused a packet. */
enum chan_err {
	CHAN_OK = 0,
	CHAN_EOF,		/* the peer closed the channel */
	CHAN_AGAIN,		/* nothing to read on a non-blocking socket */
	CHAN_SYSERR,		/* recvmsg failed; errno says why */
	CHAN_BAD_FRAME,		/* header and size disagree, unknown type,
				 * unknown flags, too long */
	CHAN_BAD_FD,		/* a descriptor where none is allowed, more
				 * than one, or a flag without one */
};

void	chan_init(struct chan *, int fd, int opts);
int	chan_send(struct chan *, uint32_t type, uint32_t id,
	    const struct wr *payload, int fd);
enum chan_err chan_recv(struct chan *, struct msg *);
const char *chan_strerror(enum chan_err);

/* Pure checks of one received packet, exposed for tests and fuzzing. */
int	frame_decode(const uint8_t *buf, size_t n, struct msg_hdr *);
void	frame_encode(uint8_t out[IPC_HDR_LEN], const struct msg_hdr *);

/* Make a SOCK_SEQPACKET socketpair, close-on-exec. */
int	chan_socketpair(int sv[2]);

#endif
