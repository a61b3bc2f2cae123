/*
 * Network functions with osquery's meaning:
 *
 *   inet_aton(ip)			an IPv4 address as an integer; NULL
 *					for NULL, IPv6 or anything else
 *   in_cidr_block(cidr, ip)		1 when ip is in the block, else 0
 *					(see netblock_holds()); arguments
 *					that are not text or do not parse
 *					fail the query
 *   community_id_v1(saddr, daddr, sport, dport, proto[, seed])
 *					the Community ID v1 of the flow,
 *					"1:" and base64; NULL with a
 *					warning when an argument is wrong
 *   community_id_v1_strict(...)	the same, failing the query instead
 *
 * community_id_v1 follows the spec where osquery does not: ICMP and
 * ICMPv6 types and codes are mapped as Zeek maps them, both ports NULL
 * hash a protocol without ports (RSVP, GRE...), and the seed may be
 * given from -32768 to 65535.
 */
#include <sodium.h>
#include <string.h>

#include "../ipc/log.h"
#include "../tables/digest.h"
#include "communityid.h"
#include "netaddr.h"
#include "sqlfn_impl.h"

/* "1:" and the base64 of a SHA-1, with its NUL. */
#define COMMUNITYID_TEXT_LEN	(2 + 28 + 1)

static void
fn_inet_aton(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct netaddr a;
	const char *s;
	size_t len;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    (s = sqlfn_text(ctx, argv[0], &len)) == NULL)
		return;
	if (memchr(s, ':', len) == NULL && netaddr_parse_v4(s, len, &a) == 0)
		sqlite3_result_int64(ctx, netaddr_v4_value(&a));
}

static void
fn_in_cidr_block(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct netblock block;
	struct netaddr ip;
	const char *cidr, *addr;
	size_t clen, alen;

	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
		sqlite3_result_error(ctx, "CIDR must be a string", -1);
		return;
	}
	if (sqlite3_value_type(argv[1]) != SQLITE_TEXT) {
		sqlite3_result_error(ctx, "IP address must be a string", -1);
		return;
	}
	if ((cidr = sqlfn_text(ctx, argv[0], &clen)) == NULL ||
	    (addr = sqlfn_text(ctx, argv[1], &alen)) == NULL)
		return;
	if (netaddr_parse(addr, alen, &ip) == -1) {
		sqlite3_result_error(ctx, "IP address cannot be parsed", -1);
		return;
	}
	if (netblock_parse(cidr, clen, ip.family, &block) == -1) {
		sqlite3_result_error(ctx, ip.family == NETADDR_V4 ?
		    "CIDR for IP address v4 cannot be parsed" :
		    "CIDR for IP address v6 cannot be parsed", -1);
		return;
	}
	sqlite3_result_int(ctx, netblock_holds(&block, &ip));
}

/* An integer argument within [min, max]; 0, or -1 with *why set. */
static int
int_arg(sqlite3_value *v, sqlite3_int64 min, sqlite3_int64 max,
    const char *type_msg, const char *range_msg, sqlite3_int64 *out,
    const char **why)
{
	if (sqlite3_value_type(v) != SQLITE_INTEGER) {
		*why = type_msg;
		return -1;
	}
	*out = sqlite3_value_int64(v);
	if (*out < min || *out > max) {
		*why = range_msg;
		return -1;
	}
	return 0;
}

static int
addr_arg(sqlite3_value *v, struct netaddr *a, const char *parse_msg,
    const char **why)
{
	const char *s = (const char *)sqlite3_value_text(v);

	if (s == NULL || netaddr_parse(s, (size_t)sqlite3_value_bytes(v),
	    a) == -1) {
		*why = parse_msg;
		return -1;
	}
	return 0;
}

