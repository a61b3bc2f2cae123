/*
 * Frames and payloads as a hostile peer may write them.
 *
 * The input is first taken as a whole packet: frame_decode() checks it,
 * and an accepted frame's payload goes through the decoder of its type,
 * field by field as ipc/catalogue.h lists them and as privd's dispatch
 * and the worker's collector read them.  As a random header rarely
 * agrees with its length, the input is then also taken as a type byte and
 * a payload, framed here, so that every decoder sees arbitrary payloads.
 *
 * A payload that decodes is encoded again with the wr_* functions and
 * must come out byte for byte the same: the encoding has one form.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../ipc/catalogue.h"
#include "../ipc/chan.h"
#include "../ipc/wire.h"
#include "../policy/policy.h"
#include "fuzz.h"

/* Read a path as privd does and look at it as the policy would. */
static int
path_field(struct rd *r, struct wr *w)
{
	const char *path;

	if (rd_str(r, &path, IPC_MAX_PATH) == -1)
		return -1;
	CHECK(strlen(path) <= IPC_MAX_PATH);
	(void)policy_path_canonical(path);
	wr_str(w, path);
	return 0;
}

static int
str_field(struct rd *r, struct wr *w, size_t max)
{
	const char *s;

	if (rd_str(r, &s, max) == -1)
		return -1;
	CHECK(strlen(s) <= max);
	wr_str(w, s);
	return 0;
}

static int
bytes_field(struct rd *r, struct wr *w, size_t max)
{
	const void *p;
	size_t n;

	if (rd_bytes(r, &p, &n, max) == -1)
		return -1;
	CHECK(n <= max);
	wr_bytes(w, p, n);
	return 0;
}

static int
u8_field(struct rd *r, struct wr *w, uint8_t *v)
{
	if (rd_u8(r, v) == -1)
		return -1;
	wr_u8(w, *v);
	return 0;
}

static int
u32_field(struct rd *r, struct wr *w, uint32_t *v)
{
	if (rd_u32(r, v) == -1)
		return -1;
	wr_u32(w, *v);
	return 0;
}

static int
u64_field(struct rd *r, struct wr *w)
{
	uint64_t v;

	if (rd_u64(r, &v) == -1)
		return -1;
	wr_u64(w, v);
	return 0;
}

static int
i32_field(struct rd *r, struct wr *w, int32_t *v)
{
	if (rd_i32(r, v) == -1)
		return -1;
	wr_i32(w, *v);
	return 0;
}

static int
i64_field(struct rd *r, struct wr *w)
{
	int64_t v;

	if (rd_i64(r, &v) == -1)
		return -1;
	wr_i64(w, v);
	return 0;
}

static int
decode_hello(struct rd *r, struct wr *w)
{
	uint8_t role;
	uint32_t version;

	if (u8_field(r, w, &role) == -1 || u32_field(r, w, &version) == -1)
		return -1;
	return role == ROLE_WORKER || role == ROLE_LOGGER ? 0 : -1;
}

static int
decode_log(struct rd *r, struct wr *w)
{
	uint8_t level;

	return u8_field(r, w, &level) == -1 ||
	    str_field(r, w, IPC_MAX_LOGTEXT) == -1 ? -1 : 0;
}

static int
decode_read_file(struct rd *r, struct wr *w)
{
	uint64_t cap;

	if (path_field(r, w) == -1 || rd_u64(r, &cap) == -1)
		return -1;
	wr_u64(w, cap);
	return cap > IPC_MAX_READ_CAP ? -1 : 0;
}

static int
decode_stat(struct rd *r, struct wr *w)
{
	uint8_t follow;

	if (path_field(r, w) == -1 || u8_field(r, w, &follow) == -1)
		return -1;
	return follow > 1 ? -1 : 0;
}

static int
decode_proc_read(struct rd *r, struct wr *w)
{
	uint32_t kinds, npids, i;
	int32_t pid;

	if (u32_field(r, w, &kinds) == -1 || u32_field(r, w, &npids) == -1)
		return -1;
	if (npids > IPC_MAX_PIDS || kinds == 0 || (kinds >> PROC_KIND_MAX))
		return -1;
	for (i = 0; i < npids; i++)
		if (i32_field(r, w, &pid) == -1 || pid <= 0)
			return -1;
	return 0;
}

static int
decode_netlink_dump(struct rd *r, struct wr *w)
{
	uint8_t kind, family, protocol;

	if (u8_field(r, w, &kind) == -1 || u8_field(r, w, &family) == -1 ||
	    u8_field(r, w, &protocol) == -1)
		return -1;
	return kind < NL_KIND_MAX ? 0 : -1;
}

static int
decode_dirents(struct rd *r, struct wr *w)
{
	uint8_t type;

	while (rd_end(r) == -1)
		if (str_field(r, w, 255) == -1 || u8_field(r, w, &type) == -1 ||
		    u64_field(r, w) == -1)
			return -1;
	return 0;
}

