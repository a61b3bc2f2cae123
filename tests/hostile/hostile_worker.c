/*
 * A hostile worker: started by privd in place of hostql-worker
 * (--worker_path), it speaks the IPC itself and tries what a compromised
 * worker would.  Generation 0 (HOSTQL_GENERATION) asks for what the policy
 * forbids and checks each answer is a refusal, then commits violation 0;
 * generation N commits violation N.  privd must kill it each time and
 * start the next one; the generation after the last violation behaves and
 * exits 0.  A violation that is not punished within two seconds makes it
 * exit 3, which privd passes on as its own status.
 */
#include <sys/socket.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../ipc/chan.h"

static struct chan ch;

static void
send_msg(uint32_t type, const struct wr *w, int fd)
{
	if (chan_send(&ch, type, 7, w, fd) == -1) {
		perror("hostile: send");
		exit(4);
	}
}

static void
send_raw(const void *buf, size_t len)
{
	if (send(CHAN_FD_PRIVD, buf, len, 0) == -1) {
		perror("hostile: send raw");
		exit(4);
	}
}

static void
hello(void)
{
	struct wr w;

	wr_init(&w);
	wr_u8(&w, ROLE_WORKER);
	wr_u32(&w, IPC_PROTOCOL_VERSION);
	send_msg(MSG_HELLO, &w, -1);
}

/* The DATA of a reply, gathered. */
struct gathered {
	char	buf[8192];
	size_t	len;
};

static void
gather(struct gathered *g, const struct msg *m)
{
	struct rd r;
	const void *p;
	size_t n;

	rd_init(&r, m->payload, m->hdr.len);
	if (g == NULL || m->hdr.type != MSG_DATA ||
	    rd_bytes(&r, &p, &n, IPC_MAX_PAYLOAD) == -1)
		return;
	if (n > sizeof(g->buf) - g->len)
		n = sizeof(g->buf) - g->len;
	memcpy(g->buf + g->len, p, n);
	g->len += n;
}

/* Read replies until END, keeping any DATA in g; return END's errno. */
static int
await_data(struct gathered *g)
{
	struct msg m;
	struct rd r;
	int32_t err;
	uint64_t total;

	for (;;) {
		if (chan_recv(&ch, &m) != CHAN_OK) {
			fprintf(stderr, "hostile: channel closed\n");
			exit(4);
		}
		if (m.fd != -1)
			close(m.fd);
		if (m.hdr.type != MSG_END) {
			gather(g, &m);
			continue;
		}
		rd_init(&r, m.payload, m.hdr.len);
		if (rd_i32(&r, &err) == -1 || rd_u64(&r, &total) == -1)
			exit(4);
		return err;
	}
}

static int
await_end(void)
{
	return await_data(NULL);
}

static int
read_data(const char *path, struct gathered *g)
{
	struct wr w;

	wr_init(&w);
	wr_str(&w, path);
	wr_u64(&w, 4096);
	send_msg(MSG_READ_FILE, &w, -1);
	return await_data(g);
}

static int
read_file(const char *path)
{
	return read_data(path, NULL);
}

static int
open_file(const char *path)
{
	struct wr w;

	wr_init(&w);
	wr_str(&w, path);
	send_msg(MSG_OPEN_FILE, &w, -1);
	return await_end();
}

/* Does any line's second field hold more than [!*]... and "$id$" or
 * "x"?  That would be a hash. */
static int
holds_hash(const char *buf, size_t len)
{
	const char *line = buf, *end = buf + len, *nl, *f, *fe;

	for (; line < end; line = nl + 1) {
		if ((nl = memchr(line, '\n', (size_t)(end - line))) == NULL)
			nl = end;
		if ((f = memchr(line, ':', (size_t)(nl - line))) == NULL)
			continue;
		f++;
		if ((fe = memchr(f, ':', (size_t)(nl - f))) == NULL)
			fe = nl;
		while (f < fe && (*f == '!' || *f == '*'))
			f++;
		if (f < fe && *f == '$') {
			f = memchr(f + 1, '$', (size_t)(fe - f - 1));
			if (f == NULL || f + 1 != fe)
				return 1;
		} else if (f < fe && !(*f == 'x' && f + 1 == fe))
			return 1;
	}
	return 0;
}

