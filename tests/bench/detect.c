/*
 * detect.c - the detection driver of tests/bench/detect.sh: one text per
 * line on standard input (line breaks inside a text as spaces), the code
 * precis_detect_language() gives for it per line out ("und": none).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "precis.h"

int main(void)
{
	precis_detector *d;
	precis_error err;
	if (precis_detector_new(&d, &err) != 0) {
		fprintf(stderr, "detect: %s\n", err.message);
		return 1;
	}
	size_t cap = 1 << 16;
	char *line = malloc(cap);
	size_t n = 0;
	int c;
	while (line != NULL && (c = getchar()) != EOF) {
		if (c != '\n') {
			if (n + 1 >= cap) {
				char *nl = realloc(line, cap * 2);
				if (nl == NULL)
					break;
				line = nl;
				cap *= 2;
			}
			line[n++] = (char)c;
			continue;
		}
		const char *code = precis_detect_language(d, line, n, NULL);
		printf("%s\n", code ? code : "und");
		n = 0;
	}
	free(line);
	precis_detector_free(d);
	return 0;
}
