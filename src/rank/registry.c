/*
 * registry.c - the table of ranking methods, the default first.
 */
#include <string.h>

#include "rank/rank.h"

static const precis__method methods[] = {
	{ "tfidf", precis__rank_tfidf,
	  "TF-IDF centroid similarity + position and headline priors (default)", 1 },
	{ "lead", precis__rank_lead, "the first sentences (the Lead-N baseline)", 1 },
	{ "random", precis__rank_random,
	  "sentences in random order, reproducible with --seed (a baseline)", 1 },
	{ "luhn", precis__rank_luhn,
	  "clusters of frequent words close together (Luhn 1958)", 1 },
	{ "edmundson", precis__rank_edmundson,
	  "cue words, headline words and location (Edmundson 1969)", 1 },
	{ "lexrank", precis__rank_lexrank,
	  "random walk on the tf-idf cosine graph (Erkan & Radev 2004)", 0 },
	{ "textrank", precis__rank_textrank,
	  "PageRank on the word-overlap graph (Mihalcea & Tarau 2004)", 0 },
	{ "lsa", precis__rank_lsa,
	  "length in the strong latent topics of an SVD (Steinberger & Jezek 2004)", 0 },
	{ "sumbasic", precis__rank_sumbasic,
	  "frequent words, squared down once said (Nenkova & Vanderwende 2005)", 1 },
	{ "klsum", precis__rank_klsum,
	  "greedy KL divergence to the document's words (Haghighi & Vanderwende 2009)", 0 },
	{ "centroid", precis__rank_centroid,
	  "MEAD: centroid + position + first-sentence overlap (Radev et al. 2004)", 0 },
	{ "learned", precis__rank_learned,
	  "a model fitted to reference summaries by precis train (--model)", 0 },
};

#define NMETHODS (sizeof methods / sizeof methods[0])

const precis__method *precis__method_find(const char *name)
{
	if (name == NULL)
		return &methods[0];
	for (size_t i = 0; i < NMETHODS; i++)
		if (strcmp(methods[i].name, name) == 0)
			return &methods[i];
	return NULL;
}

const char *precis_method_name(size_t i)
{
	return i < NMETHODS ? methods[i].name : NULL;
}

const char *precis_method_summary(size_t i)
{
	return i < NMETHODS ? methods[i].summary : NULL;
}
