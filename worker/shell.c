/*
 * The hostql shell as the worker runs it, with osqueryi's flags and
 * behaviour: one query from the command line, statements from stdin when
 * it is not a terminal, or an interactive session on a terminal.
 *
 * Input is read a line at a time and gathered until sqlite3_complete()
 * says it holds whole statements; a line beginning with '.' between
 * statements is a meta command.  Each statement is stepped under the
 * database's deadline and printed by the printer of the current mode.
 */
#include <sys/resource.h>

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../tables/table.h"
#include "lineedit.h"
#include "meta.h"
#include "printer.h"
#include "schema_json.h"
#include "shell.h"

#define SHELL_DEFAULT_TIMEOUT	10000		/* ms per statement */
#define SHELL_STDOUT_BUFFER	(256 * 1024)

struct shell {
	struct shell_settings	 set;
	const char		*progname;
	const char		*query;		/* the query argument */
	const char		*all_table;	/* -A TABLE */
	int			 list_tables;	/* -L */
	int			 interactive;
	struct lineedit		*le;
	struct db		*db;		/* while shell_run() runs */
	char			*outbuf;	/* stdout's buffer */
};

/*
 * What the signal handlers reach: a flag for ^C and a terminal resize,
 * and the database whose statement ^C interrupts.  Signal handlers can
 * reach nothing else, so this is the one piece of state outside the
 * shell's context.
 */
static volatile sig_atomic_t	shell_sigint;
static volatile sig_atomic_t	shell_sigwinch;
static sqlite3 *volatile	shell_sigdb;

/* The state of reading statements from stdin or the terminal. */
struct input {
	struct outbuf	 sql;		/* statement text gathered so far */
	int		 failed;	/* some statement or command failed */
	int		 stop;		/* .quit, or an error under .bail */
};

/*
 * Flags.
 */

enum flag_kind {
	FLAG_BOOL,
	FLAG_VALUE,
};

struct flag {
	const char	*name;
	enum flag_kind	 kind;
	int		(*set)(struct shell *, const char *flag,
			    const char *value);
	const char	*arg;		/* the value's name, for --help */
	const char	*help;
};

static int usage_error(const char *, ...)
    __attribute__((format(printf, 1, 2)));

