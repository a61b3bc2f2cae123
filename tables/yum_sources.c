/*
 * yum_sources: the repositories yum and dnf know, one row per section of
 * /etc/yum.conf (but [main]) and of the *.repo files of its repository
 * directories: main's reposdir when it names them, else the directories
 * dnf reads by default.  Values are as written ($releasever and the
 * like are not expanded); a value continued over several lines is
 * joined with single spaces.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dirlist.h"
#include "inifile.h"
#include "pathglob.h"
#include "table.h"

#define YUM_CONF	"/etc/yum.conf"
#define REPO_CAP	(4u << 20)
#define VALUE_MAX	4096
#define REPOSDIRS_MAX	8

static const char *const default_reposdirs[] = {
	"/etc/yum.repos.d", "/etc/yum/repos.d", "/etc/distro.repos.d",
};

enum {
	C_NAME,
	C_SOURCE,
	C_BASEURL,
	C_MIRRORLIST,
	C_METALINK,
	C_ENABLED,
	C_GPGCHECK,
	C_GPGKEY,
	C_PID_WITH_NAMESPACE,
};

static const struct column yum_sources_columns[] = {
	[C_NAME] = { "name", COL_TEXT, 0, NULL,
	    "Repository name (its name= option)" },
	[C_SOURCE] = { "source", COL_TEXT, 0, NULL,
	    "Source file that defines the repository" },
	[C_BASEURL] = { "baseurl", COL_TEXT, 0, NULL, "Repository base URL" },
	[C_MIRRORLIST] = { "mirrorlist", COL_TEXT, 0, NULL,
	    "Mirrorlist URL" },
	[C_METALINK] = { "metalink", COL_TEXT, 0, NULL, "Metalink URL" },
	[C_ENABLED] = { "enabled", COL_TEXT, 0, NULL,
	    "Whether the repository is used" },
	[C_GPGCHECK] = { "gpgcheck", COL_TEXT, 0, NULL,
	    "Whether packages are GPG checked" },
	[C_GPGKEY] = { "gpgkey", COL_TEXT, 0, NULL, "URL to GPG key" },
	[C_PID_WITH_NAMESPACE] = { "pid_with_namespace", COL_INTEGER,
	    COL_ADDITIONAL | COL_HIDDEN, NULL,
	    "Pids that contain a namespace (not supported: always NULL)" },
};

/* The options of a section that have a column. */
static const struct {
	const char	*key;
	int		 col;
} options[] = {
	{ "name", C_NAME },
	{ "baseurl", C_BASEURL },
	{ "mirrorlist", C_MIRRORLIST },
	{ "metalink", C_METALINK },
	{ "enabled", C_ENABLED },
	{ "gpgcheck", C_GPGCHECK },
	{ "gpgkey", C_GPGKEY },
};

#define NOPTIONS	(sizeof(options) / sizeof(options[0]))

/* Which directories hold .repo files: main's reposdir, when set. */
struct reposdirs {
	char	*v[REPOSDIRS_MAX];
	size_t	 n;
	int	 set;
};

static int
option_col(struct span key)
{
	size_t i;

	for (i = 0; i < NOPTIONS; i++)
		if (txt_eq(key, options[i].key))
			return options[i].col;
	return -1;
}

/* reposdir is a list separated by commas or blanks. */
static void
take_reposdirs(struct span full, struct reposdirs *rd)
{
	char value[VALUE_MAX], *p, *dir;

	rd->set = 1;
	ini_join(full, value, sizeof(value));
	for (p = value; (dir = strsep(&p, ", \t")) != NULL;)
		if (*dir != '\0' && rd->n < REPOSDIRS_MAX &&
		    (rd->v[rd->n] = strdup(dir)) != NULL)
			rd->n++;
}

/* The row of one section: its options set as the file has them, the
 * last of a repeated option winning. */
static int
section_row(struct gen_ctx *ctx, const char *path, const char *data,
    size_t len, size_t off)
{
	struct ini_item it;
	struct span section = { NULL, 0 };
	char value[VALUE_MAX];
	int col;

	row_begin(ctx);
	row_text(ctx, C_SOURCE, path);
	while (ini_next(data, len, &off, &section, &it) &&
	    it.kind == INI_KEY) {
		if ((col = option_col(it.key)) < 0)
			continue;
		ini_join(it.full, value, sizeof(value));
		row_text(ctx, col, value);
	}
	return row_end(ctx);
}

