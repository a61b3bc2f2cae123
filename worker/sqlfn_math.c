/*
 * osquery's math functions: sqrt, log (the natural logarithm, where
 * SQLite's own log is base 10), log10, exp, power, ceil, floor, pi,
 * sin, cos, tan, cot, asin, acos, atan, degrees and radians.
 *
 * As in osquery: NULL gives NULL, any other argument is taken as a
 * number (text that is not one is 0), the result is a REAL, and a
 * domain or range error the C library reports (sqrt(-1), log(0),
 * acos(2)) fails the query with strerror()'s message.  ceil and floor
 * give an INTEGER: an integer argument unchanged, else the rounded
 * value; one too large for 64 bits stays a REAL.  tan and exp are
 * computed in long double, as osquery does.
 *
 * SQLite's other math functions (ln, log2, log(b, x), pow, mod,
 * trunc, the hyperbolic ones) are left as SQLite has them.
 */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "sqlfn_impl.h"

typedef double	(*math_fn)(double);

static void
result_math(sqlite3_context *ctx, double v)
{
	if (errno != 0)
		sqlite3_result_error(ctx, strerror(errno), -1);
	else
		sqlite3_result_double(ctx, v);
}

static void
apply(sqlite3_context *ctx, sqlite3_value *arg, math_fn f)
{
	double v;

	if (sqlite3_value_type(arg) == SQLITE_NULL)
		return;
	v = sqlite3_value_double(arg);
	errno = 0;
	v = f(v);
	result_math(ctx, v);
}

static double
tan_long(double x)
{
	return (double)tanl(x);
}

static double
exp_long(double x)
{
	return (double)expl(x);
}

static double
cotangent(double x)
{
	return 1.0 / tan(x);
}

static double
to_degrees(double x)
{
	return 180.0 * x / M_PI;
}

static double
to_radians(double x)
{
	return x * M_PI / 180.0;
}

#define MATH1(name, f)							\
static void								\
fn_##name(sqlite3_context *ctx, int argc, sqlite3_value **argv)	\
{									\
	(void)argc;							\
	apply(ctx, argv[0], f);						\
}

MATH1(sqrt, sqrt)
MATH1(log, log)
MATH1(log10, log10)
MATH1(exp, exp_long)
MATH1(sin, sin)
MATH1(cos, cos)
MATH1(tan, tan_long)
MATH1(cot, cotangent)
MATH1(asin, asin)
MATH1(acos, acos)
MATH1(atan, atan)
MATH1(degrees, to_degrees)
MATH1(radians, to_radians)

static void
fn_power(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	double v;

	if (sqlfn_any_null(argc, argv))
		return;
	errno = 0;
	v = pow(sqlite3_value_double(argv[0]), sqlite3_value_double(argv[1]));
	result_math(ctx, v);
}

static void
fn_pi(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_double(ctx, M_PI);
}

/* 2^63 as a double: the integers a double can hold as an int64 are
 * those in [-2^63, 2^63). */
#define TWO_63	9223372036854775808.0

static void
rounded(sqlite3_context *ctx, sqlite3_value *arg, math_fn f)
{
	double v;

	switch (sqlite3_value_type(arg)) {
	case SQLITE_NULL:
		return;
	case SQLITE_INTEGER:
		sqlite3_result_int64(ctx, sqlite3_value_int64(arg));
		return;
	default:
		v = f(sqlite3_value_double(arg));
		if (v >= -TWO_63 && v < TWO_63)
			sqlite3_result_int64(ctx, (sqlite3_int64)v);
		else
			sqlite3_result_double(ctx, v);
	}
}

static void
fn_ceil(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	rounded(ctx, argv[0], ceil);
}

static void
fn_floor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	rounded(ctx, argv[0], floor);
}

int
sqlfn_math_register(sqlite3 *db)
{
	static const struct sqlfn_def defs[] = {
		{ "sqrt",	1,	fn_sqrt },
		{ "log",	1,	fn_log },
		{ "log10",	1,	fn_log10 },
		{ "exp",	1,	fn_exp },
		{ "power",	2,	fn_power },
		{ "ceil",	1,	fn_ceil },
		{ "floor",	1,	fn_floor },
		{ "pi",		0,	fn_pi },
		{ "sin",	1,	fn_sin },
		{ "cos",	1,	fn_cos },
		{ "tan",	1,	fn_tan },
		{ "cot",	1,	fn_cot },
		{ "asin",	1,	fn_asin },
		{ "acos",	1,	fn_acos },
		{ "atan",	1,	fn_atan },
		{ "degrees",	1,	fn_degrees },
		{ "radians",	1,	fn_radians },
	};

	return sqlfn_create(db, defs, sizeof(defs) / sizeof(defs[0]));
}