static int
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("hostql: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

static int
parse_bool(const char *flag, const char *value, int *v)
{
	if (meta_bool(value, v) == -1)
		return usage_error("%s wants true or false, not \"%s\"", flag,
		    value);
	return 0;
}

/* --json, --csv ...: the last one given wins; =false undoes it. */
static int
set_mode(struct shell *sh, const char *flag, const char *value,
    enum print_mode mode)
{
	int on;

	if (parse_bool(flag, value, &on) == -1)
		return -1;
	if (on)
		sh->set.print.mode = mode;
	else if (sh->set.print.mode == mode)
		sh->set.print.mode = PRINT_PRETTY;
	return 0;
}

static int
flag_json(struct shell *sh, const char *flag, const char *value)
{
	return set_mode(sh, flag, value, PRINT_JSON);
}

static int
flag_json_pretty(struct shell *sh, const char *flag, const char *value)
{
	return set_mode(sh, flag, value, PRINT_JSON_PRETTY);
}

static int
flag_csv(struct shell *sh, const char *flag, const char *value)
{
	return set_mode(sh, flag, value, PRINT_CSV);
}

static int
flag_line(struct shell *sh, const char *flag, const char *value)
{
	return set_mode(sh, flag, value, PRINT_LINE);
}

static int
flag_list(struct shell *sh, const char *flag, const char *value)
{
	return set_mode(sh, flag, value, PRINT_LIST);
}

static int
flag_header(struct shell *sh, const char *flag, const char *value)
{
	return parse_bool(flag, value, &sh->set.print.header);
}

static int
set_text(char *dst, size_t size, const char *flag, const char *value)
{
	if (strlen(value) >= size)
		return usage_error("%s: \"%s\" is too long", flag, value);
	snprintf(dst, size, "%s", value);
	return 0;
}

static int
flag_separator(struct shell *sh, const char *flag, const char *value)
{
	return set_text(sh->set.print.separator,
	    sizeof(sh->set.print.separator), flag, value);
}

static int
flag_nullvalue(struct shell *sh, const char *flag, const char *value)
{
	return set_text(sh->set.print.nullvalue,
	    sizeof(sh->set.print.nullvalue), flag, value);
}

static int
flag_query_timeout(struct shell *sh, const char *flag, const char *value)
{
	char *end;
	long ms;

	errno = 0;
	ms = strtol(value, &end, 10);
	if (errno != 0 || end == value || *end != '\0' || ms < 0)
		return usage_error("%s wants milliseconds, not \"%s\"", flag,
		    value);
	sh->set.timeout_ms = ms;
	return 0;
}

static int
flag_list_tables(struct shell *sh, const char *flag, const char *value)
{
	return parse_bool(flag, value, &sh->list_tables);
}

static int
flag_all(struct shell *sh, const char *flag, const char *value)
{
	(void)flag;
	sh->all_table = value;
	return 0;
}

/* privd takes its own flags out of argv; --verbose may still be there. */
static int
flag_ignored(struct shell *sh, const char *flag, const char *value)
{
	(void)sh;
	(void)flag;
	(void)value;
	return 0;
}

static int flag_help(struct shell *, const char *, const char *);
static int flag_version(struct shell *, const char *, const char *);
static int flag_schema_json(struct shell *, const char *, const char *);

static const struct flag flags[] = {
	{ "json", FLAG_BOOL, flag_json, NULL,
	    "print a JSON array, a row a line" },
	{ "json_pretty", FLAG_BOOL, flag_json_pretty, NULL,
	    "print an indented JSON array" },
	{ "csv", FLAG_BOOL, flag_csv, NULL,
	    "print comma-separated values" },
	{ "line", FLAG_BOOL, flag_line, NULL,
	    "print one \"column = value\" a line" },
	{ "list", FLAG_BOOL, flag_list, NULL,
	    "print values split by the separator" },
	{ "header", FLAG_BOOL, flag_header, NULL,
	    "print column names (default; --noheader: not)" },
	{ "separator", FLAG_VALUE, flag_separator, "S",
	    "separator of list (\"|\") and csv (\",\") output" },
	{ "nullvalue", FLAG_VALUE, flag_nullvalue, "S",
	    "text printed for NULL (default empty)" },
	{ "query_timeout", FLAG_VALUE, flag_query_timeout, "MS",
	    "deadline of each statement (default 10000, 0: none)" },
	{ "L", FLAG_BOOL, flag_list_tables, NULL,
	    "list the tables, like .tables" },
	{ "A", FLAG_VALUE, flag_all, "TABLE",
	    "select all of a table, like .all" },
	{ "help", FLAG_BOOL, flag_help, NULL, "print this help" },
	{ "version", FLAG_BOOL, flag_version, NULL, "print the version" },
	{ "schema_json", FLAG_BOOL, flag_schema_json, NULL,
	    "print every table and column as JSON" },
	{ "verbose", FLAG_BOOL, flag_ignored, NULL, NULL },
};

#define FLAG_STOP	1	/* --help, --version: done, status 0 */

static int
flag_help(struct shell *sh, const char *flag, const char *value)
{
	char left[32];
	size_t i;

	(void)sh;
	(void)flag;
	(void)value;
	printf("usage: hostql [flags] ['SQL' | .command]\n"
	    "SQL over the live state of this host.  With no query, statements\n"
	    "are read from stdin, or typed at a prompt on a terminal.\n\n");
	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		if (flags[i].help == NULL)
			continue;
		snprintf(left, sizeof(left), "%s%s%s%s",
		    strlen(flags[i].name) == 1 ? "-" : "--", flags[i].name,
		    flags[i].arg != NULL ? " " : "",
		    flags[i].arg != NULL ? flags[i].arg : "");
		printf("  %-19s%s\n", left, flags[i].help);
	}
	printf("  %-19s%s\n", "--policy_path F", "use the policy in file F");
	printf("  %-19s%s\n", "--policy", "print the policy in force");
	printf("\n  hostql verify [--public_key K] [--database_path D] LOGDIR\n"
	    "  %-19s%s\n", "", "check hostqld's signed logs");
	printf("\nEnter \".help\" at the prompt for the meta commands.\n");
	return FLAG_STOP;
}

static int
flag_version(struct shell *sh, const char *flag, const char *value)
{
	(void)sh;
	(void)flag;
	(void)value;
	printf("hostql %s\n", HOSTQL_VERSION);
	return FLAG_STOP;
}

