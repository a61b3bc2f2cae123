/*
 * Both formats are "key=value" lines in "[group]" sections.  Values are
 * spans into the caller's buffer; a unit line continued with '\' keeps
 * only its first line, which is all the keys read here need.
 */
#include <string.h>

#include "unitfile.h"

static const char *const unit_suffixes[] = {
	".service", ".socket", ".timer", ".target", ".path", ".mount",
	".automount", ".swap", ".slice", ".scope", ".device",
};

/* One "key=value" line: 1 with key and value, 2 for a section header
 * (its name in key), 0 for anything else. */
static int
split_line(struct span line, struct span *key, struct span *value)
{
	const char *eq;

	line = txt_trim(line);
	if (line.len == 0 || line.p[0] == '#' || line.p[0] == ';')
		return 0;
	if (line.p[0] == '[') {
		if (line.len < 2 || line.p[line.len - 1] != ']')
			return 0;
		key->p = line.p + 1;
		key->len = line.len - 2;
		return 2;
	}
	if ((eq = memchr(line.p, '=', line.len)) == NULL)
		return 0;
	key->p = line.p;
	key->len = (size_t)(eq - line.p);
	value->p = eq + 1;
	value->len = line.len - key->len - 1;
	*key = txt_trim(*key);
	*value = txt_trim(*value);
	if (value->len > 0 && value->p[value->len - 1] == '\\')
		value->len--;
	return 1;
}

static void
install_key(struct unit_info *u, struct span k, struct span v)
{
	if (txt_eq(k, "WantedBy") || txt_eq(k, "RequiredBy") ||
	    txt_eq(k, "UpheldBy") || txt_eq(k, "Alias")) {
		if (v.len > 0)
			u->install = 1;
	} else if (txt_eq(k, "Also") && v.len > 0)
		u->also = 1;
}

int
unitfile_parse(const char *buf, size_t len, struct unit_info *u)
{
	struct span line, k, v, section = { "", 0 };
	size_t off = 0;
	int kind;

	memset(u, 0, sizeof(*u));
	u->user.p = "";
	while (txt_next_line(buf, len, &off, &line)) {
		kind = split_line(line, &k, &v);
		if (kind == 2)
			section = k;
		else if (kind == 1 && txt_eq(section, "Install"))
			install_key(u, k, v);
		else if (kind == 1 && txt_eq(section, "Service") &&
		    txt_eq(k, "User"))
			u->user = v;
	}
	return 0;
}

int
unitfile_is_unit(const char *name)
{
	size_t i, n = strlen(name), s;

	for (i = 0; i < sizeof(unit_suffixes) / sizeof(unit_suffixes[0]);
	    i++) {
		s = strlen(unit_suffixes[i]);
		if (n > s && strcmp(name + n - s, unit_suffixes[i]) == 0)
			return 1;
	}
	return 0;
}

int
unitfile_is_template(const char *name)
{
	const char *at = strchr(name, '@');

	return at != NULL && at[1] == '.' && unitfile_is_unit(name);
}

int
unitfile_instance_of(const char *name, const char *tmpl)
{
	const char *at = strchr(tmpl, '@'), *nat = strchr(name, '@');
	const char *suffix, *nsuffix;
	size_t prefix;

	if (!unitfile_is_template(tmpl) || nat == NULL)
		return 0;
	prefix = (size_t)(at - tmpl) + 1;
	suffix = at + 1;
	nsuffix = strrchr(name, '.');
	return strncmp(name, tmpl, prefix) == 0 && nsuffix != NULL &&
	    nsuffix > nat + 1 && strcmp(nsuffix, suffix) == 0;
}

static int
is_false(struct span v)
{
	return txt_eq(v, "false");
}

int
desktop_parse(const char *buf, size_t len, struct desktop_entry *d)
{
	struct span line, k, v, group = { "", 0 };
	size_t off = 0;
	int kind;

	memset(d, 0, sizeof(*d));
	d->name.p = d->exec.p = "";
	while (txt_next_line(buf, len, &off, &line)) {
		kind = split_line(line, &k, &v);
		if (kind == 2)
			group = k;
		if (kind != 1 || !txt_eq(group, "Desktop Entry"))
			continue;
		if (txt_eq(k, "Name"))
			d->name = v;
		else if (txt_eq(k, "Exec"))
			d->exec = v;
		else if (txt_eq(k, "Hidden"))
			d->hidden |= txt_eq(v, "true");
		else if (txt_eq(k, "X-GNOME-Autostart-enabled"))
			d->hidden |= is_false(v);
	}
	return 0;
}

void
desktop_exec_split(struct span exec, struct span *program, struct span *args)
{
	struct span s = txt_trim(exec);
	const char *q;
	size_t n;

	program->p = args->p = s.p;
	program->len = args->len = 0;
	if (s.len == 0)
		return;
	if (s.p[0] == '"' && (q = memchr(s.p + 1, '"', s.len - 1)) != NULL) {
		program->p = s.p + 1;
		program->len = (size_t)(q - s.p - 1);
		n = (size_t)(q - s.p) + 1;
	} else {
		for (n = 0; n < s.len && s.p[n] != ' ' && s.p[n] != '\t'; n++)
			;
		program->len = n;
	}
	args->p = s.p + n;
	args->len = s.len - n;
	*args = txt_trim(*args);
}
