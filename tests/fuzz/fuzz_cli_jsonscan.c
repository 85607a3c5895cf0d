/*
 * fuzz_cli_jsonscan.c - fuzz target: the fast path of JSON Lines records
 * (cli/jsonscan.c) against jansson. On any input, when the scanner builds
 * an object, json_loadb(input, 0) builds the same one (equal, members in
 * the same order: the same compact text); when json_loadb fails, so does
 * the scanner (declines). It may decline what jansson reads (any value
 * that is not a string): jansson then builds it.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/jsonscan.h"
#include "fuzzutil.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	json_error_t je;
	json_t *fast = jsonscan_flat(s, size);
	json_t *ref = json_loadb(s, size, 0, &je);
	if (ref == NULL)
		FUZZ_CHECK(fast == NULL);
	if (fast != NULL) {
		FUZZ_CHECK(json_equal(fast, ref));
		char *a = json_dumps(fast, JSON_COMPACT), *b = json_dumps(ref, JSON_COMPACT);
		FUZZ_CHECK(a != NULL && b != NULL && strcmp(a, b) == 0);
		free(a);
		free(b);
	}
	json_decref(fast);
	json_decref(ref);
	return 0;
}
