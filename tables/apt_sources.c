/*
 * apt_sources: the repositories APT fetches packages from, one row per
 * URI and suite of a "deb" source, from /etc/apt/sources.list and the
 * *.list (one-line) and *.sources (deb822) files of sources.list.d, in
 * the order APT reads them.  The release, version, maintainer, components
 * and architectures columns come from the Release file APT last fetched
 * for the source; they are NULL when it has fetched none.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aptsource.h"
#include "deb822.h"
#include "dirlist.h"
#include "pathglob.h"
#include "table.h"

#define APT_SOURCES_LIST	"/etc/apt/sources.list"
#define APT_SOURCES_PARTS	"/etc/apt/sources.list.d"
#define APT_LISTS		"/var/lib/apt/lists"
#define SOURCES_CAP		(4u << 20)
/* The fields wanted come before the Release file's long hash lists. */
#define RELEASE_CAP		(64u << 10)

enum {
	C_NAME,
	C_SOURCE,
	C_BASE_URI,
	C_RELEASE,
	C_VERSION,
	C_MAINTAINER,
	C_COMPONENTS,
	C_ARCHITECTURES,
	C_PID_WITH_NAMESPACE,
};

static const struct column apt_sources_columns[] = {
	[C_NAME] = { "name", COL_TEXT, 0, NULL,
	    "Repository name: its URI without the scheme, and its suite" },
	[C_SOURCE] = { "source", COL_TEXT, 0, NULL,
	    "Source file that names the repository" },
	[C_BASE_URI] = { "base_uri", COL_TEXT, 0, NULL,
	    "Repository base URI" },
	[C_RELEASE] = { "release", COL_TEXT, 0, NULL,
	    "Release name (Codename of its Release file)" },
	[C_VERSION] = { "version", COL_TEXT, 0, "version_dpkg",
	    "Repository source version" },
	[C_MAINTAINER] = { "maintainer", COL_TEXT, 0, NULL,
	    "Repository maintainer (Origin of its Release file)" },
	[C_COMPONENTS] = { "components", COL_TEXT, 0, NULL,
	    "Repository components" },
	[C_ARCHITECTURES] = { "architectures", COL_TEXT, 0, NULL,
	    "Repository architectures" },
	[C_PID_WITH_NAMESPACE] = { "pid_with_namespace", COL_INTEGER,
	    COL_ADDITIONAL | COL_HIDDEN, NULL,
	    "Pids that contain a namespace (not supported: always NULL)" },
};

struct source_file {
	struct gen_ctx	*ctx;
	const char	*path;
};

static void
row_span(struct gen_ctx *ctx, int col, struct span s, int has)
{
	if (has)
		row_textn(ctx, col, s.len ? s.p : "", s.len);
}

/* The Release file APT keeps for src: InRelease, else Release. */
static char *
read_release(struct gen_ctx *ctx, const struct apt_source *src,
    size_t *len)
{
	static const char *const names[] = { "InRelease", "Release" };
	char prefix[PATHGLOB_PATH_MAX], file[PATHGLOB_PATH_MAX];
	char path[PATHGLOB_PATH_MAX];
	char *data;
	size_t i;
	int rc;

	if (apt_lists_prefix(src, prefix, sizeof(prefix)) == -1)
		return NULL;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if ((size_t)snprintf(file, sizeof(file), "%s%s", prefix,
		    names[i]) >= sizeof(file) ||
		    dirlist_path(APT_LISTS, file, path, sizeof(path)) == -1)
			return NULL;
		data = NULL;
		rc = collect_read_file(gen_collect(ctx), path, RELEASE_CAP,
		    &data, len);
		if (rc == 0)
			return data;
		if (rc != -ENOENT) {
			gen_warn(ctx, "%s: %s", path, strerror(-rc));
			return NULL;
		}
	}
	return NULL;
}

