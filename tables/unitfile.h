/*
 * Pure readers of the two kinds of file startup_items looks at: systemd
 * unit files (systemd.unit(5): "[Section]" headers, "Key=value" lines,
 * '#' and ';' comments, a '\' at the end of a line continuing it) and
 * XDG autostart entries (the [Desktop Entry] group of a .desktop file).
 */
#ifndef HOSTQL_TABLES_UNITFILE_H
#define HOSTQL_TABLES_UNITFILE_H

#include <stddef.h>

#include "textparse.h"

/* What a unit file says about how it is started. */
struct unit_info {
	int		install;	/* [Install] has WantedBy=, RequiredBy=,
					 * UpheldBy= or Alias= */
	int		also;		/* [Install] has Also= */
	struct span	user;		/* [Service] User=, or empty */
};

/* Always 0; a file with none of these leaves them empty. */
int	unitfile_parse(const char *buf, size_t len, struct unit_info *);

/* Does a file name end in a unit type's suffix (".service" ...)? */
int	unitfile_is_unit(const char *name);
/* Is it a template ("getty@.service"), and is name an instance of it
 * ("getty@tty1.service")? */
int	unitfile_is_template(const char *name);
int	unitfile_instance_of(const char *name, const char *template_name);

/* An autostart entry's [Desktop Entry] keys. */
struct desktop_entry {
	struct span	name;		/* Name= (not a localized Name[xx]=) */
	struct span	exec;		/* Exec= */
	int		hidden;		/* Hidden=true, or
					 * X-GNOME-Autostart-enabled=false */
};

int	desktop_parse(const char *buf, size_t len, struct desktop_entry *);

/* An Exec= line's program (its quotes taken off) and the rest, its
 * arguments, trimmed; both empty for an empty line. */
void	desktop_exec_split(struct span exec, struct span *program,
	    struct span *args);

#endif
