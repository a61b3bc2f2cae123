/*
 * RPM headers as the RPM database stores them: a big-endian count of
 * index entries (il) and of data bytes (dl), il entries of 16 bytes
 * (tag, type, offset, count), then the data.  Pure and bounds-checked:
 * a header is checked whole when it is opened, and every value a lookup
 * returns lies inside the blob it came from.
 */
#ifndef HOSTQL_TABLES_RPMHEADER_H
#define HOSTQL_TABLES_RPMHEADER_H

#include <stddef.h>
#include <stdint.h>

#include "textparse.h"

/* Tags the tables read (rpmtag.h's numbers). */
#define RPMTAG_SHA1HEADER	269
#define RPMTAG_NAME		1000
#define RPMTAG_VERSION		1001
#define RPMTAG_RELEASE		1002
#define RPMTAG_EPOCH		1003
#define RPMTAG_SUMMARY		1004
#define RPMTAG_INSTALLTIME	1008
#define RPMTAG_SIZE		1009
#define RPMTAG_VENDOR		1011
#define RPMTAG_GROUP		1016
#define RPMTAG_ARCH		1022
#define RPMTAG_OLDFILENAMES	1027
#define RPMTAG_FILESIZES	1028
#define RPMTAG_FILEMODES	1030
#define RPMTAG_FILEDIGESTS	1035
#define RPMTAG_FILEUSERNAME	1039
#define RPMTAG_FILEGROUPNAME	1040
#define RPMTAG_SOURCERPM	1044
#define RPMTAG_DIRINDEXES	1116
#define RPMTAG_BASENAMES	1117
#define RPMTAG_DIRNAMES		1118
#define RPMTAG_LONGFILESIZES	5008
#define RPMTAG_LONGSIZE		5009
#define RPMTAG_FILEDIGESTALGO	5011

/* Value types. */
#define RPM_CHAR_TYPE		1
#define RPM_INT8_TYPE		2
#define RPM_INT16_TYPE		3
#define RPM_INT32_TYPE		4
#define RPM_INT64_TYPE		5
#define RPM_STRING_TYPE		6
#define RPM_BIN_TYPE		7
#define RPM_STRING_ARRAY_TYPE	8
#define RPM_I18NSTRING_TYPE	9

/* File digest algorithms (FILEDIGESTALGO); MD5 when the tag is absent. */
#define RPM_DIGEST_MD5		1
#define RPM_DIGEST_SHA256	8

/* Bounds of a header rpm itself would load. */
#define RPMHDR_MAX_ENTRIES	0xffff
#define RPMHDR_MAX_DATA		0x0fffffff

struct rpmhdr {
	const unsigned char	*index;
	const unsigned char	*data;
	uint32_t		 il;
	uint32_t		 dl;
};

/* Open a header blob: -1 when its counts do not fit len or its bounds. */
int	rpmhdr_open(const void *blob, size_t len, struct rpmhdr *);

/*
 * The values of one tag.  Strings (STRING, I18NSTRING, STRING_ARRAY) are
 * checked to be count NUL-terminated strings inside the data; numbers to
 * be count values of their width inside the data.
 */
struct rpmhdr_value {
	uint32_t		 type;
	uint32_t		 count;
	const unsigned char	*p;	/* first value */
	size_t			 len;	/* bytes from p to the end of the
					 * last value */
};

/* The first entry of tag, checked; -1 when absent or malformed. */
int	rpmhdr_get(const struct rpmhdr *, uint32_t tag, struct rpmhdr_value *);

/* The first string of a string tag; -1 when absent or not a string. */
int	rpmhdr_string(const struct rpmhdr *, uint32_t tag, struct span *);
/* The first number of an integer tag, unsigned; -1 when absent. */
int	rpmhdr_number(const struct rpmhdr *, uint32_t tag, uint64_t *);

/* Walk the strings of a string value in order. */
struct rpmhdr_strings {
	const char	*p;
	size_t		 left;
	uint32_t	 remaining;
};
int	rpmhdr_strings(const struct rpmhdr_value *, struct rpmhdr_strings *);
/* The next string; 0 when there are no more. */
int	rpmhdr_strings_next(struct rpmhdr_strings *, struct span *);

/* The i-th number of an integer value (i < count), unsigned. */
uint64_t	rpmhdr_value_number(const struct rpmhdr_value *, uint32_t i);
/* Is v a number type? */
int		rpmhdr_is_number(const struct rpmhdr_value *);

#endif