/* The schema is compiled in: it is printed without starting a query. */
static int
flag_schema_json(struct shell *sh, const char *flag, const char *value)
{
	int on;

	(void)sh;
	if (parse_bool(flag, value, &on) == -1)
		return -1;
	if (!on)
		return 0;
	return schema_json_print(stdout) == 0 ? FLAG_STOP : -1;
}

static const struct flag *
flag_find(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (strlen(flags[i].name) == len &&
		    strncmp(flags[i].name, name, len) == 0)
			return &flags[i];
	return NULL;
}

/*
 * One flag at argv[*i], as "--name", "--name=value", "--name value" or
 * "--noname"; one dash works as well as two, as with gflags.  Returns 0,
 * FLAG_STOP, or -1 after a message.
 */
static int
parse_flag(struct shell *sh, int argc, char **argv, int *i)
{
	const char *arg = argv[*i], *name, *eq, *value;
	const struct flag *f;
	size_t len;

	name = arg + (arg[1] == '-' ? 2 : 1);
	eq = strchr(name, '=');
	len = eq != NULL ? (size_t)(eq - name) : strlen(name);
	f = flag_find(name, len);
	if (f == NULL && eq == NULL && len > 2 && strncmp(name, "no", 2) == 0 &&
	    (f = flag_find(name + 2, len - 2)) != NULL &&
	    f->kind == FLAG_BOOL)
		return f->set(sh, arg, "false");
	if (f == NULL)
		return usage_error("unknown flag %.*s; see hostql --help",
		    (int)(name + len - arg), arg);
	if (f->kind == FLAG_BOOL)
		return f->set(sh, arg, eq != NULL ? eq + 1 : "true");
	if (eq != NULL)
		value = eq + 1;
	else if (*i + 1 < argc)
		value = argv[++*i];
	else
		return usage_error("%s needs a value", arg);
	return f->set(sh, arg, value);
}

static int
is_blank(const char *s)
{
	return s[strspn(s, " \t\r\n\f\v")] == '\0';
}

/*
 * A flag's name has no blanks: an argument like "-- why\nSELECT 1" is a
 * query that begins with a comment.
 */
static int
is_flag(const char *arg)
{
	size_t len;

	if (arg[0] != '-' || arg[1] == '\0')
		return 0;
	len = strcspn(arg, "=");
	return strcspn(arg, " \t\r\n") >= len;
}

static int
parse_args(struct shell *sh, int argc, char **argv)
{
	int i, rv, flags_done = 0;

	for (i = 1; i < argc; i++) {
		if (!flags_done && strcmp(argv[i], "--") == 0) {
			flags_done = 1;
			continue;
		}
		if (!flags_done && is_flag(argv[i])) {
			if ((rv = parse_flag(sh, argc, argv, &i)) != 0)
				return rv;
			continue;
		}
		if (sh->query != NULL)
			return usage_error("one query at a time: quote the SQL "
			    "as one argument (\"%s\" is another)", argv[i]);
		sh->query = argv[i];
	}
	if (sh->query != NULL && is_blank(sh->query))
		return usage_error("empty query");
	return 0;
}

struct shell *
shell_new(int argc, char **argv, int *status)
{
	struct shell *sh;
	int rv;

	*status = SHELL_EXIT_USAGE;
	if ((sh = calloc(1, sizeof(*sh))) == NULL) {
		fprintf(stderr, "hostql: out of memory\n");
		return NULL;
	}
	sh->progname = argc > 0 ? argv[0] : "hostql";
	sh->set.print.mode = PRINT_PRETTY;
	sh->set.print.header = 1;
	sh->set.timeout_ms = SHELL_DEFAULT_TIMEOUT;
	if ((rv = parse_args(sh, argc, argv)) != 0) {
		if (rv == FLAG_STOP) {
			fflush(stdout);
			*status = SHELL_EXIT_OK;
		}
		shell_free(sh);
		return NULL;
	}
	sh->interactive = sh->query == NULL && sh->all_table == NULL &&
	    !sh->list_tables && isatty(STDIN_FILENO);
	*status = SHELL_EXIT_OK;
	return sh;
}

long
shell_query_timeout(const struct shell *sh)
{
	return sh->set.timeout_ms;
}

void
shell_free(struct shell *sh)
{
	if (sh == NULL)
		return;
	lineedit_close(sh->le);
	/* stdout keeps using its buffer until the process exits, so
	 * sh->outbuf is not freed here. */
	free(sh);
}

