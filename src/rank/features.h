/*
 * features.h - per-sentence features for the learned scorer (learned.c)
 * and its trainer (src/train): position, paragraph start, tf-idf centroid
 * cosine, graph centrality (LexRank, TextRank), headline overlap, length,
 * novelty against earlier sentences, word frequency and a few surface
 * cues; and per-document features for choosing among a bundle's models.
 * Names are the model file's (model.c); ids are appended, never reordered.
 */
#ifndef PRECIS_RANK_FEATURES_H
#define PRECIS_RANK_FEATURES_H

#include <stddef.h>

#include "rank/rank.h"

typedef enum precis__feat {
	PRECIS__F_RANK1 = 0,   /* first eligible sentence */
	PRECIS__F_RANK2,       /* second */
	PRECIS__F_RANK3,       /* third */
	PRECIS__F_POSITION,    /* 1 / (1 + r), r the eligible rank */
	PRECIS__F_RELATIVE,    /* r / (eligible - 1): 0 first, 1 last */
	PRECIS__F_PARAGRAPH,   /* opens a paragraph */
	PRECIS__F_CENTROID,    /* cosine with the tf-idf centroid */
	PRECIS__F_CENTROID_RANK, /* the same as a rank: 1 best, 0 worst */
	PRECIS__F_LEXRANK,     /* LexRank probability x sentences (mean 1) */
	PRECIS__F_LEXRANK_RANK,
	PRECIS__F_TEXTRANK,    /* TextRank score x sentences / sum (mean 1) */
	PRECIS__F_TEXTRANK_RANK,
	PRECIS__F_TITLE,       /* fraction of the headline's terms */
	PRECIS__F_WORDS,       /* words / 25 */
	PRECIS__F_EXCESS,      /* max(0, words / 25 - 1) */
	PRECIS__F_SHORT,       /* max(0, 1 - words / 10) */
	PRECIS__F_NOVELTY,     /* 1 - max cosine with an earlier sentence */
	PRECIS__F_FREQ,        /* mean term probability x distinct terms */
	PRECIS__F_FREQ_RANK,   /* sum of term probabilities, as a rank */
	PRECIS__F_QUOTE,       /* holds a quotation mark */
	PRECIS__F_DIGIT,       /* holds a digit */
	PRECIS__F_QUESTION,    /* ends with '?' */
	PRECIS__NFEAT
} precis__feat;

/* Document features, the inputs of a bundle's choice of model. */
typedef enum precis__dfeat {
	PRECIS__D_SENTENCES = 0, /* ln(1 + eligible sentences) */
	PRECIS__D_WORDS,         /* mean words per eligible sentence / 25 */
	PRECIS__D_LEAD_CENTRAL,  /* centroid rank of the first sentence */
	PRECIS__D_LEAD_TITLE,    /* headline overlap of the first sentence */
	PRECIS__D_TITLE,         /* the document has a headline */
	PRECIS__D_SPREAD,        /* how flat centrality is: mean / max
				    LexRank score of the eligible sentences */
	PRECIS__D_DIGITS,        /* share of sentences with a digit */
	PRECIS__D_LEAD_WORDS,    /* words of the first sentence / 25 */
	PRECIS__D_LEAD_TEXTRANK, /* TextRank rank of the first sentence */
	PRECIS__NDFEAT
} precis__dfeat;

/* The name of a feature, NULL past the end; the id of a name, or -1. */
const char *precis__feat_name(size_t f);
int precis__feat_find(const char *name, size_t len);
const char *precis__dfeat_name(size_t f);
int precis__dfeat_find(const char *name, size_t len);

/*
 * Fills x[u * PRECIS__NFEAT + f] for every eligible unit u (rows of other
 * units are zeroed) and, when dx is not NULL, dx[0, PRECIS__NDFEAT).
 * `need` (PRECIS__NFEAT flags, NULL: all) names the features wanted, so
 * the graph methods run only when a model uses them; others may be left
 * 0. 0 or a precis_status with err filled.
 */
int precis__features(const precis__rank_input *in, const unsigned char *need,
		     double *x, double *dx, precis_error *err);

#endif
