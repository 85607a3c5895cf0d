/*
 * clean.h - recognizes page furniture that scraped news carries between its
 * sentences: bylines and time stamps ("PUBLISHED: 12:52 EST, 3 March
 * 2013"), "Scroll down for video", "Click here ...", "E-mail to a friend",
 * "CNN's X contributed to this report", and sign-offs ("-- Jane Doe
 * <jane@example.org>  Mon, 02 Jan 2023", as a Debian changelog signs its
 * entries). Such a unit states nothing about the story, so no method
 * should pick it while real sentences remain.
 */
#ifndef PRECIS_CLEAN_H
#define PRECIS_CLEAN_H

#include <stddef.h>

/* 1 when s[0, len) (one unit's text, valid UTF-8) is furniture, else 0. */
int precis__is_furniture(const char *s, size_t len);

#endif
