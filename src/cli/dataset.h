/*
 * dataset.h - an evaluation data set in memory: records of
 * {"id", "article", "references": [...], "title"?} (shared/eval format).
 */
#ifndef PRECIS_CLI_DATASET_H
#define PRECIS_CLI_DATASET_H

#include <stddef.h>

typedef struct record {
	char *id;
	char *article;
	size_t article_len;
	char *title;        /* NULL when absent */
	char **refs;
	size_t *ref_lens;
	size_t nrefs;
	size_t line;        /* in the data set file */
} record;

typedef struct dataset {
	record *v;
	size_t n, cap;
	size_t bad;         /* records reported and skipped */
} dataset;

/*
 * Reads `path`; a bad record is reported with its line and skipped, or with
 * `strict` ends the read. 0, or an exit code (3 for a bad record when
 * strict, 1 for I/O).
 */
int dataset_load(dataset *ds, const char *path, int strict);
void dataset_free(dataset *ds);

#endif
