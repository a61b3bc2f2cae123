/*
 * Captures one legacy iptables table the way privd's IPTABLES_DUMP hands
 * it to the worker (struct ipt_getinfo, then struct ipt_get_entries with
 * its entries), for the parser's unit tests.  Not part of the product;
 * build and run by hand, as root, after creating the rules to capture:
 *
 *	gcc -Wall -o iptcapture tests/tools/iptcapture.c
 *	./iptcapture filter tests/fixtures/iptables/filter.bin
 */
#include <sys/socket.h>

#include <netinet/in.h>
#include <linux/netfilter_ipv4/ip_tables.h>

#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct ipt_getinfo info;
	struct ipt_get_entries *entries;
	socklen_t n = sizeof(info);
	FILE *f;
	int s;

	if (argc != 3)
		errx(2, "usage: iptcapture TABLE FILE");
	if ((s = socket(AF_INET, SOCK_RAW, IPPROTO_RAW)) == -1)
		err(1, "socket");
	memset(&info, 0, sizeof(info));
	strncpy(info.name, argv[1], sizeof(info.name) - 1);
	if (getsockopt(s, IPPROTO_IP, IPT_SO_GET_INFO, &info, &n) == -1)
		err(1, "IPT_SO_GET_INFO %s", argv[1]);
	n = (socklen_t)(sizeof(*entries) + info.size);
	if ((entries = calloc(1, n)) == NULL)
		err(1, "calloc");
	memcpy(entries->name, info.name, sizeof(entries->name));
	entries->size = info.size;
	if (getsockopt(s, IPPROTO_IP, IPT_SO_GET_ENTRIES, entries, &n) == -1)
		err(1, "IPT_SO_GET_ENTRIES %s", argv[1]);
	if ((f = fopen(argv[2], "wb")) == NULL)
		err(1, "%s", argv[2]);
	if (fwrite(&info, sizeof(info), 1, f) != 1 ||
	    fwrite(entries, n, 1, f) != 1 || fclose(f) != 0)
		err(1, "write %s", argv[2]);
	close(s);
	return 0;
}