/* The ports, or none for a protocol without them when both are NULL. */
static int
ports_arg(sqlite3_value **argv, struct flow *f, const char **why)
{
	sqlite3_int64 sport, dport;

	if (sqlite3_value_type(argv[2]) == SQLITE_NULL &&
	    sqlite3_value_type(argv[3]) == SQLITE_NULL &&
	    !communityid_port_proto(f->proto)) {
		f->has_ports = 0;
		return 0;
	}
	if (int_arg(argv[2], 0, UINT16_MAX, "Community ID ports must be "
	    "integers", "Community ID ports must fit in 2 bytes", &sport,
	    why) == -1 ||
	    int_arg(argv[3], 0, UINT16_MAX, "Community ID ports must be "
	    "integers", "Community ID ports must fit in 2 bytes", &dport,
	    why) == -1)
		return -1;
	f->has_ports = 1;
	f->sport = (uint16_t)sport;
	f->dport = (uint16_t)dport;
	return 0;
}

/* The flow of the arguments; 0, or -1 with *why set. */
static int
flow_args(int argc, sqlite3_value **argv, struct flow *f, const char **why)
{
	sqlite3_int64 v = 0;

	memset(f, 0, sizeof(*f));
	if (argc == 6 && int_arg(argv[5], INT16_MIN, UINT16_MAX,
	    "Community ID seed must be an integer",
	    "Community ID seed must fit in 2 bytes", &v, why) == -1)
		return -1;
	f->seed = (uint16_t)v;
	if (sqlite3_value_type(argv[0]) != SQLITE_TEXT ||
	    sqlite3_value_type(argv[1]) != SQLITE_TEXT) {
		*why = "Community ID IPs must be strings";
		return -1;
	}
	if (addr_arg(argv[0], &f->saddr, "Community ID saddr cannot be "
	    "parsed as IP", why) == -1 ||
	    addr_arg(argv[1], &f->daddr, "Community ID daddr cannot be "
	    "parsed as IP", why) == -1)
		return -1;
	if (int_arg(argv[4], 0, UINT8_MAX, "Community ID protocol must be "
	    "an integer", "Community ID protocol must fit in 1 byte", &v,
	    why) == -1)
		return -1;
	f->proto = (uint8_t)v;
	return ports_arg(argv, f, why);
}

/* "1:" and the base64 of the SHA-1 of the flow's hash input. */
static int
communityid_text(const struct flow *f, char out[COMMUNITYID_TEXT_LEN])
{
	uint8_t input[COMMUNITYID_INPUT_MAX], sha1[20];
	struct digest_hex hex;
	size_t n;

	n = communityid_input(f, input);
	if (digest_buf(input, n, DIGEST_SHA1, &hex) != 0 ||
	    sodium_hex2bin(sha1, sizeof(sha1), hex.sha1, 40, NULL, &n,
	    NULL) != 0 || n != sizeof(sha1))
		return -1;
	out[0] = '1';
	out[1] = ':';
	sodium_bin2base64(out + 2, COMMUNITYID_TEXT_LEN - 2, sha1,
	    sizeof(sha1), sodium_base64_VARIANT_ORIGINAL);
	return 0;
}

static void
community_id(sqlite3_context *ctx, int argc, sqlite3_value **argv,
    int strict)
{
	char text[COMMUNITYID_TEXT_LEN];
	const char *why = NULL;
	struct flow f;

	if (flow_args(argc, argv, &f, &why) == -1) {
		if (strict)
			sqlite3_result_error(ctx, why, -1);
		else
			log_warnx("community_id_v1: %s", why);
		return;
	}
	if (communityid_text(&f, text) == -1) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, text, -1, SQLITE_TRANSIENT);
}

static void
fn_community_id_v1(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	community_id(ctx, argc, argv, 0);
}

static void
fn_community_id_v1_strict(sqlite3_context *ctx, int argc,
    sqlite3_value **argv)
{
	community_id(ctx, argc, argv, 1);
}

int
sqlfn_net_register(sqlite3 *db)
{
	static const struct sqlfn_def defs[] = {
		{ "inet_aton",		1,	fn_inet_aton },
		{ "in_cidr_block",	2,	fn_in_cidr_block },
		{ "community_id_v1",	5,	fn_community_id_v1 },
		{ "community_id_v1",	6,	fn_community_id_v1 },
		{ "community_id_v1_strict",	5,
		    fn_community_id_v1_strict },
		{ "community_id_v1_strict",	6,
		    fn_community_id_v1_strict },
	};

	return sqlfn_create(db, defs, sizeof(defs) / sizeof(defs[0]));
}