static int
source_row(void *arg, const struct apt_source *src)
{
	struct source_file *sf = arg;
	struct gen_ctx *ctx = sf->ctx;
	struct apt_release rel;
	struct span base;
	char name[PATHGLOB_PATH_MAX];
	char *data;
	size_t len = 0;
	int rc, have_release = 0;

	if ((data = read_release(ctx, src, &len)) != NULL)
		have_release = apt_parse_release(data, len, &rel) == 0;
	row_begin(ctx);
	if (apt_source_name(src, name, sizeof(name)) == 0)
		row_text(ctx, C_NAME, name);
	row_text(ctx, C_SOURCE, sf->path);
	base = apt_base_uri(src);
	row_span(ctx, C_BASE_URI, base, 1);
	if (have_release) {
		row_span(ctx, C_RELEASE, rel.codename, rel.has_codename);
		row_span(ctx, C_VERSION, rel.version, rel.has_version);
		row_span(ctx, C_MAINTAINER, rel.origin, rel.has_origin);
		row_span(ctx, C_COMPONENTS, rel.components,
		    rel.has_components);
		row_span(ctx, C_ARCHITECTURES, rel.architectures,
		    rel.has_architectures);
	}
	rc = row_end(ctx);
	free(data);
	return rc;
}

static int
one_line_sources(struct source_file *sf, const char *data, size_t len)
{
	struct apt_source src;
	struct span line;
	size_t off = 0;
	int rc = 0;

	while (rc == 0 && txt_next_line(data, len, &off, &line))
		if (apt_parse_line(line, &src) == 0)
			rc = source_row(sf, &src);
	return rc;
}

static int
deb822_sources(struct source_file *sf, const char *data, size_t len)
{
	struct span stanza;
	size_t off = 0;
	int rc = 0;

	while (rc == 0 && deb822_next_stanza(data, len, &off, &stanza))
		rc = apt_parse_stanza(stanza, source_row, sf);
	return rc;
}

static int
source_file_rows(struct gen_ctx *ctx, const char *path, int deb822)
{
	struct source_file sf = { ctx, path };
	char *data = NULL;
	size_t len = 0;
	int rc;

	rc = collect_read_file(gen_collect(ctx), path, SOURCES_CAP, &data,
	    &len);
	if (rc < 0) {
		if (rc != -ENOENT)
			gen_warn(ctx, "%s: %s", path, strerror(-rc));
		return 0;
	}
	rc = deb822 ? deb822_sources(&sf, data, len) :
	    one_line_sources(&sf, data, len);
	free(data);
	return rc;
}

/* APT reads the parts whose names hold only letters, digits, '_', '-'
 * and '.', and end in .list or .sources. */
static int
is_source_part(const char *name, unsigned int d_type)
{
	(void)d_type;
	if (strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789_-.") != strlen(name))
		return 0;
	return dirlist_has_suffix(name, ".list") ||
	    dirlist_has_suffix(name, ".sources");
}

static int
apt_sources_generate(struct gen_ctx *ctx)
{
	char path[PATHGLOB_PATH_MAX];
	struct dirlist dl;
	size_t i;
	int rc;

	if (gen_count(ctx, C_PID_WITH_NAMESPACE, GEN_EQ) > 0) {
		gen_warn(ctx, "pid_with_namespace is not supported");
		return 0;
	}
	memset(&dl, 0, sizeof(dl));
	rc = source_file_rows(ctx, APT_SOURCES_LIST, 0);
	if (rc == 0) {
		rc = dirlist_read(gen_collect(ctx), APT_SOURCES_PARTS,
		    is_source_part, &dl);
		if (rc < 0 && rc != -ENOENT && rc != -ENOMEM)
			gen_warn(ctx, "%s: %s", APT_SOURCES_PARTS,
			    strerror(-rc));
		rc = rc == -ENOMEM ? -1 : 0;
	}
	for (i = 0; rc == 0 && i < dl.n; i++)
		if (dirlist_path(APT_SOURCES_PARTS, dl.v[i].name, path,
		    sizeof(path)) == 0)
			rc = source_file_rows(ctx, path,
			    dirlist_has_suffix(dl.v[i].name, ".sources"));
	dirlist_free(&dl);
	if (rc != 0) {
		gen_error(ctx, "out of memory");
		return -1;
	}
	return 0;
}

const struct table table_apt_sources = {
	.name = "apt_sources",
	.description = "Current list of APT repositories or software "
	    "channels.",
	.example = "SELECT name, base_uri, release, components "
	    "FROM apt_sources",
	.columns = apt_sources_columns,
	.ncolumns = NCOLUMNS(apt_sources_columns),
	.generate = apt_sources_generate,
};