/*
 * Signals.
 */

static void
on_sigint(int sig)
{
	sqlite3 *db = shell_sigdb;

	(void)sig;
	shell_sigint = 1;
	if (db != NULL)
		sqlite3_interrupt(db);
}

static void
on_sigwinch(int sig)
{
	(void)sig;
	shell_sigwinch = 1;
}

/* Installed before confinement; no SA_RESTART, so ^C ends a read. */
static void
install_signals(int interactive)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = SIG_IGN;
	/* A closed pipe (hostql ... | head) ends output with EPIPE. */
	sigaction(SIGPIPE, &sa, NULL);
	if (!interactive)
		return;
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_sigwinch;
	sigaction(SIGWINCH, &sa, NULL);
}

int
shell_prepare(struct shell *sh)
{
	/* A big buffer: printing must not cost more than the query. */
	if ((sh->outbuf = malloc(SHELL_STDOUT_BUFFER)) != NULL)
		setvbuf(stdout, sh->outbuf, _IOFBF, SHELL_STDOUT_BUFFER);
	if (sh->interactive)
		sh->le = lineedit_open("hostql");
	install_signals(sh->interactive);
	return 0;
}

/*
 * Running statements.
 */

struct run_timer {
	struct timespec	 wall;
	struct rusage	 ru;
};

static void
timer_start(struct run_timer *t)
{
	clock_gettime(CLOCK_MONOTONIC, &t->wall);
	getrusage(RUSAGE_SELF, &t->ru);
}

static double
tv_diff(const struct timeval *a, const struct timeval *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_usec - a->tv_usec) / 1e6;
}

static void
timer_print(const struct run_timer *t)
{
	struct timespec now;
	struct rusage ru;
	double real;

	clock_gettime(CLOCK_MONOTONIC, &now);
	getrusage(RUSAGE_SELF, &ru);
	real = (double)(now.tv_sec - t->wall.tv_sec) +
	    (double)(now.tv_nsec - t->wall.tv_nsec) / 1e9;
	printf("Run Time: real %.3f user %f sys %f\n", real,
	    tv_diff(&t->ru.ru_utime, &ru.ru_utime),
	    tv_diff(&t->ru.ru_stime, &ru.ru_stime));
}

static void
report_error(struct shell *sh)
{
	fflush(stdout);
	fprintf(stderr, "Error: %s\n", db_errmsg(sh->db));
}

/* Output that cannot be written ends the run; a closed pipe quietly. */
static void
report_output_error(void)
{
	int saved = errno;

	if (saved != EPIPE)
		fprintf(stderr, "hostql: cannot write the output: %s\n",
		    strerror(saved));
}

struct stmt_out {
	struct printer	 *p;
	const char	**vals;
	size_t		 *lens;
	int		  ncols;
};

static int
stmt_out_open(struct stmt_out *o, struct shell *sh, sqlite3_stmt *stmt)
{
	const char **names;
	int i, rv;

	memset(o, 0, sizeof(*o));
	if ((o->ncols = sqlite3_column_count(stmt)) == 0)
		return 0;
	o->vals = calloc((size_t)o->ncols, sizeof(*o->vals));
	o->lens = calloc((size_t)o->ncols, sizeof(*o->lens));
	names = calloc((size_t)o->ncols, sizeof(*names));
	o->p = printer_new(stdout, &sh->set.print);
	if (o->vals == NULL || o->lens == NULL || names == NULL ||
	    o->p == NULL) {
		free(names);
		return -1;
	}
	for (i = 0; i < o->ncols; i++)
		names[i] = sqlite3_column_name(stmt, i);
	rv = printer_begin(o->p, o->ncols, names);
	free(names);
	return rv;
}

static void
stmt_out_close(struct stmt_out *o)
{
	printer_free(o->p);
	free(o->vals);
	free(o->lens);
}

/* Hand the current row to the printer: 0, or -1 when it failed. */
static int
stmt_out_row(struct stmt_out *o, sqlite3_stmt *stmt)
{
	int i;

	if (o->p == NULL)
		return 0;
	for (i = 0; i < o->ncols; i++) {
		if (sqlite3_column_type(stmt, i) == SQLITE_NULL) {
			o->vals[i] = NULL;
			o->lens[i] = 0;
			continue;
		}
		o->vals[i] = (const char *)sqlite3_column_text(stmt, i);
		o->lens[i] = (size_t)sqlite3_column_bytes(stmt, i);
		if (o->vals[i] == NULL)
			return -1;
	}
	return printer_row(o->p, o->vals, o->lens);
}