static int
decode_stat_info(struct rd *r, struct wr *w)
{
	uint32_t v;
	int i;

	if (u64_field(r, w) == -1 || u64_field(r, w) == -1)	/* dev ino */
		return -1;
	for (i = 0; i < 4; i++)			/* mode nlink uid gid */
		if (u32_field(r, w, &v) == -1)
			return -1;
	if (u64_field(r, w) == -1)		/* rdev */
		return -1;
	for (i = 0; i < 7; i++)	/* size blksize blocks atime mtime ctime btime */
		if (i64_field(r, w) == -1)
			return -1;
	return 0;
}

static int
decode_proc_data(struct rd *r, struct wr *w)
{
	int32_t pid, err;
	uint8_t kind, more;

	while (rd_end(r) == -1) {
		if (i32_field(r, w, &pid) == -1 || u8_field(r, w, &kind) == -1 ||
		    i32_field(r, w, &err) == -1 ||
		    u8_field(r, w, &more) == -1 ||
		    bytes_field(r, w, IPC_MAX_PAYLOAD) == -1)
			return -1;
		if (kind >= PROC_KIND_MAX || more > 1 || err < 0)
			return -1;
	}
	return 0;
}

static int
decode_end(struct rd *r, struct wr *w)
{
	int32_t e;

	if (i32_field(r, w, &e) == -1 || u64_field(r, w) == -1)
		return -1;
	return e < 0 ? -1 : 0;
}

static int
decode_u64s(struct rd *r, struct wr *w, int n)
{
	while (n-- > 0)
		if (u64_field(r, w) == -1)
			return -1;
	return 0;
}

static int
decode_iptables_dump(struct rd *r, struct wr *w)
{
	uint8_t family, table;

	if (u8_field(r, w, &family) == -1 || u8_field(r, w, &table) == -1)
		return -1;
	return table < IPT_TABLE_MAX ? 0 : -1;
}

static int
decode_denylist(struct rd *r, struct wr *w)
{
	return str_field(r, w, IPC_MAX_PAYLOAD) == -1 ||
	    i64_field(r, w) == -1 ? -1 : 0;
}

static int
decode_logger_config(struct rd *r, struct wr *w)
{
	uint32_t v32;
	uint8_t v8;
	int i;

	if (str_field(r, w, IPC_MAX_PAYLOAD) == -1 ||
	    u8_field(r, w, &v8) == -1 || u64_field(r, w) == -1 ||
	    u32_field(r, w, &v32) == -1 || u32_field(r, w, &v32) == -1)
		return -1;
	for (i = 0; i < 4; i++)
		if (u8_field(r, w, &v8) == -1)
			return -1;
	return 0;
}

static int
decode_status(struct rd *r, struct wr *w)
{
	uint8_t severity;

	return u8_field(r, w, &severity) == -1 || i64_field(r, w) == -1 ||
	    str_field(r, w, IPC_MAX_PAYLOAD) == -1 ? -1 : 0;
}

