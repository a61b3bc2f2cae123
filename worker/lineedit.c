/*
 * Line editing with libedit, and the history file.
 *
 * libedit reads the terminal description and ~/.editrc when it starts,
 * and the history is read whole at the start, so all of that happens in
 * lineedit_open(), before the worker loses the right to open files.
 * Each new line is then appended to the file through the stream kept
 * open, and flushed at once, so a session that is killed keeps its lines.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <histedit.h>
#include <locale.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "../tables/table.h"
#include "lineedit.h"

/* A history file larger than this is not read (nor written to). */
#define HISTORY_FILE_MAX	(4 * 1024 * 1024)

struct lineedit {
	EditLine	*el;
	History		*hist;
	FILE		*file;		/* the history file, or NULL */
	char		*line;		/* the last line read, without '\n' */
	size_t		 linecap;
};

int
lineedit_history_path(char *buf, size_t size)
{
	const char *home = getenv("HOME");
	struct passwd *pw;
	int n;

	if (home == NULL || *home == '\0') {
		if ((pw = getpwuid(getuid())) == NULL || pw->pw_dir == NULL)
			return -1;
		home = pw->pw_dir;
	}
	n = snprintf(buf, size, "%s/%s", home, LINEEDIT_HISTORY_NAME);
	if (n < 0 || (size_t)n >= size)
		return -1;
	return 0;
}

static char *
prompt_main(EditLine *el)
{
	(void)el;
	return (char *)LINEEDIT_PROMPT;
}

static char *
prompt_more(EditLine *el)
{
	(void)el;
	return (char *)LINEEDIT_PROMPT_MORE;
}

/* Keep the last LINEEDIT_HISTORY_MAX lines of the file, in the file. */
static void
history_trim(FILE *f, char **lines, size_t n)
{
	size_t i, first = n - LINEEDIT_HISTORY_MAX;

	if (ftruncate(fileno(f), 0) == -1 || fseek(f, 0, SEEK_SET) == -1)
		return;
	for (i = first; i < n; i++)
		fprintf(f, "%s\n", lines[i]);
	fflush(f);
}

/* Read the file into the history; -1 when it should not be used. */
static int
history_load(struct lineedit *le, FILE *f)
{
	HistEvent ev;
	char *line = NULL, **lines = NULL, **grown;
	size_t cap = 0, n = 0, i;
	ssize_t len;
	int rv = 0;

	while ((len = getline(&line, &cap, f)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len == 0)
			continue;
		history(le->hist, &ev, H_ENTER, line);
		if ((grown = reallocarray(lines, n + 1, sizeof(*lines)))
		    == NULL || (grown[n] = strdup(line)) == NULL) {
			if (grown != NULL)
				lines = grown;
			rv = -1;
			break;
		}
		lines = grown;
		n++;
	}
	if (rv == 0 && n > LINEEDIT_HISTORY_MAX)
		history_trim(f, lines, n);
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	free(line);
	if (rv == 0 && fseek(f, 0, SEEK_END) == -1)
		rv = -1;
	return rv;
}

/*
 * Open the history file as the user's own regular file: never through a
 * symbolic link, never a device or a pipe that could block.
 */
static FILE *
history_open(const char *path)
{
	struct stat st;
	FILE *f;
	int fd;

	fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC |
	    O_NONBLOCK, 0600);
	if (fd == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_uid != geteuid() || st.st_size > HISTORY_FILE_MAX ||
	    (f = fdopen(fd, "r+")) == NULL) {
		close(fd);
		errno = EPERM;
		return NULL;
	}
	return f;
}

static void
history_setup(struct lineedit *le)
{
	char path[4096];

	if (lineedit_history_path(path, sizeof(path)) == -1)
		return;
	if ((le->file = history_open(path)) == NULL) {
		fprintf(stderr, "hostql: no history: %s: %s\n", path,
		    strerror(errno));
		return;
	}
	if (history_load(le, le->file) == -1) {
		fprintf(stderr, "hostql: no history: %s: cannot read it\n",
		    path);
		fclose(le->file);
		le->file = NULL;
	}
}

/* The length of the table name being typed before the cursor. */
static size_t
word_before_cursor(const LineInfo *li)
{
	const char *p = li->cursor;

	while (p > li->buffer && (isalnum((unsigned char)p[-1]) ||
	    p[-1] == '_'))
		p--;
	return (size_t)(li->cursor - p);
}

static void
list_candidates(EditLine *el, const char *prefix, size_t len)
{
	FILE *out;
	size_t i, n, col = 0;
	int cols = 0;

	el_get(el, EL_GETFP, 1, &out);
	if (el_get(el, EL_GETTC, "co", &cols) != 0 || cols < 20)
		cols = 80;
	fputc('\n', out);
	for (i = 0; table_registry[i] != NULL; i++) {
		if (strncmp(table_registry[i]->name, prefix, len) != 0)
			continue;
		n = strlen(table_registry[i]->name) + 2;
		if (col != 0 && col + n > (size_t)cols) {
			fputc('\n', out);
			col = 0;
		}
		fprintf(out, "%s  ", table_registry[i]->name);
		col += n;
	}
	if (col != 0)
		fputc('\n', out);
}

