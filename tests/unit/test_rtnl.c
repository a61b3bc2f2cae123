/*
 * Link details and neighbours from rtnetlink dumps captured here: the
 * counters and addresses of the links, the promiscuous and all-multicast
 * modes a packet socket put two of them in (links-promisc.bin, with
 * sysfs then saying 0x182 and 0x282), the neighbours against
 * /proc/net/arp read at the same moment (neigh-inet.arp); messages that
 * lie about their lengths; and the sysfs paths of interfaces.
 */
#include <sys/socket.h>

#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>

#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/link_names.h"
#include "../../tables/netdev_sysfs.h"
#include "../../tables/pathresolve.h"
#include "../../tables/rtnl_parse.h"
#include "../../tables/textparse.h"
#include "fixture.h"

Suite	*suite_rtnl(void);

#define MAXLINKS	16
#define MAXNEIGH	32

struct links {
	struct rtnl_link	v[MAXLINKS];
	size_t			n;
};

static int
keep_link(void *arg, const struct rtnl_link *l)
{
	struct links *ls = arg;

	if (ls->n < MAXLINKS)
		ls->v[ls->n++] = *l;
	return 0;
}

static const struct rtnl_link *
find_link(const struct links *ls, const char *name)
{
	size_t i;

	for (i = 0; i < ls->n; i++)
		if (strcmp(ls->v[i].name, name) == 0)
			return &ls->v[i];
	return NULL;
}

static void
load_links(const char *name, struct links *ls)
{
	unsigned char *buf;
	size_t len;

	memset(ls, 0, sizeof(*ls));
	buf = (unsigned char *)fixture_load("netlink", name, &len);
	ck_assert_int_eq(rtnl_links(buf, len, keep_link, ls), NLP_DONE);
	free(buf);
}

static void
mac_of(const struct rtnl_link *l, char *out, size_t outlen)
{
	rtnl_lladdr_text(l->addr, l->addr_len, out, outlen);
}

START_TEST(links_details)
{
	struct links ls;
	const struct rtnl_link *lo, *eth0, *ifb0;
	char mac[RTNL_LLADDR_TEXT];

	load_links("links-unspec.bin", &ls);
	ck_assert_uint_eq(ls.n, 4);
	ck_assert_ptr_nonnull(lo = find_link(&ls, "lo"));
	ck_assert_ptr_nonnull(eth0 = find_link(&ls, "eth0"));
	ck_assert_ptr_nonnull(ifb0 = find_link(&ls, "ifb0"));

	ck_assert_uint_eq(lo->type, 772);	/* ARPHRD_LOOPBACK */
	ck_assert_uint_eq(lo->mtu, 65536);
	ck_assert_uint_eq(rtnl_link_flags(lo),
	    IFF_UP | IFF_LOOPBACK | IFF_RUNNING | 0x10000 /* LOWER_UP */);
	mac_of(lo, mac, sizeof(mac));
	ck_assert_str_eq(mac, "00:00:00:00:00:00");
	ck_assert(lo->has_counters);
	/* Loopback receives what it sends. */
	ck_assert_uint_eq(lo->counters.rx_packets, lo->counters.tx_packets);
	ck_assert_uint_eq(lo->counters.rx_bytes, lo->counters.tx_bytes);
	ck_assert_uint_gt(lo->counters.rx_bytes, 0);

	ck_assert_uint_eq(eth0->type, 1);	/* ARPHRD_ETHER */
	ck_assert_uint_eq(eth0->mtu, 1400);
	mac_of(eth0, mac, sizeof(mac));
	ck_assert_str_eq(mac, "02:fc:00:00:00:01");
	ck_assert_uint_eq(eth0->counters.rx_packets, 514);
	ck_assert_uint_eq(eth0->counters.rx_bytes, 18818099);
	ck_assert_uint_eq(eth0->counters.tx_packets, 287);
	ck_assert_uint_eq(eth0->counters.tx_bytes, 24477);

	/* Down, never used. */
	ck_assert_uint_eq(rtnl_link_flags(ifb0), IFF_BROADCAST | IFF_NOARP);
	ck_assert_uint_eq(ifb0->counters.rx_packets +
	    ifb0->counters.tx_packets + ifb0->counters.rx_errors +
	    ifb0->counters.collisions, 0);
}
END_TEST