/* Step one prepared statement and print its rows: 0, or -1. */
static int
run_stmt(struct shell *sh, sqlite3_stmt *stmt)
{
	struct run_timer timer;
	struct stmt_out o;
	int rc, rv = 0, out_failed = 0;

	if (sh->set.timer)
		timer_start(&timer);
	if (stmt_out_open(&o, sh, stmt) == -1) {
		stmt_out_close(&o);
		fprintf(stderr, "hostql: out of memory\n");
		return -1;
	}
	db_start_deadline(sh->db);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (stmt_out_row(&o, stmt) == -1) {
			out_failed = 1;
			break;
		}
	}
	/* Close the result even after an error: a JSON array stays whole,
	 * and the rows found before a deadline are shown. */
	if (!out_failed && o.p != NULL && printer_end(o.p) == -1)
		out_failed = 1;
	if (out_failed || fflush(stdout) == EOF) {
		report_output_error();
		rv = -1;
	} else if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		report_error(sh);
		rv = -1;
	}
	stmt_out_close(&o);
	if (sh->set.timer)
		timer_print(&timer);
	return rv;
}

/*
 * Run every statement of sql, stopping at the first that fails.  *count
 * gets how many statements there were (0: only blanks and comments).
 */
static int
run_sql(struct shell *sh, const char *sql, int *count)
{
	sqlite3 *h = db_handle(sh->db);
	sqlite3_stmt *stmt;
	const char *tail = sql, *prev;
	int rv;

	*count = 0;
	while (*tail != '\0') {
		prev = tail;
		if (sqlite3_prepare_v2(h, tail, -1, &stmt, &tail) !=
		    SQLITE_OK) {
			report_error(sh);
			return -1;
		}
		if (stmt == NULL) {
			if (tail == prev)
				break;
			continue;
		}
		(*count)++;
		rv = run_stmt(sh, stmt);
		sqlite3_finalize(stmt);
		if (rv == -1)
			return -1;
	}
	return 0;
}

static int
run_sql_cb(void *arg, const char *sql)
{
	int count;

	return run_sql(arg, sql, &count);
}

static enum meta_status
run_meta(struct shell *sh, const char *line)
{
	struct meta_env env = {
		.set = &sh->set,
		.db = sh->db,
		.out = stdout,
		.run_sql = run_sql_cb,
		.arg = sh,
	};
	enum meta_status st;

	st = meta_run(&env, line);
	fflush(stdout);
	return st;
}

/*
 * Reading statements, from stdin or the terminal.
 */

/* Only blanks and SQL comments (a comment may be left open). */
static int
all_blank(const char *z)
{
	while (*z != '\0') {
		if (strchr(" \t\r\n\f\v", *z) != NULL) {
			z++;
		} else if (z[0] == '-' && z[1] == '-') {
			if ((z = strchr(z, '\n')) == NULL)
				return 1;
		} else if (z[0] == '/' && z[1] == '*') {
			if ((z = strstr(z + 2, "*/")) == NULL)
				return 0;
			z += 2;
		} else
			return 0;
	}
	return 1;
}

static int
input_append(struct input *in, const char *line)
{
	if (in->sql.len > 0)
		outbuf_addc(&in->sql, '\n');
	outbuf_adds(&in->sql, line);
	/* Keep the text NUL-terminated for sqlite3_complete(). */
	if (outbuf_addc(&in->sql, '\0') == -1)
		return -1;
	in->sql.len--;
	return 0;
}

static void
input_failed(struct shell *sh, struct input *in)
{
	in->failed = 1;
	if (sh->set.bail && sh->le == NULL)
		in->stop = 1;
}

static void
input_meta(struct shell *sh, struct input *in, const char *line)
{
	switch (run_meta(sh, line)) {
	case META_OK:
		break;
	case META_ERROR:
		input_failed(sh, in);
		break;
	case META_EXIT:
		in->stop = 1;
		break;
	}
}

