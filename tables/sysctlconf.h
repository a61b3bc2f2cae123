/*
 * Pure helpers of the system_controls table: sysctl names and the
 * /proc/sys paths they stand for, and the settings sysctl.d(5) files
 * ask for at boot.
 */
#ifndef HOSTQL_TABLES_SYSCTLCONF_H
#define HOSTQL_TABLES_SYSCTLCONF_H

#include <stddef.h>

#define SYSCTL_ROOT	"/proc/sys"

/*
 * A path below /proc/sys ("net/ipv4/conf/eth0.100/rp_filter") to its
 * name as sysctl(8) prints it ("net.ipv4.conf.eth0/100.rp_filter"): '/'
 * and '.' trade places, so that the mapping goes both ways.  -1 when it
 * does not fit.
 */
int	sysctl_name_from_rel(const char *rel, char *out, size_t outsz);

/*
 * A name to its absolute path under /proc/sys; -1 for a name that is
 * empty, has an empty, "." or ".." component, or does not fit.
 */
int	sysctl_path_from_name(const char *name, char *out, size_t outsz);

/* The settings of sysctl.d files, in the order they were read. */
struct sysctl_setting {
	char	*key;		/* dotted, the leading '-' taken off */
	char	*value;
	int	 glob;		/* the key holds '*', '?' or '[' */
};

struct sysctl_conf {
	struct sysctl_setting	*v;
	size_t			 n, cap;
	unsigned int		 bad;	/* lines that were not settings */
};

/*
 * Add the settings of one file: "key = value" lines, '#' and ';'
 * comments, a key written with '/' separators turned to dots.  0, or -1
 * when out of memory.
 */
int	sysctl_conf_add(struct sysctl_conf *, const char *buf, size_t len);
/* What the files set name to: the last explicit setting, else the last
 * matching glob; NULL when none. */
const char *sysctl_conf_value(const struct sysctl_conf *, const char *name);
void	sysctl_conf_free(struct sysctl_conf *);

/*
 * The files systemd-sysctl reads: every "*.conf" of its directories, a
 * name in an earlier directory hiding the same name in later ones, all
 * taken in the order of their names.  The caller lists the directories
 * in priority order and keeps each file's directory index; this sorts
 * and drops the hidden ones in place, returning how many remain.
 */
struct sysctl_file {
	char	*name;
	int	 dir;
};

size_t	sysctl_files_order(struct sysctl_file *, size_t n);
/* Is this directory entry a file systemd-sysctl reads? */
int	sysctl_file_wanted(const char *name);

#endif