/* Files the policy lets out only on its terms: the shadow file (also
 * through a link) without hashes, a private key's first 40 bytes, and
 * neither as a descriptor. */
static int
policy_terms(void)
{
	static const char *const shadows[] = {
		"/etc/shadow", "/etc/hostql-hostile-shadow", NULL
	};
	const char *const *p;
	struct gathered g;
	int bad = 0, err;

	for (p = shadows; *p != NULL; p++) {
		g.len = 0;
		err = read_data(*p, &g);
		printf("read %s: %s, %s\n", *p, err ? strerror(err) : "ok",
		    g.len > 0 && !holds_hash(g.buf, g.len) ? "no hash" :
		    "HASH OR NOTHING");
		bad |= err != 0 || g.len == 0 || holds_hash(g.buf, g.len);
	}
	g.len = 0;
	err = read_data("/root/.ssh/id_hostql_hostile", &g);
	printf("read private key: %zu bytes\n", g.len);
	bad |= err != 0 || g.len != 40;
	for (p = shadows; *p != NULL; p++) {
		err = open_file(*p);
		printf("refused descriptor of %s: %s\n", *p,
		    err == EACCES ? "yes" : "no");
		bad |= err != EACCES;
	}
	err = open_file("/root/.ssh/id_hostql_hostile");
	printf("refused descriptor of private key: %s\n",
	    err == EACCES ? "yes" : "no");
	return bad | (err != EACCES);
}

static int
proc_read(uint32_t kinds)
{
	struct wr w;

	wr_init(&w);
	wr_u32(&w, kinds);
	wr_u32(&w, 1);
	wr_i32(&w, 1);
	send_msg(MSG_PROC_READ, &w, -1);
	return await_end();
}

/* Generation 0: the policy must refuse all of these, and serve the last. */
static void
policy_refusals(void)
{
	static const char *const forbidden[] = {
		"/etc/gshadow", "/etc/ssh/ssh_host_ed25519_key",
		"/var/log/syslog", "/etc/hostql-hostile-link",
		"/usr/local/hostql-hostile-escape", "/proc/1/environ",
		"/proc/kcore", NULL
	};
	const char *const *p;
	int err, bad = 0;

	for (p = forbidden; *p != NULL; p++) {
		err = read_file(*p);
		printf("refused %s: %s\n", *p, err == EACCES ? "yes" :
		    strerror(err));
		if (err != EACCES)
			bad = 1;
	}
	err = proc_read(PROC_KIND_BIT(PROC_ENVIRON));
	printf("refused proc environ: %s\n", err == EACCES ? "yes" : "no");
	if (err != EACCES || read_file("/etc/hostname") != 0)
		bad = 1;
	bad |= policy_terms();
	fflush(stdout);
	if (bad)
		exit(3);
}

static void
raw_header(uint32_t type, uint32_t len, uint32_t flags, size_t body)
{
	uint8_t buf[IPC_HDR_LEN + 64];
	struct msg_hdr h = { type, len, 7, flags };

	memset(buf, 'A', sizeof(buf));
	frame_encode(buf, &h);
	send_raw(buf, IPC_HDR_LEN + body);
}

static void
path_request(uint32_t type, const char *path, int with_cap, uint64_t cap)
{
	struct wr w;

	wr_init(&w);
	wr_str(&w, path);
	if (with_cap)
		wr_u64(&w, cap);
	send_msg(type, &w, -1);
}

