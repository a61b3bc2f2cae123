/*
 * Shell history lines; see history_parse.h.
 */
#include <string.h>

#include "history_parse.h"

#define ZSH_META	((char)0x83)
#define ZSH_MAX_SPACES	10	/* osquery's ": {0,10}" */
#define ZSH_MAX_DIGITS	11

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* "#1600000000": a bash timestamp, the whole line. */
static int
bash_time(struct span line, int64_t *t)
{
	if (line.len < 2 || line.p[0] != '#')
		return 0;
	return txt_i64(line.p + 1, line.len - 1, t) == 0 && is_digit(line.p[1]);
}

/* ": 1600000000:0;command": a zsh extended entry. */
static int
zsh_entry(struct span line, struct history_entry *e)
{
	size_t i = 1, start, digits;

	if (line.len == 0 || line.p[0] != ':')
		return 0;
	while (i < line.len && line.p[i] == ' ' && i <= ZSH_MAX_SPACES)
		i++;
	for (start = i; i < line.len && is_digit(line.p[i]); i++)
		;
	digits = i - start;
	if (digits == 0 || digits > ZSH_MAX_DIGITS || i == line.len ||
	    line.p[i] != ':' ||
	    txt_i64(line.p + start, digits, &e->time) == -1)
		return 0;
	for (start = ++i; i < line.len && is_digit(line.p[i]); i++)
		;
	if (i == start || i == line.len || line.p[i] != ';')
		return 0;
	e->command.p = line.p + i + 1;
	e->command.len = line.len - i - 1;
	return 1;
}

int
history_parse_line(struct history_state *st, struct span line,
    struct history_entry *e)
{
	int64_t t;

	if (!st->pending && bash_time(line, &t)) {
		st->pending = 1;
		st->time = t;
		return 0;
	}
	if (st->pending) {
		e->time = st->time;
		e->command = line;
		st->pending = 0;
	} else if (!zsh_entry(line, e)) {
		e->time = 0;
		e->command = line;
	}
	return 1;
}

size_t
history_unmeta(struct span s, char *out)
{
	size_t i, n = 0;

	for (i = 0; i < s.len; i++) {
		if (s.p[i] == ZSH_META) {
			if (++i == s.len)
				break;
			out[n++] = (char)(s.p[i] ^ 32);
		} else
			out[n++] = s.p[i];
	}
	return n;
}
