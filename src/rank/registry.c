/*
 * registry.c - the table of ranking methods, the default first.
 */
#include <string.h>

#include "rank/rank.h"

static const precis__method methods[] = {
	{ "tfidf", precis__rank_tfidf,
	  "TF-IDF centroid similarity + position and headline priors (default)" },
	{ "lead", precis__rank_lead, "the first sentences (the Lead-N baseline)" },
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
