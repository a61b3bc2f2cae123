/*
 * package.json manifests.
 */
#include <sys/random.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "npmpkg.h"

/* A member's text: itself if a string, "" if something else, NULL if
 * absent. */
static const char *
member_text(json_t *obj, const char *key)
{
	json_t *v;

	if (!json_is_object(obj) || (v = json_object_get(obj, key)) == NULL)
		return NULL;
	return json_is_string(v) ? json_string_value(v) : "";
}

static const char *
author_of(json_t *root)
{
	json_t *a = json_object_get(root, "author");

	if (a == NULL)
		return NULL;
	if (json_is_object(a))
		return member_text(a, "name");
	return json_is_string(a) ? json_string_value(a) : "";
}

static const char *
license_of(json_t *root)
{
	json_t *l = json_object_get(root, "license");

	if (l == NULL)
		return NULL;
	if (json_is_string(l))
		return json_string_value(l);
	return json_is_object(l) ? member_text(l, "url") : NULL;
}

/*
 * jansson seeds its hash function from /dev/urandom on first use, which
 * the worker cannot open: give it a seed from getrandom(2) first (it
 * takes only the first one it is given).
 */
static void
seed_hash(void)
{
	size_t seed = 0;

	if (getrandom(&seed, sizeof(seed), GRND_NONBLOCK) != sizeof(seed) ||
	    seed == 0)
		seed = 0x9e3779b97f4a7c15ULL & SIZE_MAX;
	json_object_seed(seed);
}

int
npm_manifest_parse(const char *buf, size_t len, struct npm_manifest *m,
    char *err, size_t errlen)
{
	json_error_t je;
	json_t *root;

	memset(m, 0, sizeof(*m));
	seed_hash();
	root = json_loadb(buf, len, 0, &je);
	if (root == NULL) {
		snprintf(err, errlen, "line %d: %s", je.line, je.text);
		return -1;
	}
	if (!json_is_object(root)) {
		snprintf(err, errlen, "not a JSON object");
		json_decref(root);
		return -1;
	}
	m->root = root;
	m->name = member_text(root, "name");
	m->version = member_text(root, "version");
	m->description = member_text(root, "description");
	m->homepage = member_text(root, "homepage");
	m->author = author_of(root);
	m->license = license_of(root);
	return 0;
}

void
npm_manifest_free(struct npm_manifest *m)
{
	json_decref(m->root);
	memset(m, 0, sizeof(*m));
}
