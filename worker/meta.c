/*
 * Meta commands.  Each is a short function over the shell's settings;
 * the table list and schemas come from the table registry, so they are
 * what the program serves, not a copy.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sqlite3.h>

#include "../tables/table.h"
#include "meta.h"
#include "printer.h"

#define META_MAXWORDS	16

struct meta_cmd {
	const char	*name;
	int		 minargs;	/* words after the command */
	int		 maxargs;
	enum meta_status (*fn)(struct meta_env *, int, char **);
	const char	*usage;
	const char	*help;
};

static char *
unescape_one(char *p, char *c)
{
	switch (*p) {
	case 'n':
		*c = '\n';
		break;
	case 't':
		*c = '\t';
		break;
	case 'r':
		*c = '\r';
		break;
	default:
		*c = *p;
		break;
	}
	return p + 1;
}

/*
 * One word at *pp, unquoted in place: the writer never runs ahead of the
 * reader, so the word ends before the next one begins.
 */
static char *
split_word(char **pp)
{
	char *p = *pp, *word, *dst, quote = 0;

	if (*p == '\'' || *p == '"')
		quote = *p++;
	word = dst = p;
	while (*p != '\0') {
		if ((quote == 0 && isspace((unsigned char)*p)) ||
		    (quote != 0 && *p == quote)) {
			p++;
			break;
		}
		if (quote == '"' && *p == '\\' && p[1] != '\0')
			p = unescape_one(p + 1, dst++);
		else
			*dst++ = *p++;
	}
	*dst = '\0';
	*pp = p;
	return word;
}

int
meta_split(char *line, char **words, int max)
{
	char *p = line;
	int n = 0;

	if (*p == '.')
		p++;
	while (n < max) {
		while (isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		words[n++] = split_word(&p);
	}
	return n;
}

int
meta_bool(const char *s, int *v)
{
	static const char *const yes[] = { "on", "true", "yes", "1" };
	static const char *const no[] = { "off", "false", "no", "0" };
	size_t i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (strcasecmp(s, yes[i]) == 0) {
			*v = 1;
			return 0;
		}
		if (strcasecmp(s, no[i]) == 0) {
			*v = 0;
			return 0;
		}
	}
	return -1;
}

int
meta_name_matches(const char *name, const char *pattern)
{
	if (pattern == NULL)
		return 1;
	if (strpbrk(pattern, "%_") != NULL)
		return sqlite3_strlike(pattern, name, 0) == 0;
	return strncasecmp(name, pattern, strlen(pattern)) == 0;
}

static const char *
col_type_name(enum col_type t)
{
	switch (t) {
	case COL_TEXT:
		return "TEXT";
	case COL_INTEGER:
		return "INTEGER";
	case COL_BIGINT:
		return "BIGINT";
	case COL_UNSIGNED_BIGINT:
		return "UNSIGNED BIGINT";
	case COL_DOUBLE:
		return "DOUBLE";
	case COL_BLOB:
		return "BLOB";
	}
	return "TEXT";
}

static int
table_has_index(const struct table *t)
{
	int i;

	for (i = 0; i < t->ncolumns; i++)
		if (t->columns[i].flags & COL_INDEX)
			return 1;
	return 0;
}

/*
 * As osquery declares its tables: backquoted names, HIDDEN marked, and
 * when some column is an index, a primary key of the index and additional
 * columns and WITHOUT ROWID.
 */
int
meta_schema_of(const struct table *t, struct outbuf *b)
{
	int i, indexed = table_has_index(t), first = 1;

	outbuf_adds(b, "CREATE TABLE ");
	outbuf_adds(b, t->name);
	outbuf_addc(b, '(');
	for (i = 0; i < t->ncolumns; i++) {
		if (i > 0)
			outbuf_adds(b, ", ");
		outbuf_addc(b, '`');
		outbuf_adds(b, t->columns[i].name);
		outbuf_adds(b, "` ");
		outbuf_adds(b, col_type_name(t->columns[i].type));
		if (t->columns[i].flags & COL_HIDDEN)
			outbuf_adds(b, " HIDDEN");
	}
	for (i = 0; indexed && i < t->ncolumns; i++) {
		if (!(t->columns[i].flags & (COL_INDEX | COL_ADDITIONAL)))
			continue;
		outbuf_adds(b, first ? ", PRIMARY KEY (`" : ", `");
		outbuf_adds(b, t->columns[i].name);
		outbuf_addc(b, '`');
		first = 0;
	}
	if (!first)
		outbuf_addc(b, ')');
	outbuf_adds(b, indexed ? ") WITHOUT ROWID;\n" : ");\n");
	return b->failed ? -1 : 0;
}

