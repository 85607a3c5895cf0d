/*
 * rand48.c - POSIX drand48 with caller-held state, as Perl >= 5.20
 * uses it for rand(): x' = (0x5DEECE66D x + 0xB) mod 2^48, value x' / 2^48;
 * srand(seed) sets x = seed << 16 | 0x330E. ROUGE-1.5.5 seeds resample i
 * with srand(i), so its confidence intervals are reproducible.
 */
#include "rouge/internal.h"

#define MASK48 ((1ull << 48) - 1)

void precis__rouge_srand48(rouge_rand48 *r, uint32_t seed)
{
	r->x = ((uint64_t)seed << 16) | 0x330E;
}

double precis__rouge_drand48(rouge_rand48 *r)
{
	r->x = (0x5DEECE66Dull * r->x + 0xB) & MASK48;
	/* exact, as Perl's ldexp(x, -48); x < 2^48 converts as a signed int */
	return (double)(int64_t)r->x * 0x1p-48;
}
