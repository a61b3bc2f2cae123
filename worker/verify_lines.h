/*
 * The pure part of verification, over lines already read: the chain and
 * the signatures.  verify.c reads the files through privd and reports.
 */
#ifndef HOSTQL_WORKER_VERIFY_LINES_H
#define HOSTQL_WORKER_VERIFY_LINES_H

#include <stddef.h>
#include <stdint.h>

#include "../logger/chain.h"

/* One line of a log file, as found. */
struct vline {
	const char	*file;		/* its file's name */
	int		 stream;	/* its file's (enum stream) */
	size_t		 lineno;	/* 1-based */
	const char	*text;		/* not NUL-terminated */
	size_t		 len;
	int		 chained;	/* has a well-formed chain member */
	uint64_t	 seq;
	unsigned char	 link[CHAIN_LINK_LEN];
	size_t		 objlen;
	int		 ok;		/* its link verifies */
	int		 signed_ok;	/* inside a batch whose signature
					 * verifies */
};

struct vsig {
	const char	*file;
	size_t		 lineno;
	uint64_t	 first, last;
	int		 stream;	/* the batch's, -1 when not named */
	unsigned char	 prev[CHAIN_LINK_LEN], head[CHAIN_LINK_LEN];
	unsigned char	 sig[CHAIN_SIG_LEN];
	int		 parsed;
};

struct vproblem {
	char	text[512];
};

struct vresult {
	struct vproblem	*problems;
	size_t		 nproblems;
	uint64_t	 nlines, nsigned;
	/* Lines of batches whose stream's older files rotation removed:
	 * all of a batch gone, older than the stream's oldest line kept. */
	uint64_t	 nrotated;
	/* Ranges of seq that verify, signed. */
	uint64_t	(*ranges)[2];
	size_t		 nranges;
};

/* Split one line of the chain streams / the signature log. */
void	vline_parse(struct vline *);
void	vsig_parse(struct vsig *, const char *text, size_t len);

/*
 * Check lines (in the order the files hold them, oldest file first,
 * within a file top to bottom) and signatures against pk.  Problems are
 * appended to r in the order they are found.
 */
int	verify_lines(struct vline *lines, size_t nlines, struct vsig *sigs,
	    size_t nsigs, const unsigned char pk[CHAIN_PK_LEN],
	    struct vresult *r);
void	vresult_free(struct vresult *);

#endif
