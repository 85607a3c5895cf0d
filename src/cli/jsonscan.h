/*
 * jsonscan.h - the fast path of JSON Lines records: a flat object of
 * string members, the shape of nearly every record precis reads.
 */
#ifndef PRECIS_CLI_JSONSCAN_H
#define PRECIS_CLI_JSONSCAN_H

#include <jansson.h>
#include <stddef.h>

/*
 * The object s[0, n) as json_loadb(s, n, 0) would build it (members in
 * order, a repeated key's last value in its first place), when it is a
 * valid object whose members are all strings; NULL for anything else
 * (other values, invalid JSON, out of memory), which the caller hands to
 * json_loadb for the result or the message it gives.
 */
json_t *jsonscan_flat(const char *s, size_t n);

#endif
