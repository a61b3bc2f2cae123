/*
 * authorized_keys lines; see authkeys_parse.h.
 */
#include <string.h>

#include "authkeys_parse.h"

static const char *const key_types[] = {
	"ssh-rsa", "ssh-dss", "ssh-ed25519", "ssh-ed448",
	"ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
	"sk-ecdsa-sha2-nistp256@openssh.com", "sk-ssh-ed25519@openssh.com",
	"ssh-xmss@openssh.com",
	"ssh-rsa-cert-v01@openssh.com", "ssh-dss-cert-v01@openssh.com",
	"ssh-ed25519-cert-v01@openssh.com",
	"ecdsa-sha2-nistp256-cert-v01@openssh.com",
	"ecdsa-sha2-nistp384-cert-v01@openssh.com",
	"ecdsa-sha2-nistp521-cert-v01@openssh.com",
	"sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
	"sk-ssh-ed25519-cert-v01@openssh.com",
	"ssh-xmss-cert-v01@openssh.com",
};

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

int
authkeys_is_key_type(struct span w)
{
	size_t i;

	for (i = 0; i < sizeof(key_types) / sizeof(key_types[0]); i++)
		if (txt_eq(w, key_types[i]))
			return 1;
	return 0;
}

static void
skip_blanks(struct span *s)
{
	while (s->len > 0 && is_blank(s->p[0])) {
		s->p++;
		s->len--;
	}
}

/* The next word of *s, up to a blank. */
static struct span
take_word(struct span *s)
{
	struct span w = { s->p, 0 };

	while (w.len < s->len && !is_blank(s->p[w.len]))
		w.len++;
	s->p += w.len;
	s->len -= w.len;
	return w;
}

/* The options: up to the first blank outside double quotes, where a
 * backslash keeps a quote from closing them (sshd's reading). */
static struct span
take_options(struct span *s)
{
	struct span o = { s->p, 0 };
	int quoted = 0;

	while (o.len < s->len && (quoted || !is_blank(s->p[o.len]))) {
		if (s->p[o.len] == '\\' && quoted && o.len + 1 < s->len &&
		    s->p[o.len + 1] == '"')
			o.len++;
		else if (s->p[o.len] == '"')
			quoted = !quoted;
		o.len++;
	}
	s->p += o.len;
	s->len -= o.len;
	return o;
}

/* The type, key and comment that start s; -1 when s does not start
 * with a known key type and a key. */
static int
take_key(struct span s, struct authkey_line *k)
{
	k->algorithm = take_word(&s);
	if (!authkeys_is_key_type(k->algorithm))
		return -1;
	skip_blanks(&s);
	k->key = take_word(&s);
	if (k->key.len == 0)
		return -1;
	skip_blanks(&s);
	if (s.len > 0)
		k->comment = s;
	return 0;
}

static int
names_key_ring(struct span options)
{
	static const char label[] = "zos-key-ring-label=";
	struct span o;

	while (txt_next_field(&options, ',', &o))
		if (o.len >= sizeof(label) - 1 &&
		    memcmp(o.p, label, sizeof(label) - 1) == 0)
			return 1;
	return 0;
}

int
authkeys_parse_line(struct span line, struct authkey_line *k)
{
	struct span rest;

	memset(k, 0, sizeof(*k));
	line = txt_trim(line);
	if (line.len == 0 || line.p[0] == '#')
		return -1;
	if (take_key(line, k) == 0)
		return 0;
	memset(k, 0, sizeof(*k));
	rest = line;
	k->options = take_options(&rest);
	skip_blanks(&rest);
	if (take_key(rest, k) == 0)
		return 0;
	if (names_key_ring(k->options)) {
		memset(k, 0, sizeof(*k));
		k->options = line;
		return 0;
	}
	return -1;
}
