/* An interface's sysfs directory as text; see netdev_sysfs.h. */
#include <string.h>

#include "netdev_sysfs.h"
#include "pathresolve.h"
#include "textparse.h"

/* The kernel's IFNAMSIZ, with the NUL. */
#define NAME_MAX_LEN	15

int
netdev_name_ok(const char *name)
{
	size_t i, n = strlen(name);

	if (n == 0 || n > NAME_MAX_LEN || strcmp(name, ".") == 0 ||
	    strcmp(name, "..") == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (name[i] == '/' || name[i] == ' ' || name[i] == '\t' ||
		    name[i] == '\n' || name[i] == ':')
			return 0;
	return 1;
}

int
netdev_sysfs_dir(const char *target, char *out, size_t outsz)
{
	if (path_resolve(NETDEV_CLASS_DIR, target, out, outsz) == -1 ||
	    strncmp(out, "/sys/", 5) != 0)
		return -1;
	return 0;
}

static int
is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

/* "DDDD:BB:DD.F": a domain of four or more hex digits, bus, device and
 * function. */
static int
is_pci_address(struct span s)
{
	size_t i = 0, d;

	for (d = 0; i < s.len && is_hex(s.p[i]); i++, d++)
		;
	if (d < 4 || s.len - i != 8)
		return 0;
	s.p += i;
	return s.p[0] == ':' && is_hex(s.p[1]) && is_hex(s.p[2]) &&
	    s.p[3] == ':' && is_hex(s.p[4]) && is_hex(s.p[5]) &&
	    s.p[6] == '.' && s.p[7] >= '0' && s.p[7] <= '7';
}

static int
is_virtio_device(struct span s)
{
	uint64_t n;

	return s.len > 6 && memcmp(s.p, "virtio", 6) == 0 &&
	    txt_u64(s.p + 6, s.len - 6, &n) == 0;
}

int
netdev_pci_slot(const char *dir, char *out, size_t outsz)
{
	struct span rest, comp, c[4];
	int i;

	if (strncmp(dir, "/sys/devices/virtual/", 21) == 0)
		return -1;
	/* The last four components: grandparent, device, "net", name. */
	memset(c, 0, sizeof(c));
	rest.p = dir;
	rest.len = strlen(dir);
	while (txt_next_field(&rest, '/', &comp)) {
		for (i = 0; i < 3; i++)
			c[i] = c[i + 1];
		c[3] = comp;
	}
	if (!txt_eq(c[2], "net"))
		return -1;
	if (is_pci_address(c[1]))
		comp = c[1];
	else if (is_virtio_device(c[1]) && is_pci_address(c[0]))
		comp = c[0];
	else
		return -1;
	if (comp.len >= outsz)
		return -1;
	memcpy(out, comp.p, comp.len);
	out[comp.len] = '\0';
	return 0;
}

int
netdev_speed_parse(const char *buf, size_t len, int64_t *mbps)
{
	struct span s = { buf, len };

	s = txt_trim(s);
	if (txt_i64(s.p, s.len, mbps) == -1)
		return -1;
	if (*mbps < 0)
		*mbps = 0;
	return 0;
}