START_TEST(links_promiscuous)
{
	struct links ls;
	const struct rtnl_link *ifb0, *ifb1;

	load_links("links-promisc.bin", &ls);
	ck_assert_ptr_nonnull(ifb0 = find_link(&ls, "ifb0"));
	ck_assert_ptr_nonnull(ifb1 = find_link(&ls, "ifb1"));
	/* The header has only what was asked for by ioctl... */
	ck_assert_uint_eq(ifb0->flags, 0x82);
	ck_assert_uint_eq(ifb1->flags, 0x82);
	/* ...the counts what the devices are in, as sysfs said. */
	ck_assert_uint_eq(ifb0->promiscuity, 1);
	ck_assert_uint_eq(rtnl_link_flags(ifb0), 0x182);
	ck_assert_uint_eq(ifb1->allmulti, 1);
	ck_assert_uint_eq(rtnl_link_flags(ifb1), 0x282);
}
END_TEST

/* ---- neighbours ---- */

struct neighs {
	char	v[MAXNEIGH][256];
	size_t	n;
	size_t	skipped;
	const struct link_names *names;
};

static int
keep_arp(void *arg, const struct rtnl_neigh *n)
{
	struct neighs *ns = arg;
	const struct nlp_link *l;
	struct rtnl_arp_row r;

	if (rtnl_neigh_arp(n, &r) == -1) {
		ns->skipped++;
		return 0;
	}
	l = link_names_find(ns->names, n->index);
	if (ns->n < MAXNEIGH)
		snprintf(ns->v[ns->n++], sizeof(ns->v[0]), "%s %s %s %s",
		    r.address, r.mac, r.permanent ? "0x6" : "*",
		    l != NULL ? l->name : "?");
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(a, b);
}

START_TEST(neighbours_as_proc_arp)
{
	struct link_names names;
	struct neighs ns, arp;
	struct span line, rest, f[6];
	unsigned char *buf;
	char *text;
	size_t len, tlen, off = 0, i;

	memset(&names, 0, sizeof(names));
	buf = (unsigned char *)fixture_load("netlink", "links-promisc.bin",
	    &len);
	ck_assert_int_eq(link_names_parse(&names, buf, len), NLP_DONE);
	free(buf);

	memset(&ns, 0, sizeof(ns));
	ns.names = &names;
	buf = (unsigned char *)fixture_load("netlink", "neigh-inet.bin", &len);
	ck_assert_int_eq(rtnl_neighs(buf, len, keep_arp, &ns), NLP_DONE);
	free(buf);
	link_names_free(&names);
	ck_assert_uint_eq(ns.skipped, 2);	/* the NOARP ones */

	/* "IP  HWtype  Flags  HWaddress  Mask  Device", after a header. */
	memset(&arp, 0, sizeof(arp));
	text = fixture_load("netlink", "neigh-inet.arp", &tlen);
	ck_assert(txt_next_line(text, tlen, &off, &line));
	while (txt_next_line(text, tlen, &off, &line)) {
		char row[256];
		struct span w;

		rest = line;
		for (i = 0; i < 6; i++) {
			do
				ck_assert(txt_next_field(&rest, ' ', &w));
			while (w.len == 0);
			f[i] = w;
		}
		snprintf(row, sizeof(row), "%.*s %.*s %s %.*s",
		    (int)f[0].len, f[0].p, (int)f[3].len, f[3].p,
		    txt_eq(f[2], "0x6") ? "0x6" : "*", (int)f[5].len, f[5].p);
		snprintf(arp.v[arp.n++], sizeof(arp.v[0]), "%s", row);
	}
	free(text);
	ck_assert_uint_eq(ns.n, 4);
	ck_assert_uint_eq(arp.n, ns.n);
	qsort(ns.v, ns.n, sizeof(ns.v[0]), cmp_str);
	qsort(arp.v, arp.n, sizeof(arp.v[0]), cmp_str);
	for (i = 0; i < ns.n; i++)
		ck_assert_str_eq(ns.v[i], arp.v[i]);
}
END_TEST