/* n strings, counted by a u32 first; pairs when two. */
static int
decode_str_list(struct rd *r, struct wr *w, int per)
{
	uint32_t n, i;
	int k;

	if (u32_field(r, w, &n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		for (k = 0; k < per; k++)
			if (str_field(r, w, IPC_MAX_PAYLOAD) == -1)
				return -1;
	return 0;
}

static int
decode_result_begin(struct rd *r, struct wr *w)
{
	uint8_t flags;

	if (str_field(r, w, IPC_MAX_PAYLOAD) == -1 ||
	    str_field(r, w, IPC_MAX_PAYLOAD) == -1 ||
	    decode_u64s(r, w, 3) == -1 || u8_field(r, w, &flags) == -1)
		return -1;
	return decode_str_list(r, w, 1) == -1 ||
	    decode_str_list(r, w, 2) == -1 ? -1 : 0;
}

/* Cells (u8 null, str value) to the end: the row width is the set's. */
static int
decode_result_rows(struct rd *r, struct wr *w)
{
	uint8_t null;

	while (r->left > 0)
		if (u8_field(r, w, &null) == -1 ||
		    str_field(r, w, IPC_MAX_PAYLOAD) == -1)
			return -1;
	return 0;
}

static int
decode_result_stored(struct rd *r, struct wr *w)
{
	return str_field(r, w, IPC_MAX_PAYLOAD) == -1 ||
	    u64_field(r, w) == -1 ? -1 : 0;
}

/* The daemon's messages (the catalogue's second half). */
static int
decode_daemon_payload(uint32_t type, struct rd *r, struct wr *w)
{
	switch (type) {
	case MSG_QUERY_STATE:
	case MSG_PEER_VIOLATION:
		return str_field(r, w, IPC_MAX_PAYLOAD);
	case MSG_LOGGER_CHANNEL:
	case MSG_RELOAD:
	case MSG_SHUTDOWN:
	case MSG_STATE_DIR:
	case MSG_LOG_DIR:
	case MSG_WORKER_CHANNEL:
		return 0;
	case MSG_DENYLIST:
		return decode_denylist(r, w);
	case MSG_SIGN_KEY:
		return bytes_field(r, w, IPC_MAX_PAYLOAD);
	case MSG_LOGGER_CONFIG:
		return decode_logger_config(r, w);
	case MSG_STATUS:
		return decode_status(r, w);
	case MSG_RESULT_BEGIN:
		return decode_result_begin(r, w);
	case MSG_RESULT_ROWS:
		return decode_result_rows(r, w);
	case MSG_RESULT_END:
		return u64_field(r, w);
	case MSG_RESULT_STORED:
		return decode_result_stored(r, w);
	}
	/* frame_decode() let through a type the catalogue does not have. */
	__builtin_trap();
}

/* The fields of each message type; -1 when they do not decode. */
static int
decode_payload(uint32_t type, struct rd *r, struct wr *w)
{
	switch (type) {
	case MSG_HELLO:
		return decode_hello(r, w);
	case MSG_LOG:
		return decode_log(r, w);
	case MSG_PONG:
	case MSG_PING:
		return u64_field(r, w);
	case MSG_READ_FILE:
		return decode_read_file(r, w);
	case MSG_OPEN_FILE:
	case MSG_LIST_DIR:
	case MSG_READLINK:
		return path_field(r, w);
	case MSG_STAT:
		return decode_stat(r, w);
	case MSG_PROC_READ:
		return decode_proc_read(r, w);
	case MSG_NETLINK_DUMP:
		return decode_netlink_dump(r, w);
	case MSG_DATA:
	case MSG_NETLINK_DATA:
		return bytes_field(r, w, IPC_MAX_PAYLOAD);
	case MSG_FD:
		return 0;
	case MSG_DIRENTS:
		return decode_dirents(r, w);
	case MSG_STAT_INFO:
		return decode_stat_info(r, w);
	case MSG_LINK:
		return path_field(r, w);
	case MSG_PROC_DATA:
		return decode_proc_data(r, w);
	case MSG_END:
		return decode_end(r, w);
	case MSG_STATFS:
		return path_field(r, w);
	case MSG_IPTABLES_DUMP:
		return decode_iptables_dump(r, w);
	case MSG_STATFS_INFO:
		return decode_u64s(r, w, 9);
	}
	return decode_daemon_payload(type, r, w);
}

static void
decode_message(const struct msg_hdr *h, const uint8_t *payload)
{
	static struct wr w;
	struct rd r;

	CHECK(h->type > MSG_NONE && h->type < MSG_TYPE_MAX);
	CHECK(h->len <= IPC_MAX_PAYLOAD);
	CHECK((h->flags & ~(uint32_t)IPC_FLAGS_KNOWN) == 0);
	wr_init(&w);
	rd_init(&r, payload, h->len);
	if (decode_payload(h->type, &r, &w) == -1 || rd_end(&r) == -1)
		return;
	CHECK(wr_ok(&w) == 0);
	CHECK(w.len == h->len);
	CHECK(memcmp(w.buf, payload, h->len) == 0);
}

/* Frame type and payload here, encoding the header as chan_send does,
 * in a buffer of exactly the packet's size so that reading past it is
 * caught. */
static void
frame_payload(uint32_t type, const uint8_t *payload, size_t n)
{
	struct msg_hdr h = { type, (uint32_t)n, 1, 0 }, g;
	uint8_t *pkt;

	if (n > IPC_MAX_PAYLOAD || (pkt = malloc(IPC_HDR_LEN + n)) == NULL)
		return;
	frame_encode(pkt, &h);
	memcpy(pkt + IPC_HDR_LEN, payload, n);
	CHECK(frame_decode(pkt, IPC_HDR_LEN + n, &g) == 0);
	CHECK(g.type == h.type && g.len == h.len && g.id == h.id &&
	    g.flags == h.flags);
	decode_message(&g, pkt + IPC_HDR_LEN);
	free(pkt);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct msg_hdr h;
	uint8_t again[IPC_HDR_LEN];

	if (frame_decode(data, size, &h) == 0) {
		CHECK(h.len == size - IPC_HDR_LEN);
		frame_encode(again, &h);
		CHECK(memcmp(again, data, IPC_HDR_LEN) == 0);
		decode_message(&h, data + IPC_HDR_LEN);
	}
	if (size >= 1)
		frame_payload(1 + data[0] % (MSG_TYPE_MAX - 1), data + 1,
		    size - 1);
	return 0;
}
