/*
 * splitter.h - internals of the streaming splitter (precis_splitter in
 * precis.h) that tests reach.
 */
#ifndef PRECIS_DOC_SPLITTER_H
#define PRECIS_DOC_SPLITTER_H

#include <stddef.h>

#include "precis.h"

/* Sets the bytes a splitter gathers before it looks for a cut, so tests can
 * cut small texts at every blank line (1) or never (SIZE_MAX). */
void precis__splitter_chunk(precis_splitter *sp, size_t bytes);

#endif