static int
count_neigh(void *arg, const struct rtnl_neigh *n)
{
	size_t *count = arg;

	(void)n;
	(*count)++;
	return 0;
}

START_TEST(neighbours_both_families)
{
	unsigned char *buf;
	size_t len, count = 0;

	buf = (unsigned char *)fixture_load("netlink", "neigh-unspec.bin",
	    &len);
	ck_assert_int_eq(rtnl_neighs(buf, len, count_neigh, &count),
	    NLP_DONE);
	ck_assert_uint_eq(count, 12);
	free(buf);
}
END_TEST

/* ---- malformed ---- */

/* One RTM_NEWNEIGH with the given attributes after its header. */
static size_t
neigh_msg(unsigned char *out, int family, const void *attrs, size_t alen)
{
	struct nlmsghdr h;
	struct ndmsg nd;
	size_t len = NLMSG_HDRLEN + sizeof(nd) + alen;

	memset(&h, 0, sizeof(h));
	h.nlmsg_len = (uint32_t)len;
	h.nlmsg_type = RTM_NEWNEIGH;
	memset(&nd, 0, sizeof(nd));
	nd.ndm_family = (uint8_t)family;
	nd.ndm_ifindex = 4;
	nd.ndm_state = NUD_REACHABLE;
	memcpy(out, &h, sizeof(h));
	memcpy(out + NLMSG_HDRLEN, &nd, sizeof(nd));
	memcpy(out + NLMSG_HDRLEN + sizeof(nd), attrs, alen);
	return len;
}

START_TEST(neighbour_lies)
{
	/* NDA_DST of 4 bytes, NDA_LLADDR of 6. */
	static const unsigned char good[] = {
		8, 0, NDA_DST, 0, 192, 0, 2, 1,
		10, 0, NDA_LLADDR, 0, 2, 0, 0, 0, 0, 1, 0, 0,
	};
	static const unsigned char short_dst[] = {
		7, 0, NDA_DST, 0, 192, 0, 2, 0,
	};
	static const unsigned char long_attr[] = {
		200, 0, NDA_DST, 0, 192, 0, 2, 1,
	};
	static const unsigned char tiny_attr[] = {
		2, 0, NDA_DST, 0, 192, 0, 2, 1,
	};
	unsigned char buf[256];
	size_t len, count, n;

	count = 0;
	len = neigh_msg(buf, AF_INET, good, sizeof(good));
	ck_assert_int_eq(rtnl_neighs(buf, len, count_neigh, &count),
	    NLP_MORE);
	ck_assert_uint_eq(count, 1);
	/* Every shorter cut of it is refused or skipped, never read past. */
	for (n = 0; n < len; n++) {
		unsigned char *cut = malloc(n > 0 ? n : 1);

		memcpy(cut, buf, n);
		ck_assert_int_le(rtnl_neighs(cut, n, count_neigh, &count),
		    NLP_MORE);
		free(cut);
	}

	count = 0;
	len = neigh_msg(buf, AF_INET, short_dst, sizeof(short_dst));
	ck_assert_int_eq(rtnl_neighs(buf, len, count_neigh, &count),
	    NLP_MORE);
	ck_assert_uint_eq(count, 0);	/* no destination: not a row */
	len = neigh_msg(buf, AF_INET6, good, sizeof(good));
	ck_assert_int_eq(rtnl_neighs(buf, len, count_neigh, &count),
	    NLP_MORE);
	ck_assert_uint_eq(count, 0);	/* 4 bytes are no IPv6 address */
	len = neigh_msg(buf, AF_INET, long_attr, sizeof(long_attr));
	ck_assert_int_eq(rtnl_neighs(buf, len, count_neigh, &count),
	    -EBADMSG);
	len = neigh_msg(buf, AF_INET, tiny_attr, sizeof(tiny_attr));
	ck_assert_int_eq(rtnl_neighs(buf, len, count_neigh, &count),
	    -EBADMSG);
}
END_TEST

