/* The running schedule; see sched.h. */
#include <stdlib.h>
#include <string.h>

#include "sched.h"

void
sched_free(struct sched *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->e[i].name);
		free(s->e[i].sql);
	}
	free(s->e);
	memset(s, 0, sizeof(*s));
}

static int
runnable(const struct sched_entry *e, time_t now)
{
	return e->runs && !(e->denylist && e->denied_until > now);
}

struct sched_entry *
sched_next_due(struct sched *s, time_t now)
{
	struct sched_entry *best = NULL;
	size_t i;

	for (i = 0; i < s->n; i++) {
		struct sched_entry *e = &s->e[i];

		if (e->next_due > now || !runnable(e, now))
			continue;
		if (best == NULL || e->next_due < best->next_due)
			best = e;
	}
	return best;
}

int
sched_wait(const struct sched *s, time_t now, int max)
{
	long wait = max;
	size_t i;

	for (i = 0; i < s->n; i++) {
		const struct sched_entry *e = &s->e[i];

		if (!runnable(e, now))
			continue;
		if (e->next_due - now < wait)
			wait = e->next_due - now;
	}
	return wait < 0 ? 0 : (int)wait;
}

struct sched_entry *
sched_find(struct sched *s, const char *name)
{
	size_t i;

	/* A reload moves entries to the new schedule one by one, leaving
	 * them without a name in the old. */
	for (i = 0; i < s->n; i++)
		if (s->e[i].name != NULL && strcmp(s->e[i].name, name) == 0)
			return &s->e[i];
	return NULL;
}
