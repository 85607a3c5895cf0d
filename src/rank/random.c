/*
 * random.c - the random baseline: every eligible unit gets a score drawn
 * from a splitmix64 stream seeded by the caller, so the same seed picks the
 * same sentences on every platform and no global PRNG state is touched.
 */
#include <stdint.h>

#include "rank/rank.h"

/* splitmix64 (Steele, Lea & Flood 2014): one 64-bit state, full period. */
static uint64_t splitmix64(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

int precis__rank_random(const precis__rank_input *in, double *scores,
			precis_error *err)
{
	(void)err;
	uint64_t state = (uint64_t)in->seed;
	for (size_t i = 0; i < in->doc->units.n; i++) {
		/* Draw for every unit, eligible or not, so that the score of a
		 * unit depends only on the seed and its index. */
		uint64_t r = splitmix64(&state);
		/* 53 high bits: a uniform double in [0, 1). */
		scores[i] = in->eligible[i] ? (double)(r >> 11) * 0x1.0p-53 : 0.0;
	}
	return 0;
}