START_TEST(links_truncated)
{
	struct links ls;
	unsigned char *buf, *cut;
	size_t len, n;
	int rc;

	buf = (unsigned char *)fixture_load("netlink", "links-unspec.bin",
	    &len);
	for (n = 0; n < len; n += 3) {
		cut = malloc(n > 0 ? n : 1);
		memcpy(cut, buf, n);
		memset(&ls, 0, sizeof(ls));
		rc = rtnl_links(cut, n, keep_link, &ls);
		ck_assert(rc == NLP_MORE || rc == -EBADMSG);
		free(cut);
	}
	free(buf);
}
END_TEST

START_TEST(lladdr_text)
{
	static const uint8_t a[] = { 0xde, 0xad, 0xbe, 0xef, 0x00, 0x01 };
	char out[18];

	rtnl_lladdr_text(a, sizeof(a), out, sizeof(out));
	ck_assert_str_eq(out, "de:ad:be:ef:00:01");
	rtnl_lladdr_text(a, sizeof(a), out, 17);
	ck_assert_str_eq(out, "de:ad:be:ef:00");
	rtnl_lladdr_text(a, sizeof(a), out, 3);
	ck_assert_str_eq(out, "de");
	rtnl_lladdr_text(a, sizeof(a), out, 2);
	ck_assert_str_eq(out, "");
	rtnl_lladdr_text(a, 0, out, sizeof(out));
	ck_assert_str_eq(out, "");
}
END_TEST

/* ---- sysfs paths ---- */

START_TEST(sysfs_dirs)
{
	char dir[128], slot[32];

	ck_assert_int_eq(netdev_sysfs_dir(
	    "../../devices/pci0000:00/0000:00:03.0/virtio2/net/eth0", dir,
	    sizeof(dir)), 0);
	ck_assert_str_eq(dir,
	    "/sys/devices/pci0000:00/0000:00:03.0/virtio2/net/eth0");
	ck_assert_int_eq(netdev_pci_slot(dir, slot, sizeof(slot)), 0);
	ck_assert_str_eq(slot, "0000:00:03.0");

	ck_assert_int_eq(netdev_sysfs_dir("../../devices/virtual/net/lo", dir,
	    sizeof(dir)), 0);
	ck_assert_str_eq(dir, "/sys/devices/virtual/net/lo");
	ck_assert_int_eq(netdev_pci_slot(dir, slot, sizeof(slot)), -1);

	ck_assert_int_eq(netdev_sysfs_dir("./../..//devices/./x/net/y", dir,
	    sizeof(dir)), 0);
	ck_assert_str_eq(dir, "/sys/devices/x/net/y");
	ck_assert_int_eq(netdev_sysfs_dir("/sys/devices/a", dir, sizeof(dir)),
	    0);
	ck_assert_str_eq(dir, "/sys/devices/a");

	/* Out of /sys, past the root, too long. */
	ck_assert_int_eq(netdev_sysfs_dir("../../../../etc/shadow", dir,
	    sizeof(dir)), -1);
	ck_assert_int_eq(netdev_sysfs_dir("../../../../../../..", dir,
	    sizeof(dir)), -1);
	ck_assert_int_eq(netdev_sysfs_dir("/etc", dir, sizeof(dir)), -1);
	ck_assert_int_eq(netdev_sysfs_dir("../../devices/virtual/net/lo",
	    dir, 20), -1);
	ck_assert_int_eq(netdev_sysfs_dir("x", dir, 4), -1);
}
END_TEST

