/*
 * The watchdog, with osquery's meaning: every few seconds it reads each
 * child's resident memory and CPU time; past --watchdog_delay, memory
 * grown beyond the limit since the child started, or CPU over its share
 * for the latency limit, is a breach: logged with the figures, the child
 * killed and started again (and the worker's query denylisted).
 * Reading a child's own /proc files is supervision, not collection: the
 * two numbers are all privd takes from them.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../ipc/log.h"
#include "daemon.h"

#define CHECK_SECONDS	3

struct limits {
	long long	memory_mb;
	long long	cpu_pct;
	long long	latency_s;
};

/* osquery's levels: 0 normal, 1 restrictive; -1 or the flag: none. */
static int
limits_in_force(const struct daemon *d, struct limits *l)
{
	const struct dflag_values *f = &d->flags;
	long long level = dflag_int(f, DF_WATCHDOG_LEVEL);

	if (level == -1 || dflag_bool(f, DF_DISABLE_WATCHDOG))
		return 0;
	l->memory_mb = level == 1 ? 100 : 200;
	l->cpu_pct = level == 1 ? 5 : 10;
	l->latency_s = level == 1 ? 6 : 12;
	if (dflag_int(f, DF_WATCHDOG_MEMORY_LIMIT) > 0)
		l->memory_mb = dflag_int(f, DF_WATCHDOG_MEMORY_LIMIT);
	if (dflag_int(f, DF_WATCHDOG_UTILIZATION_LIMIT) > 0)
		l->cpu_pct = dflag_int(f, DF_WATCHDOG_UTILIZATION_LIMIT);
	if (dflag_int(f, DF_WATCHDOG_LATENCY_LIMIT) > 0)
		l->latency_s = dflag_int(f, DF_WATCHDOG_LATENCY_LIMIT);
	return 1;
}

/* The first number of /proc/<pid>/<file>. */
static int
first_number(pid_t pid, const char *file, uint64_t *v)
{
	char path[64];
	FILE *fp;
	int n;

	snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, file);
	if ((fp = fopen(path, "re")) == NULL)
		return -1;
	n = fscanf(fp, "%" SCNu64, v);
	fclose(fp);
	return n == 1 ? 0 : -1;
}

/* Resident bytes: statm's second number. */
static int
resident_bytes(pid_t pid, uint64_t *bytes)
{
	char path[64];
	uint64_t size, pages;
	FILE *fp;
	int n;

	snprintf(path, sizeof(path), "/proc/%d/statm", (int)pid);
	if ((fp = fopen(path, "re")) == NULL)
		return -1;
	n = fscanf(fp, "%" SCNu64 " %" SCNu64, &size, &pages);
	fclose(fp);
	if (n != 2)
		return -1;
	*bytes = pages * (uint64_t)sysconf(_SC_PAGESIZE);
	return 0;
}

static void
breach(struct daemon *d, struct child *c, const char *why)
{
	log_warnx("watchdog: the %s %s; restarting it", c->name, why);
	if (c == &d->pd->worker)
		snprintf(d->breach, sizeof(d->breach), "%s", why);
	child_kill(c, "watchdog limit");
}

static void
check_child(struct daemon *d, struct child *c, struct watch *w,
    const struct limits *l)
{
	uint64_t rss, cpu, grown, used_ms, budget_ms;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	char why[160];

	if (c->pid == -1 || c->violated ||
	    resident_bytes(c->pid, &rss) == -1 ||
	    first_number(c->pid, "schedstat", &cpu) == -1)
		return;
	if (!w->measured || w->pid != c->pid) {
		w->measured = 1;
		w->pid = c->pid;
		w->rss_start = rss;
		w->cpu_ns = cpu;
		w->over = 0;
		return;
	}
	grown = rss > w->rss_start ? rss - w->rss_start : 0;
	used_ms = (cpu - w->cpu_ns) / 1000000;
	w->cpu_ns = cpu;
	if (grown > (uint64_t)l->memory_mb << 20) {
		snprintf(why, sizeof(why), "grew by %" PRIu64 " MB, over the "
		    "memory limit of %lld MB", grown >> 20, l->memory_mb);
		breach(d, c, why);
		return;
	}
	budget_ms = (uint64_t)(l->cpu_pct * CHECK_SECONDS * 1000 *
	    (ncpu > 0 ? ncpu : 1) / 100);
	w->over = used_ms > budget_ms ? w->over + 1 : 0;
	if (w->over * CHECK_SECONDS >= l->latency_s) {
		snprintf(why, sizeof(why), "used %" PRIu64 " ms of CPU in %d "
		    "s, over the limit of %lld %% for %d s", used_ms,
		    CHECK_SECONDS, l->cpu_pct, w->over * CHECK_SECONDS);
		breach(d, c, why);
	}
}

static void
watchdog_check(evutil_socket_t fd, short events, void *arg)
{
	struct daemon *d = arg;
	struct limits l;

	(void)fd;
	(void)events;
	if (d->stopping || !limits_in_force(d, &l) ||
	    time(NULL) - d->started < dflag_int(&d->flags, DF_WATCHDOG_DELAY))
		return;
	check_child(d, &d->pd->worker, &d->watch[0], &l);
	check_child(d, &d->pd->logger, &d->watch[1], &l);
}

void
watchdog_start(struct daemon *d)
{
	struct timeval tv = { CHECK_SECONDS, 0 };

	d->ev_watchdog = event_new(d->pd->base, -1, EV_PERSIST,
	    watchdog_check, d);
	if (d->ev_watchdog == NULL || event_add(d->ev_watchdog, &tv) == -1)
		fatalx("watchdog timer");
}
