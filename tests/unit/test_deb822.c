/*
 * Control-file stanzas and dpkg's records: eight packages of this
 * system's status file as captured, every odd record dpkg may meet
 * (names missing, purged packages, CRLF, epochs, revisions, a journal
 * record read in pieces), and the stanza reader fed a byte at a time.
 */
#include <check.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../tables/deb822.h"
#include "../../tables/dpkg.h"
#include "../../tables/stanza_reader.h"
#include "fixture.h"

static struct span
sp(const char *s)
{
	struct span v = { s, strlen(s) };

	return v;
}

static int
span_is(struct span s, const char *want)
{
	return txt_eq(s, want);
}

START_TEST(stanzas_and_fields)
{
	const char *buf = "\n\nA: 1\nB:  two \n three\n#c: x\n\n \t\nC:3";
	struct deb822_field f;
	struct span st;
	size_t off = 0, foff;

	ck_assert(deb822_next_stanza(buf, strlen(buf), &off, &st));
	ck_assert(span_is(st, "A: 1\nB:  two \n three\n#c: x"));
	foff = 0;
	ck_assert(deb822_next_field(st, &foff, 0, &f));
	ck_assert(span_is(f.name, "A") && span_is(f.value, "1"));
	ck_assert(deb822_next_field(st, &foff, 0, &f));
	ck_assert(span_is(f.name, "B") && span_is(f.value, "two"));
	ck_assert(span_is(f.full, "  two \n three"));
	/* '#' starts a field here; with DEB822_COMMENTS it is a comment. */
	ck_assert(deb822_next_field(st, &foff, 0, &f));
	ck_assert(span_is(f.name, "#c"));
	ck_assert(!deb822_next_field(st, &foff, 0, &f));
	ck_assert_int_eq(deb822_find(st, "#c", DEB822_COMMENTS, &f), -1);
	ck_assert_int_eq(deb822_find(st, "b", 0, &f), 0);
	ck_assert(span_is(f.value, "two"));
	ck_assert(deb822_next_stanza(buf, strlen(buf), &off, &st));
	ck_assert(span_is(st, "C:3"));
	ck_assert(!deb822_next_stanza(buf, strlen(buf), &off, &st));
	ck_assert(!deb822_next_stanza(NULL, 0, &off, &st));
	ck_assert(!deb822_next_stanza("\n \n", 3, &off, &st));
}
END_TEST

START_TEST(complete_length)
{
	ck_assert_uint_eq(deb822_complete_len("", 0), 0);
	ck_assert_uint_eq(deb822_complete_len("A: 1\n", 5), 0);
	ck_assert_uint_eq(deb822_complete_len("A: 1\n\n", 6), 6);
	ck_assert_uint_eq(deb822_complete_len("A: 1\n\nB: 2\n", 11), 6);
	ck_assert_uint_eq(deb822_complete_len("A: 1\n \t\r\nB", 10), 9);
	/* A blank last line with no '\n' may still grow: not yet blank. */
	ck_assert_uint_eq(deb822_complete_len("A: 1\n  ", 7), 0);
	ck_assert_uint_eq(deb822_complete_len("\n", 1), 1);
}
END_TEST

/* Parse every stanza of a buffer; returns the number of packages. */
static int
parse_all(const char *buf, size_t len, struct dpkg_pkg *out, int max)
{
	struct span st;
	size_t off = 0;
	int n = 0;

	while (deb822_next_stanza(buf, len, &off, &st))
		if (n < max && dpkg_parse_stanza(st, &out[n]) == 0)
			n++;
	return n;
}

START_TEST(status_of_this_system)
{
	struct dpkg_pkg p[16];
	char status[64];
	size_t len;
	char *buf = fixture_load("dpkg", "status", &len);
	int i, n;

	n = parse_all(buf, len, p, 16);
	ck_assert_int_eq(n, 8);
	for (i = 0; i < n; i++) {
		ck_assert(dpkg_listed(&p[i]));
		dpkg_status_text(&p[i], status, sizeof(status));
		ck_assert_str_eq(status, "install ok installed");
		if (span_is(p[i].name, "adduser")) {
			ck_assert(span_is(p[i].version, "3.134"));
			ck_assert_uint_eq(p[i].revision.len, 0);
			ck_assert(span_is(p[i].arch, "all"));
			ck_assert(!p[i].has_source);
			ck_assert(span_is(dpkg_priority(&p[i]), "important"));
			ck_assert(span_is(p[i].section, "admin"));
		}
		if (span_is(p[i].name, "bash")) {
			ck_assert(span_is(p[i].source, "bash (5.2.15-2)"));
			ck_assert(span_is(p[i].revision, "2+b8"));
			ck_assert(p[i].has_size && p[i].has_maintainer);
		}
		if (span_is(p[i].name, "libc6")) {
			ck_assert(span_is(p[i].source, "glibc"));
			ck_assert(span_is(p[i].version, "2.36-9+deb12u14"));
			ck_assert(span_is(p[i].revision, "9+deb12u14"));
		}
	}
	free(buf);
}
END_TEST

