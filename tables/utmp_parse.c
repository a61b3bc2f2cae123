/*
 * utmp(5) records by their offsets, never through the C library's struct,
 * so that the parser reads what the file holds whatever the compiler
 * would lay out; see utmp_parse.h.
 */
#include <string.h>

#include "utmp_parse.h"

#define OFF_TYPE	0	/* short, then 2 bytes of padding */
#define OFF_PID		4
#define OFF_LINE	8
#define LEN_LINE	32
#define OFF_ID		40
#define LEN_ID		4
#define OFF_USER	44
#define LEN_USER	32
#define OFF_HOST	76
#define LEN_HOST	256
#define OFF_SESSION	336	/* after the exit status at 332 */
#define OFF_TV_SEC	340
#define OFF_TV_USEC	344
#define OFF_ADDR	348

static struct span
text_field(const char *rec, size_t off, size_t room)
{
	struct span s;
	const char *nul = memchr(rec + off, '\0', room);

	s.p = rec + off;
	s.len = nul != NULL ? (size_t)(nul - s.p) : room;
	return s;
}

static int32_t
i32_at(const char *rec, size_t off)
{
	int32_t v;

	memcpy(&v, rec + off, sizeof(v));
	return v;
}

int
utmp_parse_record(const char *buf, size_t len, struct utmp_rec *r)
{
	int16_t type;

	if (buf == NULL || len < UTMP_RECORD_SIZE)
		return -1;
	memcpy(&type, buf + OFF_TYPE, sizeof(type));
	r->type = type;
	r->pid = i32_at(buf, OFF_PID);
	r->line = text_field(buf, OFF_LINE, LEN_LINE);
	r->id = text_field(buf, OFF_ID, LEN_ID);
	r->user = text_field(buf, OFF_USER, LEN_USER);
	r->host = text_field(buf, OFF_HOST, LEN_HOST);
	r->session = i32_at(buf, OFF_SESSION);
	r->tv_sec = i32_at(buf, OFF_TV_SEC);
	r->tv_usec = i32_at(buf, OFF_TV_USEC);
	memcpy(r->addr, buf + OFF_ADDR, sizeof(r->addr));
	return 0;
}

const char *
utmp_type_name(int type)
{
	static const char *const names[] = {
		"empty", "runlevel", "boot_time", "new_time", "old_time",
		"init", "login", "user", "dead", "accounting",
	};

	if (type < 0 || type >= (int)(sizeof(names) / sizeof(names[0])))
		return "unknown";
	return names[type];
}

const char *
utmp_last_type_name(int type)
{
	static const char *const names[] = {
		"empty", "run-level", "boot-time", "new-time", "old-time",
		"init-process", "login-process", "user-process",
		"dead-process",
	};

	if (type < 0 || type >= (int)(sizeof(names) / sizeof(names[0])))
		return "";
	return names[type];
}