/* Tab: complete a table name as far as it is unambiguous. */
static unsigned char
complete_table(EditLine *el, int ch)
{
	const LineInfo *li = el_line(el);
	const char *prefix, *first = NULL, *name;
	size_t len, common = 0, k, i, matches = 0;
	char ext[256];

	(void)ch;
	len = word_before_cursor(li);
	prefix = li->cursor - len;
	for (i = 0; table_registry[i] != NULL; i++) {
		name = table_registry[i]->name;
		if (strncmp(name, prefix, len) != 0)
			continue;
		if (first == NULL) {
			first = name;
			common = strlen(name);
		}
		for (k = len; k < common && name[k] == first[k]; k++)
			;
		common = k;
		matches++;
	}
	if (matches == 0)
		return CC_REFRESH_BEEP;
	if (common > len && common - len < sizeof(ext) - 1) {
		memcpy(ext, first + len, common - len);
		ext[common - len] = '\0';
		if (matches == 1)
			strcat(ext, " ");
		el_insertstr(el, ext);
		return CC_REFRESH;
	}
	list_candidates(el, prefix, len);
	return CC_REDISPLAY;
}

static int
editline_setup(struct lineedit *le, const char *prog)
{
	HistEvent ev;

	if ((le->hist = history_init()) == NULL)
		return -1;
	history(le->hist, &ev, H_SETSIZE, LINEEDIT_HISTORY_MAX);
	history(le->hist, &ev, H_SETUNIQUE, 1);
	if ((le->el = el_init(prog, stdin, stdout, stderr)) == NULL)
		return -1;
	el_set(le->el, EL_EDITOR, "emacs");
	el_set(le->el, EL_HIST, history, le->hist);
	el_set(le->el, EL_PROMPT, prompt_main);
	/* The wide call: the narrow one copies the names and never frees
	 * them. */
	el_wset(le->el, EL_ADDFN, L"hostql-complete",
	    L"Complete a table name", complete_table);
	el_set(le->el, EL_BIND, "^I", "hostql-complete", NULL);
	/* The user's own key bindings, read now while files can be. */
	el_source(le->el, NULL);
	return 0;
}

struct lineedit *
lineedit_open(const char *prog)
{
	struct lineedit *le;
	const char *loc;

	/* Multibyte input needs a UTF-8 character type, and its tables
	 * are loaded now, before the chroot hides them. */
	loc = setlocale(LC_CTYPE, "");
	if (loc == NULL || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	if ((le = calloc(1, sizeof(*le))) == NULL)
		return NULL;
	if (editline_setup(le, prog) == -1) {
		lineedit_close(le);
		return NULL;
	}
	history_setup(le);
	return le;
}

void
lineedit_close(struct lineedit *le)
{
	if (le == NULL)
		return;
	if (le->el != NULL)
		el_end(le->el);
	if (le->hist != NULL)
		history_end(le->hist);
	if (le->file != NULL)
		fclose(le->file);
	free(le->line);
	free(le);
}

static int
keep_line(struct lineedit *le, const char *s, size_t len)
{
	char *p;

	if (len + 1 > le->linecap) {
		if ((p = realloc(le->line, len + 1)) == NULL)
			return -1;
		le->line = p;
		le->linecap = len + 1;
	}
	memcpy(le->line, s, len);
	le->line[len] = '\0';
	return 0;
}

const char *
lineedit_gets(struct lineedit *le, int continuation, int *interrupted)
{
	const char *s;
	size_t len;
	int count;

	*interrupted = 0;
	el_set(le->el, EL_PROMPT, continuation ? prompt_more : prompt_main);
	fflush(stdout);
	errno = 0;
	if ((s = el_gets(le->el, &count)) == NULL || count <= 0) {
		if (count == -1 && errno == EINTR)
			*interrupted = 1;
		return NULL;
	}
	len = strlen(s);
	if (len > 0 && s[len - 1] == '\n')
		len--;
	if (keep_line(le, s, len) == -1)
		return NULL;
	return le->line;
}

void
lineedit_remember(struct lineedit *le, const char *line)
{
	HistEvent ev;

	if (*line == '\0')
		return;
	history(le->hist, &ev, H_ENTER, line);
	if (le->file != NULL && strchr(line, '\n') == NULL) {
		fprintf(le->file, "%s\n", line);
		fflush(le->file);
	}
}

void
lineedit_resize(struct lineedit *le)
{
	el_resize(le->el);
}
