/*
 * ssh_config(5) lines; see sshconfig_parse.h.
 */
#include <strings.h>

#include "sshconfig_parse.h"

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int
keyword_is(struct span k, const char *word)
{
	size_t n = 0;

	while (word[n] != '\0')
		n++;
	return k.len == n && strncasecmp(k.p, word, n) == 0;
}

int
sshconfig_parse_line(struct span line, struct sshconfig_line *c)
{
	struct span rest;
	size_t i = 0;

	line = txt_trim(line);
	if (line.len == 0 || line.p[0] == '#')
		return -1;
	while (i < line.len && !is_blank(line.p[i]) && line.p[i] != '=')
		i++;
	c->text = line;
	c->keyword.p = line.p;
	c->keyword.len = i;
	rest.p = line.p + i;
	rest.len = line.len - i;
	/* Blanks, then at most one '=', then blanks. */
	while (rest.len > 0 && is_blank(rest.p[0])) {
		rest.p++;
		rest.len--;
	}
	if (rest.len > 0 && rest.p[0] == '=') {
		rest.p++;
		rest.len--;
	}
	c->args = txt_trim(rest);
	if (c->keyword.len == 0)
		return -1;
	if (keyword_is(c->keyword, "host") || keyword_is(c->keyword, "match"))
		c->kind = SSHCONFIG_BLOCK;
	else if (keyword_is(c->keyword, "include"))
		c->kind = SSHCONFIG_INCLUDE;
	else
		c->kind = SSHCONFIG_OPTION;
	return 0;
}

int
sshconfig_next_arg(struct span *args, struct span *arg)
{
	size_t i = 0;

	while (i < args->len && is_blank(args->p[i]))
		i++;
	if (i == args->len)
		return 0;
	if (args->p[i] == '"') {
		arg->p = args->p + i + 1;
		for (i++; i < args->len && args->p[i] != '"'; i++)
			;
		arg->len = (size_t)(args->p + i - arg->p);
		if (i < args->len)
			i++;		/* the closing quote */
	} else {
		arg->p = args->p + i;
		while (i < args->len && !is_blank(args->p[i]))
			i++;
		arg->len = (size_t)(args->p + i - arg->p);
	}
	args->p += i;
	args->len -= i;
	return 1;
}