/* Each violation, numbered from 0.  Returns 0 past the last one. */
static int
violate(unsigned int n)
{
	static uint8_t big[IPC_HDR_LEN + IPC_MAX_PAYLOAD + 100];
	struct wr w;
	int p[2];

	wr_init(&w);
	switch (n) {
	case 0:		/* unknown type */
		raw_header(MSG_TYPE_MAX + 5, 0, 0, 0);
		break;
	case 1:		/* a type only privd sends */
		wr_i32(&w, 0);
		wr_u64(&w, 0);
		send_msg(MSG_END, &w, -1);
		break;
	case 2:		/* traversal */
		path_request(MSG_READ_FILE, "/etc/../etc/shadow", 1, 100);
		break;
	case 3:		/* relative path */
		path_request(MSG_READ_FILE, "etc/passwd", 1, 100);
		break;
	case 4:		/* string without its NUL */
		wr_u16(&w, 4);
		wr_u32(&w, 0x6374652f);	/* "/etc" */
		wr_u8(&w, 'X');
		wr_u64(&w, 100);
		send_msg(MSG_READ_FILE, &w, -1);
		break;
	case 5:		/* trailing bytes */
		wr_str(&w, "/etc/hostname");
		wr_u64(&w, 100);
		wr_u8(&w, 0);
		send_msg(MSG_READ_FILE, &w, -1);
		break;
	case 6:		/* short: no cap */
		path_request(MSG_READ_FILE, "/etc/hostname", 0, 0);
		break;
	case 7:		/* cap out of range */
		path_request(MSG_READ_FILE, "/etc/hostname", 1, ~0ULL);
		break;
	case 8:		/* oversized packet */
		memset(big, 0, sizeof(big));
		send_raw(big, sizeof(big));
		break;
	case 9:		/* header length disagrees with the packet */
		raw_header(MSG_READ_FILE, 40, 0, 10);
		break;
	case 10:	/* second HELLO */
		hello();
		break;
	case 11:	/* a descriptor where none may travel */
		if (pipe(p) == -1)
			exit(4);
		wr_str(&w, "/etc");
		wr_u8(&w, 0);
		send_msg(MSG_STAT, &w, p[0]);
		break;
	case 12:	/* pid out of range */
		wr_u32(&w, PROC_KIND_BIT(PROC_STAT));
		wr_u32(&w, 1);
		wr_i32(&w, -5);
		send_msg(MSG_PROC_READ, &w, -1);
		break;
	case 13:	/* unknown proc kind */
		wr_u32(&w, 1u << 30);
		wr_u32(&w, 0);
		send_msg(MSG_PROC_READ, &w, -1);
		break;
	case 14:	/* too many pids */
		wr_u32(&w, PROC_KIND_BIT(PROC_STAT));
		wr_u32(&w, IPC_MAX_PIDS + 1);
		send_msg(MSG_PROC_READ, &w, -1);
		break;
	case 15:	/* netlink kind out of range */
		wr_u8(&w, NL_KIND_MAX);
		wr_u8(&w, 0);
		wr_u8(&w, 0);
		send_msg(MSG_NETLINK_DUMP, &w, -1);
		break;
	case 16:	/* netlink family that does not go with the kind */
		wr_u8(&w, NL_INET_DIAG);
		wr_u8(&w, 1);	/* AF_UNIX */
		wr_u8(&w, 6);
		send_msg(MSG_NETLINK_DUMP, &w, -1);
		break;
	case 17:	/* log level out of range */
		wr_u8(&w, 99);
		wr_str(&w, "hello");
		send_msg(MSG_LOG, &w, -1);
		break;
	case 18:	/* stat with a bad follow flag */
		wr_str(&w, "/etc");
		wr_u8(&w, 2);
		send_msg(MSG_STAT, &w, -1);
		break;
	default:
		return 0;
	}
	return 1;
}

/* privd should kill us now; if it does not, say so. */
static void
await_death(unsigned int n)
{
	struct pollfd pfd = { .fd = CHAN_FD_PRIVD, .events = POLLIN };
	struct msg m;

	while (poll(&pfd, 1, 2000) > 0) {
		if (chan_recv(&ch, &m) != CHAN_OK)
			break;
	}
	sleep(2);
	printf("NOT KILLED after violation %u\n", n);
	exit(3);
}

int
main(void)
{
	const char *g = getenv("HOSTQL_GENERATION");
	unsigned int gen = g != NULL ? (unsigned int)atoi(g) : 0;

	chan_init(&ch, CHAN_FD_PRIVD, CHAN_FDS);
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (gen == 19) {
		/* Before HELLO: that alone is a violation. */
		path_request(MSG_READ_FILE, "/etc/hostname", 1, 100);
		await_death(gen);
	}
	hello();
	if (gen == 0)
		policy_refusals();
	if (gen == 20) {
		/* The survivor: privd still serves an honest worker. */
		if (read_file("/etc/hostname") != 0)
			return 3;
		printf("served after %u violations\n", gen);
		return 0;
	}
	if (violate(gen))
		await_death(gen);
	return 0;
}