static int
file_rows(struct gen_ctx *ctx, const char *path, struct reposdirs *rd)
{
	struct ini_item it;
	struct span section = { NULL, 0 };
	char *data = NULL;
	size_t len = 0, off = 0;
	int rc;

	rc = collect_read_file(gen_collect(ctx), path, REPO_CAP, &data, &len);
	if (rc < 0) {
		if (rc != -ENOENT)
			gen_warn(ctx, "%s: %s", path, strerror(-rc));
		return 0;
	}
	rc = 0;
	while (rc == 0 && ini_next(data, len, &off, &section, &it)) {
		if (it.kind == INI_KEY) {
			if (rd != NULL && txt_eq(it.section, "main") &&
			    txt_eq(it.key, "reposdir") && !rd->set)
				take_reposdirs(it.full, rd);
			continue;
		}
		if (!txt_eq(it.section, "main"))
			rc = section_row(ctx, path, data, len, off);
	}
	free(data);
	return rc;
}

static int
is_repo(const char *name, unsigned int d_type)
{
	(void)d_type;
	return dirlist_has_suffix(name, ".repo");
}

static int
dir_rows(struct gen_ctx *ctx, const char *dir)
{
	char path[PATHGLOB_PATH_MAX];
	struct dirlist dl;
	size_t i;
	int rc;

	rc = dirlist_read(gen_collect(ctx), dir, is_repo, &dl);
	if (rc == -ENOMEM)
		return -1;
	if (rc < 0) {
		if (rc != -ENOENT && rc != -EINVAL)
			gen_warn(ctx, "%s: %s", dir, strerror(-rc));
		return 0;
	}
	for (i = 0; i < dl.n && rc == 0; i++)
		if (dirlist_path(dir, dl.v[i].name, path, sizeof(path)) == 0)
			rc = file_rows(ctx, path, NULL);
	dirlist_free(&dl);
	return rc;
}

/* Each directory once: one may be a link to another. */
static int
seen_before(struct gen_ctx *ctx, const char *dir, struct hq_stat *seen,
    size_t *nseen)
{
	struct hq_stat st;
	size_t i;

	if (collect_stat(gen_collect(ctx), dir, 1, &st) < 0)
		return 0;
	for (i = 0; i < *nseen; i++)
		if (seen[i].dev == st.dev && seen[i].ino == st.ino)
			return 1;
	if (*nseen < REPOSDIRS_MAX)
		seen[(*nseen)++] = st;
	return 0;
}

static int
repos_rows(struct gen_ctx *ctx, const char *const *dirs, size_t n)
{
	struct hq_stat seen[REPOSDIRS_MAX];
	size_t i, nseen = 0;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++)
		if (!seen_before(ctx, dirs[i], seen, &nseen))
			rc = dir_rows(ctx, dirs[i]);
	return rc;
}

static int
yum_sources_generate(struct gen_ctx *ctx)
{
	struct reposdirs rd;
	size_t i;
	int rc;

	if (gen_count(ctx, C_PID_WITH_NAMESPACE, GEN_EQ) > 0) {
		gen_warn(ctx, "pid_with_namespace is not supported");
		return 0;
	}
	memset(&rd, 0, sizeof(rd));
	rc = file_rows(ctx, YUM_CONF, &rd);
	if (rc == 0 && rd.set)
		rc = repos_rows(ctx, (const char *const *)rd.v, rd.n);
	else if (rc == 0)
		rc = repos_rows(ctx, default_reposdirs,
		    sizeof(default_reposdirs) / sizeof(default_reposdirs[0]));
	for (i = 0; i < rd.n; i++)
		free(rd.v[i]);
	if (rc != 0) {
		gen_error(ctx, "out of memory");
		return -1;
	}
	return 0;
}

const struct table table_yum_sources = {
	.name = "yum_sources",
	.description = "Current list of Yum repositories or software "
	    "channels.",
	.example = "SELECT name, baseurl, enabled, gpgcheck FROM yum_sources",
	.columns = yum_sources_columns,
	.ncolumns = NCOLUMNS(yum_sources_columns),
	.generate = yum_sources_generate,
};
