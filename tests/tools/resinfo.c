/*
 * What glibc's resolver makes of /etc/resolv.conf (res_init and _res),
 * printed as the rows of hostql's dns_resolvers in CSV: id, type,
 * address, netmask, options.  The dns_resolvers integration test runs it
 * beside hostql on the same file; not part of the product.
 *
 *	cc -o resinfo tests/tools/resinfo.c
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <resolv.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int
mask_bits(uint32_t mask_net)
{
	uint32_t m = ntohl(mask_net);
	int bits = 0;

	while (bits < 32 && (m & (0x80000000u >> bits)))
		bits++;
	return (bits < 32 && (m << bits) != 0) ? -1 : bits;
}

int
main(void)
{
	char text[INET6_ADDRSTRLEN];
	unsigned long opts;
	int i;

	unsetenv("LOCALDOMAIN");
	unsetenv("RES_OPTIONS");
	if (res_init() != 0)
		return 1;
	opts = _res.options;
	for (i = 0; i < _res.nscount; i++) {
		if (_res.nsaddr_list[i].sin_family == AF_INET) {
			inet_ntop(AF_INET, &_res.nsaddr_list[i].sin_addr, text,
			    sizeof(text));
			printf("%d,nameserver,%s,32,%lu\n", i, text, opts);
		} else if (_res._u._ext.nsaddrs[i] != NULL) {
			inet_ntop(AF_INET6,
			    &_res._u._ext.nsaddrs[i]->sin6_addr, text,
			    sizeof(text));
			printf("%d,nameserver,%s,128,%lu\n", i, text, opts);
		}
	}
	for (i = 0; i < _res.nsort; i++) {
		inet_ntop(AF_INET, &_res.sort_list[i].addr, text, sizeof(text));
		printf("%d,sortlist,%s,", i, text);
		if (mask_bits(_res.sort_list[i].mask) >= 0)
			printf("%d", mask_bits(_res.sort_list[i].mask));
		else
			printf("%s", inet_ntop(AF_INET, &_res.sort_list[i].mask,
			    text, sizeof(text)));
		printf(",%lu\n", opts);
	}
	for (i = 0; i < MAXDNSRCH && _res.dnsrch[i] != NULL; i++)
		printf("%d,search,%s,,%lu\n", i, _res.dnsrch[i], opts);
	return 0;
}
