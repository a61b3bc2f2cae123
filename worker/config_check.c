/*
 * Messages about a configuration: one per mistake, each naming the file
 * and the JSON path of the value, so that --config_check can list them
 * all and the status log can say why a reload was refused.  Whatever
 * comes from the config (keys, values, file names) is escaped before it
 * goes into a message, as the message ends up on a terminal or in a log.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_impl.h"

#define MSG_MAX		1024
#define QUOTE_CUT	60

static int
plain_byte(unsigned char c)
{
	return c >= 0x20 && c < 0x7f;
}

/* Append s to out (of outlen, holding *n) escaped; at most cut bytes
 * of s are written, then "...".  Quotes and backslashes are escaped
 * only inside quotes. */
static void
escape_into(char *out, size_t outlen, size_t *n, const char *s, size_t cut,
    int quoted)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	for (i = 0; p[i] != '\0'; i++) {
		if (i == cut) {
			if (*n + 3 < outlen) {
				memcpy(out + *n, "...", 3);
				*n += 3;
			}
			break;
		}
		if (plain_byte(p[i]) &&
		    (!quoted || (p[i] != '"' && p[i] != '\\'))) {
			if (*n + 1 >= outlen)
				break;
			out[(*n)++] = (char)p[i];
			continue;
		}
		if (*n + 4 >= outlen)
			break;
		out[(*n)++] = '\\';
		if (p[i] == '"' || p[i] == '\\') {
			out[(*n)++] = (char)p[i];
			continue;
		}
		out[(*n)++] = 'x';
		out[(*n)++] = hex[p[i] >> 4];
		out[(*n)++] = hex[p[i] & 0xf];
	}
	out[*n] = '\0';
}

void
cfg_quote(char *out, size_t outlen, const char *s)
{
	size_t n = 0;

	if (outlen < 3) {
		if (outlen > 0)
			out[0] = '\0';
		return;
	}
	out[n++] = '"';
	escape_into(out, outlen - 1, &n, s != NULL ? s : "", QUOTE_CUT, 1);
	out[n++] = '"';
	out[n] = '\0';
}

char *
cfg_safe_name(char *out, size_t outlen, const char *s)
{
	size_t n = 0;

	if (outlen == 0)
		return out;
	out[0] = '\0';
	escape_into(out, outlen, &n, s != NULL ? s : "", outlen, 0);
	return out;
}

/* A key shown without quotes when it cannot be mistaken for path
 * syntax. */
static int
bare_key(const char *key)
{
	const unsigned char *p = (const unsigned char *)key;

	if (*p == '\0')
		return 0;
	for (; *p != '\0'; p++)
		if (!plain_byte(*p) || strchr(".[]\"\\ ", *p) != NULL)
			return 0;
	return 1;
}

static void
jpath_append(struct jpath *jp, const char *s)
{
	size_t n = strlen(s);

	if (jp->len + n >= sizeof(jp->buf)) {
		/* Keep what fits and say it was cut. */
		if (jp->len + 4 <= sizeof(jp->buf) && (jp->len < 3 ||
		    strcmp(jp->buf + jp->len - 3, "...") != 0)) {
			memcpy(jp->buf + jp->len, "...", 3);
			jp->len += 3;
			jp->buf[jp->len] = '\0';
		}
		return;
	}
	memcpy(jp->buf + jp->len, s, n + 1);
	jp->len += n;
}

size_t
jpath_key(struct jpath *jp, const char *key)
{
	char q[QUOTE_CUT + 16];
	size_t mark = jp->len;

	if (jp->len > 0)
		jpath_append(jp, ".");
	if (bare_key(key) && strlen(key) <= QUOTE_CUT)
		jpath_append(jp, key);
	else {
		cfg_quote(q, sizeof(q), key);
		jpath_append(jp, q);
	}
	return mark;
}

size_t
jpath_index(struct jpath *jp, size_t i)
{
	char b[32];
	size_t mark = jp->len;

	snprintf(b, sizeof(b), "[%zu]", i);
	jpath_append(jp, b);
	return mark;
}

void
jpath_pop(struct jpath *jp, size_t mark)
{
	if (mark <= jp->len) {
		jp->len = mark;
		jp->buf[mark] = '\0';
	}
}

static void
count(struct config_msgs *msgs, enum config_level level)
{
	if (level == CONFIG_ERROR)
		msgs->nerrors++;
	else
		msgs->nwarnings++;
}

void
cfg_vmsg(struct config_msgs *msgs, enum config_level level,
    const char *source, const char *path, const char *fmt, va_list ap)
{
	char text[MSG_MAX], name[MSG_MAX / 4];
	struct config_msg *v;
	size_t n;
	int k;

	count(msgs, level);
	if (msgs->n >= CONFIG_MAX_MSGS)
		return;
	cfg_safe_name(name, sizeof(name), source);
	if (path != NULL && path[0] != '\0')
		k = snprintf(text, sizeof(text), "%s: %s: ", name, path);
	else
		k = snprintf(text, sizeof(text), "%s: ", name);
	n = k < 0 ? 0 : (size_t)k < sizeof(text) ? (size_t)k : sizeof(text) - 1;
	vsnprintf(text + n, sizeof(text) - n, fmt, ap);
	v = reallocarray(msgs->v, msgs->n + 1, sizeof(*v));
	if (v == NULL)
		return;
	msgs->v = v;
	if ((v[msgs->n].text = strdup(text)) == NULL)
		return;
	v[msgs->n].level = level;
	msgs->n++;
}

void
cfg_msg(struct cfg_ctx *ctx, enum config_level level, const char *source,
    const struct jpath *jp, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cfg_vmsg(ctx->msgs, level, source, jp != NULL ? jp->buf : NULL, fmt,
	    ap);
	va_end(ap);
}

void
cfg_nomem(struct cfg_ctx *ctx)
{
	if (ctx->nomem)
		return;
	ctx->nomem = 1;
	cfg_error(ctx, "config", NULL, "out of memory");
}

void
config_msgs_free(struct config_msgs *msgs)
{
	size_t i;

	if (msgs == NULL)
		return;
	for (i = 0; i < msgs->n; i++)
		free(msgs->v[i].text);
	free(msgs->v);
	memset(msgs, 0, sizeof(*msgs));
}