START_TEST(status_malformed)
{
	struct dpkg_pkg p[16];
	char status[64];
	size_t len;
	char *buf = fixture_load("dpkg", "status-malformed", &len);
	uint64_t size;
	int n;

	n = parse_all(buf, len, p, 16);
	ck_assert_int_eq(n, 6);
	ck_assert(span_is(p[0].name, "nostatus") && !dpkg_listed(&p[0]));
	ck_assert(span_is(p[1].name, "purged") && !dpkg_listed(&p[1]));

	ck_assert(span_is(p[2].name, "removed") && dpkg_listed(&p[2]));
	ck_assert(span_is(p[2].version, "1.0-1"));
	ck_assert(span_is(p[2].revision, "1"));
	ck_assert(span_is(p[2].arch, "amd64"));
	ck_assert(span_is(dpkg_priority(&p[2]), "optional"));
	dpkg_status_text(&p[2], status, sizeof(status));
	ck_assert_str_eq(status, "deinstall ok config-files");

	ck_assert(span_is(p[3].name, "epoch"));
	ck_assert(span_is(p[3].version, "1:2.0"));
	ck_assert_uint_eq(p[3].revision.len, 0);
	ck_assert(span_is(dpkg_priority(&p[3]), "weird"));
	ck_assert(span_is(p[3].arch, "all"));
	dpkg_status_text(&p[3], status, sizeof(status));
	ck_assert_str_eq(status, "install reinstreq half-installed");

	/* A repeated Package field: the last one counts. */
	ck_assert(span_is(p[4].name, "second-name"));
	ck_assert(span_is(p[4].revision, "2"));
	ck_assert(p[4].has_source && p[4].source.len == 0);
	ck_assert(p[4].has_size &&
	    txt_u64(p[4].size.p, p[4].size.len, &size) == -1);
	ck_assert(span_is(dpkg_priority(&p[4]), "unknown"));
	dpkg_status_text(&p[4], status, sizeof(status));
	ck_assert_str_eq(status, "hold ok installed");

	ck_assert(span_is(p[5].name, "last") && dpkg_listed(&p[5]));
	ck_assert(txt_u64(p[5].size.p, p[5].size.len, &size) == 0);
	ck_assert(size == UINT64_MAX);
	free(buf);
}
END_TEST

START_TEST(status_text_is_cut)
{
	struct dpkg_pkg p;
	char small[8];

	ck_assert_int_eq(dpkg_parse_stanza(sp("Package: a\nStatus: install "
	    "ok installed"), &p), 0);
	ck_assert_uint_eq(dpkg_status_text(&p, small, sizeof(small)), 7);
	ck_assert_str_eq(small, "install");
	ck_assert_uint_eq(dpkg_status_text(&p, small, 0), 0);
	ck_assert_int_eq(dpkg_parse_stanza(sp(""), &p), -1);
	ck_assert_int_eq(dpkg_parse_stanza(sp("Package: a\nVersion: 00:1"),
	    &p), 0);
	ck_assert(span_is(p.version, "1"));
	ck_assert_int_eq(dpkg_parse_stanza(sp("Package: a\nVersion: :1"),
	    &p), 0);
	ck_assert(span_is(p.version, ":1"));
}
END_TEST

/* The stanzas the reader gives for a file, written in pieces of at
 * most chunk bytes through a pipe, with max the longest stanza taken. */
static int
read_through_pipe(const char *buf, size_t len, size_t chunk, size_t max,
    int *rc_out)
{
	struct stanza_reader r;
	struct dpkg_pkg p;
	struct span st;
	size_t off;
	pid_t pid;
	int fds[2], n = 0, rc;

	ck_assert_int_eq(pipe(fds), 0);
	if ((pid = fork()) == 0) {
		close(fds[0]);
		for (off = 0; off < len; off += chunk)
			if (write(fds[1], buf + off, len - off < chunk ?
			    len - off : chunk) < 0)
				_exit(1);
		_exit(0);
	}
	close(fds[1]);
	stanza_reader_init(&r, fds[0], max);
	while ((rc = stanza_reader_next(&r, &st)) == 1)
		if (dpkg_parse_stanza(st, &p) == 0)
			n++;
	*rc_out = rc;
	stanza_reader_free(&r);
	close(fds[0]);
	waitpid(pid, NULL, 0);
	return n;
}

START_TEST(reader_in_pieces)
{
	size_t len;
	char *buf = fixture_load("dpkg", "status", &len);
	int rc;

	ck_assert_int_eq(read_through_pipe(buf, len, 1, 1 << 20, &rc), 8);
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(read_through_pipe(buf, len, 4096, 1 << 20, &rc), 8);
	ck_assert_int_eq(rc, 0);
	/* A stanza longer than the bound stops the reading. */
	ck_assert_int_lt(read_through_pipe(buf, len, 4096, 16, &rc), 8);
	ck_assert_int_lt(rc, 0);
	free(buf);
	buf = fixture_load("dpkg", "status-malformed", &len);
	ck_assert_int_eq(read_through_pipe(buf, len, 3, 1 << 20, &rc), 6);
	ck_assert_int_eq(rc, 0);
	free(buf);
}
END_TEST

Suite	*suite_deb822(void);

Suite *
suite_deb822(void)
{
	Suite *s = suite_create("deb822");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, stanzas_and_fields);
	tcase_add_test(tc, complete_length);
	tcase_add_test(tc, status_of_this_system);
	tcase_add_test(tc, status_malformed);
	tcase_add_test(tc, status_text_is_cut);
	tcase_add_test(tc, reader_in_pieces);
	suite_add_tcase(s, tc);
	return s;
}
