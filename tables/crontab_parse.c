/*
 * crontab(5) lines into their fields; see crontab_parse.h.
 */
#include <string.h>

#include "crontab_parse.h"
#include "words.h"

/* cron reads a line as an environment setting before it tries a job:
 * a name, then '=' (in the first word or as the start of the second).
 * No time field holds a '=', so this never takes a job. */
static int
is_setting(struct span line)
{
	struct span w;

	if (!word_next(&line, &w))
		return 0;
	if (memchr(w.p, '=', w.len) != NULL)
		return 1;
	return word_next(&line, &w) && w.p[0] == '=';
}

int
crontab_parse_line(struct span line, struct cron_line *c)
{
	struct span *time[] = { &c->minute, &c->hour, &c->day_of_month,
	    &c->month, &c->day_of_week };
	size_t i;

	memset(c, 0, sizeof(*c));
	line = txt_trim(line);
	if (line.len == 0 || line.p[0] == '#' || is_setting(line))
		return -1;
	if (line.p[0] == '@') {
		word_next(&line, &c->event);
	} else {
		for (i = 0; i < sizeof(time) / sizeof(time[0]); i++)
			if (!word_next(&line, time[i]))
				return -1;
	}
	c->command = txt_trim(line);
	return c->command.len > 0 ? 0 : -1;
}