/* One line of input: a meta command, or more of the current SQL. */
static void
input_line(struct shell *sh, struct input *in, const char *line)
{
	int count;

	if (in->sql.len == 0 && all_blank(line))
		return;
	if (in->sql.len == 0 && line[0] == '.') {
		input_meta(sh, in, line);
		return;
	}
	if (input_append(in, line) == -1) {
		fprintf(stderr, "hostql: out of memory\n");
		in->failed = in->stop = 1;
		return;
	}
	if (strchr(line, ';') == NULL || !sqlite3_complete(in->sql.data))
		return;
	shell_sigint = 0;
	if (run_sql(sh, in->sql.data, &count) == -1)
		input_failed(sh, in);
	outbuf_reset(&in->sql);
}

static void
input_end(struct input *in)
{
	if (in->sql.len != 0 && !all_blank(in->sql.data)) {
		fflush(stdout);
		fprintf(stderr, "Error: incomplete SQL at the end of the "
		    "input (a ';' is missing?): %s\n", in->sql.data);
		in->failed = 1;
	}
	outbuf_free(&in->sql);
}

static int
run_stream(struct shell *sh, FILE *f)
{
	struct input in;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	memset(&in, 0, sizeof(in));
	outbuf_init(&in.sql);
	while (!in.stop && (len = getline(&line, &cap, f)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		input_line(sh, &in, line);
	}
	free(line);
	if (!in.stop)
		input_end(&in);
	else
		outbuf_free(&in.sql);
	return in.failed ? SHELL_EXIT_QUERY : SHELL_EXIT_OK;
}

static int
run_interactive(struct shell *sh)
{
	struct input in;
	const char *line;
	int interrupted;

	memset(&in, 0, sizeof(in));
	outbuf_init(&in.sql);
	printf("hostql %s: SQL over the live state of this host.\n"
	    "Enter \".help\" for help, \".quit\" to leave.\n", HOSTQL_VERSION);
	while (!in.stop) {
		if (shell_sigwinch) {
			shell_sigwinch = 0;
			lineedit_resize(sh->le);
		}
		line = lineedit_gets(sh->le, in.sql.len != 0, &interrupted);
		if (line == NULL && interrupted) {
			/* ^C at the prompt drops what was typed so far. */
			shell_sigint = 0;
			outbuf_reset(&in.sql);
			printf("\n");
			continue;
		}
		if (line == NULL) {
			printf("\n");
			break;
		}
		lineedit_remember(sh->le, line);
		input_line(sh, &in, line);
	}
	fflush(stdout);
	outbuf_free(&in.sql);
	/* In a session an error is shown and the session goes on. */
	return SHELL_EXIT_OK;
}

static int
run_all_table(struct shell *sh)
{
	char *sql;
	int rv, count;

	if (table_find(sh->all_table) == NULL) {
		fprintf(stderr, "Error: no such table: %s\n", sh->all_table);
		return SHELL_EXIT_QUERY;
	}
	if ((sql = sqlite3_mprintf("SELECT * FROM \"%w\";", sh->all_table))
	    == NULL)
		return SHELL_EXIT_QUERY;
	rv = run_sql(sh, sql, &count);
	sqlite3_free(sql);
	return rv == 0 ? SHELL_EXIT_OK : SHELL_EXIT_QUERY;
}

static int
run_query_arg(struct shell *sh)
{
	int count;

	if (sh->query[0] == '.')
		return run_meta(sh, sh->query) == META_ERROR ?
		    SHELL_EXIT_QUERY : SHELL_EXIT_OK;
	if (run_sql(sh, sh->query, &count) == -1)
		return SHELL_EXIT_QUERY;
	if (count == 0) {
		fprintf(stderr, "hostql: empty query: there is no statement "
		    "in it, only comments\n");
		return SHELL_EXIT_USAGE;
	}
	return SHELL_EXIT_OK;
}

int
shell_run(struct shell *sh, struct db *db)
{
	int status;

	sh->db = db;
	shell_sigdb = db_handle(db);
	db_set_timeout(db, sh->set.timeout_ms);
	if (sh->list_tables)
		status = run_meta(sh, ".tables") == META_OK ?
		    SHELL_EXIT_OK : SHELL_EXIT_QUERY;
	else if (sh->all_table != NULL)
		status = run_all_table(sh);
	else if (sh->query != NULL)
		status = run_query_arg(sh);
	else if (sh->le != NULL)
		status = run_interactive(sh);
	else
		status = run_stream(sh, stdin);
	if (fflush(stdout) == EOF) {
		report_output_error();
		status = SHELL_EXIT_QUERY;
	}
	shell_sigdb = NULL;
	sh->db = NULL;
	return status;
}