START_TEST(link_targets)
{
	char out[64];

	ck_assert_int_eq(path_resolve("/etc",
	    "../run/systemd/resolve/stub-resolv.conf", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "/run/systemd/resolve/stub-resolv.conf");
	ck_assert_int_eq(path_resolve("/etc", "/run//x/./y/", out,
	    sizeof(out)), 0);
	ck_assert_str_eq(out, "/run/x/y");
	ck_assert_int_eq(path_resolve("/etc", "..", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "/");
	ck_assert_int_eq(path_resolve("/etc", "resolv.conf.d/x", out,
	    sizeof(out)), 0);
	ck_assert_str_eq(out, "/etc/resolv.conf.d/x");
	ck_assert_int_eq(path_resolve("/etc", "../..", out, sizeof(out)), -1);
	ck_assert_int_eq(path_resolve("etc", "x", out, sizeof(out)), -1);
	ck_assert_int_eq(path_resolve("/etc", "abcdef", out, 11), -1);
	ck_assert_int_eq(path_resolve("/etc", "abcde", out, 11), 0);
	ck_assert_str_eq(out, "/etc/abcde");
}
END_TEST

START_TEST(pci_slots)
{
	char slot[32];

	ck_assert_int_eq(netdev_pci_slot(
	    "/sys/devices/pci0000:00/0000:00:1f.6/net/eno1", slot,
	    sizeof(slot)), 0);
	ck_assert_str_eq(slot, "0000:00:1f.6");
	ck_assert_int_eq(netdev_pci_slot(
	    "/sys/devices/pci0000:00/0000:00:1c.0/10000:3b:00.1/net/e", slot,
	    sizeof(slot)), 0);
	ck_assert_str_eq(slot, "10000:3b:00.1");
	/* A USB adapter, a platform device, no "net" level. */
	ck_assert_int_eq(netdev_pci_slot("/sys/devices/pci0000:00/0000:00:14.0"
	    "/usb1/1-2/1-2:1.0/net/enx0", slot, sizeof(slot)), -1);
	ck_assert_int_eq(netdev_pci_slot("/sys/devices/platform/soc/eth/net/"
	    "end0", slot, sizeof(slot)), -1);
	ck_assert_int_eq(netdev_pci_slot("/sys/devices/0000:00:03.0/eth0",
	    slot, sizeof(slot)), -1);
	ck_assert_int_eq(netdev_pci_slot("/sys/devices/0000:00:03.8/net/e",
	    slot, sizeof(slot)), -1);
	ck_assert_int_eq(netdev_pci_slot(
	    "/sys/devices/pci0000:00/0000:00:03.0/virtio2/net/eth0", slot, 8),
	    -1);
	ck_assert_int_eq(netdev_pci_slot("", slot, sizeof(slot)), -1);
}
END_TEST

START_TEST(names_and_speed)
{
	int64_t mbps;

	ck_assert(netdev_name_ok("eth0"));
	ck_assert(netdev_name_ok("enp0s31f6.100"));
	ck_assert(!netdev_name_ok(""));
	ck_assert(!netdev_name_ok("."));
	ck_assert(!netdev_name_ok(".."));
	ck_assert(!netdev_name_ok("a/b"));
	ck_assert(!netdev_name_ok("a b"));
	ck_assert(!netdev_name_ok("eth0:1"));
	ck_assert(!netdev_name_ok("sixteen-chars-xx"));

	ck_assert_int_eq(netdev_speed_parse("1000\n", 5, &mbps), 0);
	ck_assert_int_eq(mbps, 1000);
	ck_assert_int_eq(netdev_speed_parse("-1\n", 3, &mbps), 0);
	ck_assert_int_eq(mbps, 0);
	ck_assert_int_eq(netdev_speed_parse("fast", 4, &mbps), -1);
	ck_assert_int_eq(netdev_speed_parse("", 0, &mbps), -1);
}
END_TEST

Suite *
suite_rtnl(void)
{
	Suite *s = suite_create("rtnl");
	TCase *tc = tcase_create("rtnl");

	tcase_add_test(tc, links_details);
	tcase_add_test(tc, links_promiscuous);
	tcase_add_test(tc, neighbours_as_proc_arp);
	tcase_add_test(tc, neighbours_both_families);
	tcase_add_test(tc, neighbour_lies);
	tcase_add_test(tc, links_truncated);
	tcase_add_test(tc, lladdr_text);
	tcase_add_test(tc, sysfs_dirs);
	tcase_add_test(tc, link_targets);
	tcase_add_test(tc, pci_slots);
	tcase_add_test(tc, names_and_speed);
	suite_add_tcase(s, tc);
	return s;
}