static enum meta_status
meta_error(const char *fmt, const char *arg)
{
	fflush(stdout);
	fputs("Error: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	return META_ERROR;
}

static enum meta_status
do_tables(struct meta_env *env, int argc, char **argv)
{
	const char *pattern = argc > 1 ? argv[1] : NULL;
	size_t i;

	for (i = 0; table_registry[i] != NULL; i++)
		if (meta_name_matches(table_registry[i]->name, pattern))
			fprintf(env->out, "  => %s\n", table_registry[i]->name);
	return META_OK;
}

static enum meta_status
do_schema(struct meta_env *env, int argc, char **argv)
{
	const char *pattern = argc > 1 ? argv[1] : NULL;
	const struct table *exact;
	struct outbuf b;
	size_t i;
	int found = 0;

	outbuf_init(&b);
	exact = pattern != NULL ? table_find(pattern) : NULL;
	for (i = 0; table_registry[i] != NULL; i++) {
		if (exact != NULL ? table_registry[i] != exact :
		    !meta_name_matches(table_registry[i]->name, pattern))
			continue;
		meta_schema_of(table_registry[i], &b);
		found = 1;
	}
	if (!b.failed)
		fwrite(b.data, 1, b.len, env->out);
	outbuf_free(&b);
	if (!found && pattern != NULL)
		return meta_error("no such table: %s", pattern);
	return META_OK;
}

static enum meta_status
do_all(struct meta_env *env, int argc, char **argv)
{
	enum meta_status st = META_OK;
	char *sql;

	(void)argc;
	if (table_find(argv[1]) == NULL)
		return meta_error("no such table: %s", argv[1]);
	if ((sql = sqlite3_mprintf("SELECT * FROM \"%w\";", argv[1])) == NULL)
		return meta_error("%s", "out of memory");
	if (env->run_sql(env->arg, sql) == -1)
		st = META_ERROR;
	sqlite3_free(sql);
	return st;
}

static enum meta_status
do_mode(struct meta_env *env, int argc, char **argv)
{
	enum print_mode mode;

	(void)argc;
	if (print_mode_parse(argv[1], &mode) == -1)
		return meta_error("mode should be one of: pretty line list csv "
		    "json json_pretty, not \"%s\"", argv[1]);
	env->set->print.mode = mode;
	return META_OK;
}

static enum meta_status
set_bool(const char *what, const char *arg, int *v)
{
	if (meta_bool(arg, v) == -1) {
		fflush(stdout);
		fprintf(stderr, "Error: %s wants on or off, not \"%s\"\n",
		    what, arg);
		return META_ERROR;
	}
	return META_OK;
}

static enum meta_status
do_headers(struct meta_env *env, int argc, char **argv)
{
	(void)argc;
	return set_bool(".headers", argv[1], &env->set->print.header);
}

static enum meta_status
do_timer(struct meta_env *env, int argc, char **argv)
{
	(void)argc;
	return set_bool(".timer", argv[1], &env->set->timer);
}

static enum meta_status
do_bail(struct meta_env *env, int argc, char **argv)
{
	(void)argc;
	return set_bool(".bail", argv[1], &env->set->bail);
}

static enum meta_status
set_text(char *dst, size_t size, const char *what, const char *src)
{
	if (strlen(src) >= size) {
		fflush(stdout);
		fprintf(stderr, "Error: %s is longer than %zu bytes\n", what,
		    size - 1);
		return META_ERROR;
	}
	snprintf(dst, size, "%s", src);
	return META_OK;
}

static enum meta_status
do_nullvalue(struct meta_env *env, int argc, char **argv)
{
	(void)argc;
	return set_text(env->set->print.nullvalue,
	    sizeof(env->set->print.nullvalue), "the null value", argv[1]);
}

static enum meta_status
do_separator(struct meta_env *env, int argc, char **argv)
{
	(void)argc;
	return set_text(env->set->print.separator,
	    sizeof(env->set->print.separator), "the separator", argv[1]);
}

static enum meta_status
do_timeout(struct meta_env *env, int argc, char **argv)
{
	char *end;
	long ms;

	(void)argc;
	errno = 0;
	ms = strtol(argv[1], &end, 10);
	if (errno != 0 || end == argv[1] || *end != '\0' || ms < 0)
		return meta_error(".timeout wants milliseconds, not \"%s\"",
		    argv[1]);
	env->set->timeout_ms = ms;
	db_set_timeout(env->db, ms);
	return META_OK;
}

static enum meta_status
do_print(struct meta_env *env, int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		fprintf(env->out, "%s%s", i > 1 ? " " : "", argv[i]);
	fputc('\n', env->out);
	return META_OK;
}

static enum meta_status
do_quit(struct meta_env *env, int argc, char **argv)
{
	(void)env;
	(void)argc;
	(void)argv;
	return META_EXIT;
}

static enum meta_status
do_version(struct meta_env *env, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(env->out, "hostql %s\nusing SQLite %s\n", HOSTQL_VERSION,
	    sqlite3_libversion());
	return META_OK;
}

static void
show_quoted(FILE *out, const char *name, const char *s)
{
	struct outbuf b;

	outbuf_init(&b);
	fmt_json_string(&b, s, strlen(s));
	if (!b.failed)
		fprintf(out, "%13s: %.*s\n", name, (int)b.len, b.data);
	outbuf_free(&b);
}

static enum meta_status
do_show(struct meta_env *env, int argc, char **argv)
{
	const struct shell_settings *s = env->set;

	(void)argc;
	(void)argv;
	fprintf(env->out, "%13s: %s\n", "headers", s->print.header ? "on" :
	    "off");
	fprintf(env->out, "%13s: %s\n", "mode", print_mode_name(s->print.mode));
	show_quoted(env->out, "nullvalue", s->print.nullvalue);
	show_quoted(env->out, "separator", print_separator(&s->print));
	fprintf(env->out, "%13s: %s\n", "timer", s->timer ? "on" : "off");
	fprintf(env->out, "%13s: %s\n", "bail", s->bail ? "on" : "off");
	fprintf(env->out, "%13s: %ld ms%s\n", "timeout", s->timeout_ms,
	    s->timeout_ms == 0 ? " (none)" : "");
	return META_OK;
}

static enum meta_status do_help(struct meta_env *, int, char **);

static const struct meta_cmd meta_cmds[] = {
	{ "all", 1, 1, do_all, "TABLE", "Select all from a table" },
	{ "bail", 1, 1, do_bail, "on|off",
	    "Stop reading input at the first error" },
	{ "exit", 0, 0, do_quit, "", "Exit this program" },
	{ "headers", 1, 1, do_headers, "on|off",
	    "Turn display of headers on or off" },
	{ "help", 0, 0, do_help, "", "Show this message" },
	{ "mode", 1, 1, do_mode, "MODE",
	    "Set output mode: pretty line list csv json json_pretty" },
	{ "nullvalue", 1, 1, do_nullvalue, "STR",
	    "Use STR in place of NULL values" },
	{ "print", 0, META_MAXWORDS, do_print, "STR...",
	    "Print literal STR" },
	{ "quit", 0, 0, do_quit, "", "Exit this program" },
	{ "schema", 0, 1, do_schema, "[TABLE]",
	    "Show the CREATE statements" },
	{ "separator", 1, 1, do_separator, "STR",
	    "Change the separator of list and csv modes" },
	{ "show", 0, 0, do_show, "",
	    "Show the current values of the settings" },
	{ "summary", 0, 0, do_show, "", "Same as .show" },
	{ "tables", 0, 1, do_tables, "[PATTERN]",
	    "List names of tables (a prefix or a LIKE pattern)" },
	{ "list", 0, 1, do_tables, "[PATTERN]", "Same as .tables" },
	{ "timeout", 1, 1, do_timeout, "MS",
	    "Set the deadline of each statement (0: none)" },
	{ "timer", 1, 1, do_timer, "on|off",
	    "Turn the CPU timer measurement on or off" },
	{ "version", 0, 0, do_version, "", "Show the versions" },
};

static enum meta_status
do_help(struct meta_env *env, int argc, char **argv)
{
	char left[32];
	size_t i;

	(void)argc;
	(void)argv;
	fputs("Welcome to hostql: SQL over the live state of this host.\n"
	    "Every table is a virtual table; end SQL statements with ';'.\n"
	    "\n", env->out);
	for (i = 0; i < sizeof(meta_cmds) / sizeof(meta_cmds[0]); i++) {
		snprintf(left, sizeof(left), ".%s %s", meta_cmds[i].name,
		    meta_cmds[i].usage);
		fprintf(env->out, "%-18s%s\n", left, meta_cmds[i].help);
	}
	return META_OK;
}

static const struct meta_cmd *
meta_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(meta_cmds) / sizeof(meta_cmds[0]); i++)
		if (strcmp(meta_cmds[i].name, name) == 0)
			return &meta_cmds[i];
	return NULL;
}

enum meta_status
meta_run(struct meta_env *env, const char *line)
{
	const struct meta_cmd *cmd;
	char *copy, *words[META_MAXWORDS + 1];
	enum meta_status st;
	int n;

	if ((copy = strdup(line)) == NULL)
		return meta_error("%s", "out of memory");
	n = meta_split(copy, words, META_MAXWORDS + 1);
	if (n == 0) {
		free(copy);
		return meta_error("%s", "a meta command needs a name; "
		    "enter \".help\" for help");
	}
	if ((cmd = meta_find(words[0])) == NULL) {
		st = meta_error("unknown command \".%s\"; enter \".help\" "
		    "for help", words[0]);
	} else if (n - 1 < cmd->minargs || n - 1 > cmd->maxargs) {
		fflush(stdout);
		fprintf(stderr, "Error: usage: .%s %s\n", cmd->name,
		    cmd->usage);
		st = META_ERROR;
	} else
		st = cmd->fn(env, n, words);
	free(copy);
	return st;
}
