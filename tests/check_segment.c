/*
 * check_segment.c - the sentence segmenter (src/segment/), one test per
 * phenomenon, each asserting the units' byte offsets. The texts are our
 * own; the Golden Rules sets are replayed by tests/cli/golden.sh.
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/resources.h"
#include "segment/segment.h"

static precis__segrules *rules_for(const char *lang)
{
	precis__segrules *r = NULL;
	precis_error err;
	const char *data = "";
	size_t len = 0;
	if (lang != NULL) {
		char path[64];
		snprintf(path, sizeof path, "abbrev/%s.txt", lang);
		const precis__resource *res = precis__resource_find(path);
		ck_assert_msg(res != NULL, "no resource %s", path);
		data = res->data;
		len = res->len;
	}
	ck_assert_int_eq(precis__segrules_parse(&r, data, len, &err), 0);
	return r;
}

/*
 * Segments `text` and checks the units against the NULL-terminated list of
 * strings: unit i must be exactly the next occurrence of want[i] in the
 * text after unit i - 1, so its offsets are asserted, not just its bytes.
 */
static void expect_v(const char *lang, unsigned flags, const char *text,
		     va_list ap)
{
	precis__segrules *r = rules_for(lang);
	precis__units u = { 0 };
	precis_error err;
	ck_assert_int_eq(precis__segment(r, text, strlen(text), flags, &u, &err), 0);
	size_t i = 0, from = 0;
	const char *want;
	while ((want = va_arg(ap, const char *)) != NULL) {
		const char *at = strstr(text + from, want);
		ck_assert_msg(at != NULL, "bad test: '%s' not in the text", want);
		size_t start = (size_t)(at - text), end = start + strlen(want);
		ck_assert_msg(i < u.n, "unit %zu missing: want '%s'", i, want);
		ck_assert_msg(u.v[i].start == start && u.v[i].end == end,
			      "unit %zu is [%zu,%zu) '%.*s', want [%zu,%zu) '%s'",
			      i, u.v[i].start, u.v[i].end,
			      (int)(u.v[i].end - u.v[i].start), text + u.v[i].start,
			      start, end, want);
		from = end;
		i++;
	}
	ck_assert_msg(u.n == i, "%zu units, want %zu (extra: '%.*s')", u.n, i,
		      u.n > i ? (int)(u.v[i].end - u.v[i].start) : 0,
		      u.n > i ? text + u.v[i].start : "");
	precis__units_free(&u);
	precis__segrules_free(r);
}

static void expect(const char *lang, const char *text, ...)
{
	va_list ap;
	va_start(ap, text);
	expect_v(lang, 0, text, ap);
	va_end(ap);
}

static void expect_flags(const char *lang, unsigned flags, const char *text, ...)
{
	va_list ap;
	va_start(ap, text);
	expect_v(lang, flags, text, ap);
	va_end(ap);
}

/* Units of `text` with their paragraph and kind. */
static precis__units units_of(const char *lang, const char *text)
{
	precis__segrules *r = rules_for(lang);
	precis__units u = { 0 };
	precis_error err;
	ck_assert_int_eq(precis__segment(r, text, strlen(text), 0, &u, &err), 0);
	precis__segrules_free(r);
	return u;
}

#define EN "en"

/* ---- abbreviations ------------------------------------------------------ */

START_TEST(titles)
{
	expect(EN, "Dr. Watson met Prof. Moriarty at noon. They argued.",
	       "Dr. Watson met Prof. Moriarty at noon.", "They argued.", NULL);
	expect(EN, "Gov. Ames and Sen. Ruiz spoke. Rep. Lee did not.",
	       "Gov. Ames and Sen. Ruiz spoke.", "Rep. Lee did not.", NULL);
	expect(EN, "We hiked up Mt. Rainier with Mr. and Mrs. Cole.",
	       "We hiked up Mt. Rainier with Mr. and Mrs. Cole.", NULL);
}
END_TEST

START_TEST(abbreviations)
{
	expect(EN, "Apples, pears, etc. were on sale. Plums were not.",
	       "Apples, pears, etc. were on sale.", "Plums were not.", NULL);
	expect(EN, "See fig. 4 and vol. 2 for details.",
	       "See fig. 4 and vol. 2 for details.", NULL);
	expect(EN, "Shares of Acme Inc. fell. Acme Corp. It is a rival.",
	       "Shares of Acme Inc. fell.", "Acme Corp.", "It is a rival.", NULL);
	expect(EN, "The firm moved to Calif. Its staff followed.",
	       "The firm moved to Calif.", "Its staff followed.", NULL);
	/* "Assoc." ends a firm's name, not a rank ("Assoc. Dean"; UD GUM) */
	expect(EN, "Ask the Assoc. Dean for Education. It was Smith & Assoc. They left.",
	       "Ask the Assoc. Dean for Education.", "It was Smith & Assoc.",
	       "They left.", NULL);
}
END_TEST

START_TEST(initials)
{
	expect(EN, "The novel by J. R. R. Tolkien sold well. Critics agreed.",
	       "The novel by J. R. R. Tolkien sold well.", "Critics agreed.", NULL);
	expect(EN, "It was me and I. Then we left.",
	       "It was me and I.", "Then we left.", NULL);
}
END_TEST

START_TEST(multi_period)
{
	expect(EN, "She moved to the U.K. last spring. The rain was grim.",
	       "She moved to the U.K. last spring.", "The rain was grim.", NULL);
	expect(EN, "He works for the U.N. Security Council now.",
	       "He works for the U.N. Security Council now.", NULL);
	expect(EN, "Prices rose in the U.S. They fell in Europe.",
	       "Prices rose in the U.S.", "They fell in Europe.", NULL);
	expect(EN, "She holds a Ph.D. in physics, i.e. a doctorate.",
	       "She holds a Ph.D. in physics, i.e. a doctorate.", NULL);
}
END_TEST

START_TEST(am_pm)
{
	expect(EN, "The meeting starts at 9 a.m. sharp.",
	       "The meeting starts at 9 a.m. sharp.", NULL);
	expect(EN, "We left the party at 10 p.m. The roads were empty.",
	       "We left the party at 10 p.m.", "The roads were empty.", NULL);
	expect(EN, "By 7 a.m. Mrs. Hall had left the house.",
	       "By 7 a.m. Mrs. Hall had left the house.", NULL);
	expect(EN, "The train from the coast arrived at 8 P.M. Mr. Dane was on it.",
	       "The train from the coast arrived at 8 P.M.", "Mr. Dane was on it.",
	       NULL);
}
END_TEST

START_TEST(numbers)
{
	expect(EN, "Growth was 3.5 percent in 2023. Analysts expected 4.1.",
	       "Growth was 3.5 percent in 2023.", "Analysts expected 4.1.", NULL);
	expect(EN, "The fee is $12.50. Pay at the desk.",
	       "The fee is $12.50.", "Pay at the desk.", NULL);
	expect(EN, "It sold 2,500,000 copies in 1.5 years.",
	       "It sold 2,500,000 copies in 1.5 years.", NULL);
	expect("de", "Am 3. Oktober war Feiertag. Das steht auf Seite 7. Dort.",
	       "Am 3. Oktober war Feiertag.", "Das steht auf Seite 7.", "Dort.",
	       NULL);
}
END_TEST

/* ---- punctuation -------------------------------------------------------- */

START_TEST(ellipses)
{
	expect(EN, "He waited... and waited.", "He waited... and waited.", NULL);
	expect(EN, "It was over.... Nobody spoke.",
	       "It was over....", "Nobody spoke.", NULL);
	expect(EN, "He hesitated . . . Then he spoke.",
	       "He hesitated . . . Then he spoke.", NULL);
	expect(EN, "It ended . . . . Then came silence.",
	       "It ended . . . .", "Then came silence.", NULL);
	expect(EN, "It rained all day\xE2\x80\xA6 The river rose.",
	       "It rained all day\xE2\x80\xA6", "The river rose.", NULL);
}
END_TEST

START_TEST(quotes)
{
	expect(EN, "\"We are ready.\" The coach smiled.",
	       "\"We are ready.\"", "The coach smiled.", NULL);
	expect(EN, "\"Are you ready?\" she asked.",
	       "\"Are you ready?\" she asked.", NULL);
	expect(EN, "\xE2\x80\x9CIt works!\xE2\x80\x9D he said. Then he left.",
	       "\xE2\x80\x9CIt works!\xE2\x80\x9D he said.", "Then he left.", NULL);
	expect(EN, "She said \xE2\x80\x98" "fine.\xE2\x80\x99 Nobody believed her.",
	       "She said \xE2\x80\x98" "fine.\xE2\x80\x99", "Nobody believed her.",
	       NULL);
	/* A short quote holding two sentences stays one unit. */
	expect(EN, "He said: \"We won. They lost.\" Then he left.",
	       "He said: \"We won. They lost.\"", "Then he left.", NULL);
}
END_TEST

/* Real text (UD): a quote that stands alone, opening after a sentence and
 * ending in a terminator, holds sentences of its own; one inside a
 * sentence, or ending without a terminator, does not. */
START_TEST(quoted_sentences)
{
	expect(EN, "It was late. \"We lost. He left early.\" Nobody spoke.",
	       "It was late.", "\"We lost.", "He left early.\"", "Nobody spoke.",
	       NULL);
	expect(EN, "She wrote, \"We lost. He left early.\" Nobody spoke.",
	       "She wrote, \"We lost. He left early.\"", "Nobody spoke.", NULL);
	expect(EN, "\"We lost. He left early,\" she said.",
	       "\"We lost. He left early,\" she said.", NULL);
	/* ``TeX-style'' quotes, as in UD's German and Russian text. */
	expect("de", "Er sagte nichts. ``Wir pr\xC3\xBC" "fen das.'' Dann ging er.",
	       "Er sagte nichts.", "``Wir pr\xC3\xBC" "fen das.''", "Dann ging er.",
	       NULL);
}
END_TEST

START_TEST(question_exclamation_in_quotes)
{
	expect(EN, "\xE2\x80\x9CWhy now?!\xE2\x80\x9D asked the mayor. Nobody knew.",
	       "\xE2\x80\x9CWhy now?!\xE2\x80\x9D asked the mayor.", "Nobody knew.",
	       NULL);
	expect(EN, "Is it true?! Yes.", "Is it true?!", "Yes.", NULL);
	expect(EN, "She works at Yahoo! in sales.", "She works at Yahoo! in sales.",
	       NULL);
}
END_TEST

START_TEST(parentheses)
{
	expect(EN, "The results (see Table 2.) were clear. We agreed.",
	       "The results (see Table 2.) were clear.", "We agreed.", NULL);
	expect(EN, "He left early. (He was tired.) We stayed.",
	       "He left early.", "(He was tired.)", "We stayed.", NULL);
}
END_TEST

/* Reference marks after the period belong to the sentence they follow
 * (UD GUM: "Dulwich. [17] Placed"), bracketed, bare before a sentence
 * starter, or an omission mark. */
START_TEST(reference_marks)
{
	expect(EN, "He went to school in Dulwich. [17] Placed in care, he left.",
	       "He went to school in Dulwich. [17]", "Placed in care, he left.",
	       NULL);
	expect(EN, "It was a series of elegies.[25] In later years, he wrote.",
	       "It was a series of elegies.[25]", "In later years, he wrote.", NULL);
	expect(EN, "He stayed until July 1805. [6, 7]", "He stayed until July 1805. [6, 7]",
	       NULL);
	expect(EN, "They are protected by minority rights. 4 Even though few agree.",
	       "They are protected by minority rights. 4", "Even though few agree.",
	       NULL);
	/* (the omission mark ends the sentence before it, and is stripped) */
	expect(EN, "I am sorry, Jonathan Bell. [\xE2\x80\xA6] For the respondents.",
	       "I am sorry, Jonathan Bell.", "For the respondents.", NULL);
	/* Not references: a bracket that starts a sentence, a number that
	 * does not come before a sentence starter. */
	expect(EN, "It fell. [Editor: see above.] Then it rose.",
	       "It fell.", "[Editor: see above.]", "Then it rose.", NULL);
	expect(EN, "The score was 3. 4 people left.", "The score was 3.",
	       "4 people left.", NULL);
}
END_TEST

/* Abbreviations in capitals ("GEN." as "Gen.") and behind an elided
 * article ("dell'art."). */
START_TEST(abbreviation_forms)
{
	expect(EN, "ORAL ARGUMENT OF GEN. ELIZABETH PRELOGAR. THE COURT SAT.",
	       "ORAL ARGUMENT OF GEN. ELIZABETH PRELOGAR.", "THE COURT SAT.", NULL);
	expect(EN, "It was in the FT. But the SEC. The firm (MS). A week.",
	       "It was in the FT.", "But the SEC.", "The firm (MS).", "A week.", NULL);
	expect("it", "La disposizione dell'art. 941 non si applica.",
	       "La disposizione dell'art. 941 non si applica.", NULL);
	expect("fr", "Il habite l\xE2\x80\x99" "av. Foch depuis 1990.",
	       "Il habite l\xE2\x80\x99" "av. Foch depuis 1990.", NULL);
}
END_TEST

/* A number and a period opening a unit number a section, they end no
 * sentence ("speciali. 858. Comprensorio di bonifica"). */
START_TEST(section_numbers)
{
	expect("it", "Vale la legge speciale. 858. Comprensorio di bonifica. 907. Distanza.",
	       "Vale la legge speciale.", "858. Comprensorio di bonifica.",
	       "907. Distanza.", NULL);
}
END_TEST

/* Weak terminators ([weak]: ";" in fr, es, it; ":" in it) end a sentence
 * before a capital, not before a lower-case word, not after a word or two
 * and not between the short items of a list. */
START_TEST(weak_terminators)
{
	expect("fr", "Il explora la c\xC3\xB4te occidentale du Groenland ; La m\xC3\xAAme "
	       "ann\xC3\xA9" "e, il rentra.",
	       "Il explora la c\xC3\xB4te occidentale du Groenland ;",
	       "La m\xC3\xAAme ann\xC3\xA9" "e, il rentra.", NULL);
	expect("fr", "Il explora la c\xC3\xB4te du Groenland ; il rentra.",
	       "Il explora la c\xC3\xB4te du Groenland ; il rentra.", NULL);
	expect("es", "Toda su carrera la realiz\xC3\xB3 para el Estado; Fue lanzado en 2003.",
	       "Toda su carrera la realiz\xC3\xB3 para el Estado;", "Fue lanzado en 2003.",
	       NULL);
	expect("it", "La situazione, per tutti, \xC3\xA8 chiarissima: Nelle ultime settimane.",
	       "La situazione, per tutti, \xC3\xA8 chiarissima:", "Nelle ultime settimane.",
	       NULL);
	expect("it", "Possiede Terni, azioni 300; Ilva, azioni 500; Anic, azioni 1000.",
	       "Possiede Terni, azioni 300; Ilva, azioni 500; Anic, azioni 1000.",
	       NULL);
	expect(EN, "He left the firm early; Smith stayed until the end.",
	       "He left the firm early; Smith stayed until the end.", NULL);
}
END_TEST

/* German ordinals after an article ([articles]: "im 6. Stock"), against
 * a sentence that ends in a number ("Seite 7. Dort"). */
START_TEST(ordinals)
{
	expect("de", "Das Restaurant im 6. Stock ist gut. Die Fassaden aus dem 18. "
	       "Jahrhundert auch. Das steht auf Seite 7. Dort.",
	       "Das Restaurant im 6. Stock ist gut.",
	       "Die Fassaden aus dem 18. Jahrhundert auch.",
	       "Das steht auf Seite 7.", "Dort.", NULL);
}
END_TEST

/* Where numbers take no ordinal period, one before a lower-case word
 * ends a sentence ("8160. they"); German, with ordinal-dots, keeps
 * "seinen 67. runden" whole; a number opening a unit still numbers it. */
START_TEST(number_before_lower)
{
	expect(EN, "Call them at 303-832-8160. they have not heard from you.",
	       "Call them at 303-832-8160.", "they have not heard from you.", NULL);
	expect(EN, "Call Kathy Mayfield (3-3264). you know that.",
	       "Call Kathy Mayfield (3-3264).", "you know that.", NULL);
	expect("it", "Il conto, lire 32.975. cos\xC3\xAC ad esempio.",
	       "Il conto, lire 32.975.", "cos\xC3\xAC ad esempio.", NULL);
	expect("de", "Er feierte seinen 67. runden Geburtstag.",
	       "Er feierte seinen 67. runden Geburtstag.", NULL);
	expect(EN, "1. the first point", "1. the first point", NULL);
}
END_TEST

/* A postscript mark opens a sentence and ends none: "P.S. I am moving",
 * "PS. Love the new website" (UD EWT e-mails and reviews). */
START_TEST(postscript)
{
	expect(EN, "Thanks again Nina. PS. Love the new website!",
	       "Thanks again Nina.", "PS. Love the new website!", NULL);
	expect(EN, "See you soon. P.S. I am moving back to Calgary.",
	       "See you soon.", "P.S. I am moving back to Calgary.", NULL);
}
END_TEST

/* A " between spaces after a terminator that no later " closes ends the
 * sentence it follows ("une bête ! \" Les"; UD fr); one that a later "
 * closes opens a quote. */
START_TEST(stray_straight_quote)
{
	expect("fr", "Tu es une b\xC3\xAAte ! \" Les serveurs sont l\xC3\xA0.",
	       "Tu es une b\xC3\xAAte ! \"", "Les serveurs sont l\xC3\xA0.", NULL);
	expect(EN, "It rained. \"We stayed in,\" she said.",
	       "It rained.", "\"We stayed in,\" she said.", NULL);
}
END_TEST

/* A sentence may open with a dash (a news item, a line of dialogue) or an
 * opening quote set off by a space (French). */
START_TEST(sentence_openers)
{
	expect("es", "Pese a sufrir bajas. -- La actriz ser\xC3\xA1 operada.",
	       "Pese a sufrir bajas.", "-- La actriz ser\xC3\xA1 operada.", NULL);
	expect("kk", "\xD0\x91\xD0\xB0\xD1\x80? \xE2\x80\x94 \xD0\xB4\xD0\xB5\xD0\xB4\xD1\x96.",
	       "\xD0\x91\xD0\xB0\xD1\x80? \xE2\x80\x94 \xD0\xB4\xD0\xB5\xD0\xB4\xD1\x96.", NULL);
	expect("fr", "Il y a 32 jeux de poteaux. \xC2\xAB Tu es las ? \xC2\xBB dit-il.",
	       "Il y a 32 jeux de poteaux.", "\xC2\xAB Tu es las ? \xC2\xBB dit-il.", NULL);
	expect("fr", "Il est n\xC3\xA9 \xC3\xA0 Rupert Henry St.John en 1968.",
	       "Il est n\xC3\xA9 \xC3\xA0 Rupert Henry St.John en 1968.", NULL);
}
END_TEST

/* ---- lists -------------------------------------------------------------- */

START_TEST(lists)
{
	expect(EN, "1. Preheat the oven 2. Mix the flour",
	       "1. Preheat the oven", "2. Mix the flour", NULL);
	expect(EN, "a) red b) green c) blue", "a) red", "b) green", "c) blue", NULL);
	expect(EN, "\xE2\x80\xA2 apples \xE2\x80\xA2 pears \xE2\x80\xA2 plums",
	       "\xE2\x80\xA2 apples", "\xE2\x80\xA2 pears", "\xE2\x80\xA2 plums", NULL);
	expect(EN, "You need: 1) flour, 2) sugar and 3) eggs.",
	       "You need:", "1) flour,", "2) sugar and", "3) eggs.", NULL);
	expect(EN, "- milk\n- bread\n- eggs", "- milk", "- bread", "- eggs", NULL);
	/* Initials are no lettered list, years no numbered one. */
	expect(EN, "E. F. Hutton spoke in 2019. 2020 was worse.",
	       "E. F. Hutton spoke in 2019.", "2020 was worse.", NULL);
}
END_TEST

/* ---- addresses ---------------------------------------------------------- */

START_TEST(urls_emails)
{
	expect(EN, "Visit www.example.org/news.html for more. Write to "
		   "desk@example.net. Thanks.",
	       "Visit www.example.org/news.html for more.",
	       "Write to desk@example.net.", "Thanks.", NULL);
	expect(EN, "See https://example.com/a.b/Index.html. It is new.",
	       "See https://example.com/a.b/Index.html.", "It is new.", NULL);
}
END_TEST

/* ---- lines and paragraphs ----------------------------------------------- */

START_TEST(lines_and_paragraphs)
{
	const char *t = "First line\nSecond line\n\n\nNew paragraph. Two.\n";
	precis__units u = units_of(EN, t);
	ck_assert_uint_eq(u.n, 4);
	ck_assert_uint_eq(u.v[0].start, 0);
	ck_assert_uint_eq(u.v[0].end, 10);
	ck_assert_uint_eq(u.v[1].start, 11);
	ck_assert_uint_eq(u.v[1].end, 22);
	ck_assert_uint_eq(u.v[2].start, 25);
	ck_assert_uint_eq(u.v[2].end, 39);
	ck_assert_uint_eq(u.v[3].start, 40);
	ck_assert_uint_eq(u.v[3].end, 44);
	ck_assert_uint_eq(u.v[0].kind, PRECIS_UNIT_LINE);
	ck_assert_uint_eq(u.v[1].kind, PRECIS_UNIT_LINE);
	ck_assert_uint_eq(u.v[2].kind, PRECIS_UNIT_SENTENCE);
	ck_assert_uint_eq(u.v[3].kind, PRECIS_UNIT_SENTENCE);
	ck_assert_uint_eq(u.v[1].paragraph, 0);
	ck_assert_uint_eq(u.v[2].paragraph, 1);
	precis__units_free(&u);
	/* Paragraphs of noise alone are not counted. */
	u = units_of(EN, "+\n\nOne.\n\n***\n\nTwo.");
	ck_assert_uint_eq(u.n, 2);
	ck_assert_uint_eq(u.v[0].paragraph, 0);
	ck_assert_uint_eq(u.v[1].paragraph, 1);
	precis__units_free(&u);
}
END_TEST

START_TEST(line_breaks)
{
	/* A line without terminal punctuation is its own unit... */
	expect(EN, "features\ncontact manager\nevents", "features",
	       "contact manager", "events", NULL);
	/* ...unless it ends in a space and the text goes on in lower case, */
	expect(EN, "It was a cold \nnight in the city.",
	       "It was a cold \nnight in the city.", NULL);
	/* or the lines are hard-wrapped. */
	expect_flags(EN, PRECIS__SEG_JOIN_LINES,
		     "This sentence was\nwrapped by a PDF tool. So was\nthis one.\n- an item",
		     "This sentence was\nwrapped by a PDF tool.",
		     "So was\nthis one.", "- an item", NULL);
	expect(EN, "One.\r\nTwo\r\n\r\nThree.\r\n", "One.", "Two", "Three.", NULL);
}
END_TEST

START_TEST(headlines_and_list_items)
{
	precis__units u = units_of(EN, "Storm Hits Coast\n\nThe storm came at "
				       "dawn.\nWhat to do:\nStay inside\n");
	ck_assert_uint_eq(u.n, 4);
	ck_assert_uint_eq(u.v[0].kind, PRECIS_UNIT_LINE);
	ck_assert_uint_eq(u.v[1].kind, PRECIS_UNIT_SENTENCE);
	ck_assert_uint_eq(u.v[2].kind, PRECIS_UNIT_LINE);
	ck_assert_uint_eq(u.v[3].kind, PRECIS_UNIT_LINE);
	ck_assert_uint_eq(u.v[3].start, 54);
	ck_assert_uint_eq(u.v[3].end, 65);
	precis__units_free(&u);
}
END_TEST

START_TEST(missing_space)
{
	expect(EN, "The vote failed in the Kharkiv region.CNN reports that it was close.",
	       "The vote failed in the Kharkiv region.",
	       "CNN reports that it was close.", NULL);
	expect(EN, "They paid 1,000.That was all.", "They paid 1,000.",
	       "That was all.", NULL);
	expect(EN, "See the file.txt or Node.js docs.",
	       "See the file.txt or Node.js docs.", NULL);
	/* a capitalized domain is no sentence start; "Net" may be one */
	expect(EN, "Posted via Newsfeed.Com - Unlimited. See Amazon.COM now.",
	       "Posted via Newsfeed.Com - Unlimited.", "See Amazon.COM now.", NULL);
	expect(EN, "It fell in the region.Net gains rose.",
	       "It fell in the region.", "Net gains rose.", NULL);
}
END_TEST

/* ---- scraped news ------------------------------------------------------- */

START_TEST(bylines_datelines_captions)
{
	expect(EN, "By Maria Lopez, Staff Writer\nUpdated 10:42 AM EST, Mon March 2\n\n"
		   "NAIROBI, Kenya (AP) -- Heavy rains flooded the city. Thousands fled.\n"
		   "A rescue worker in Nairobi on Tuesday. (Photo: J. Roe/Reuters)\n",
	       "By Maria Lopez, Staff Writer", "Updated 10:42 AM EST, Mon March 2",
	       "NAIROBI, Kenya (AP) -- Heavy rains flooded the city.",
	       "Thousands fled.", "A rescue worker in Nairobi on Tuesday.",
	       "(Photo: J. Roe/Reuters)", NULL);
	expect(EN, "(CNN)A long trip ended. It was late.",
	       "(CNN)A long trip ended.", "It was late.", NULL);
}
END_TEST

START_TEST(omission_marks)
{
	expect(EN, "He spoke for an hour. [\xE2\x80\xA6]\n\nThe end.",
	       "He spoke for an hour.", "The end.", NULL);
	expect(EN, "A teaser that stops [...]\n[\xE2\x80\xA6]\nNext.",
	       "A teaser that stops", "Next.", NULL);
	expect(EN, "\"Bohr [...] used the stairs [...]\" (Smith 55).",
	       "\"Bohr [...] used the stairs [...]\" (Smith 55).", NULL);
}
END_TEST

START_TEST(tag_lines_and_noise)
{
	precis__units u = units_of(EN, "+\n\nTags:\n\nXi JinpingGaza warKharkiv Region\n"
				       "***\n\xE2\x80\xA2\n---\n");
	ck_assert_uint_eq(u.n, 2);
	ck_assert_uint_eq(u.v[0].start, 3);
	ck_assert_uint_eq(u.v[0].end, 8);
	ck_assert_uint_eq(u.v[0].kind, PRECIS_UNIT_LINE);
	ck_assert_uint_eq(u.v[1].kind, PRECIS_UNIT_LINE);
	ck_assert_uint_eq(u.v[1].paragraph, 1);
	precis__units_free(&u);
}
END_TEST

/* Lossless: noise kept as units of its own kind, omission marks in their
 * sentence, and paragraph numbers as without noise. */
START_TEST(noise_units)
{
	const char *text = "+\n\nTeaser text. [\xE2\x80\xA6]\n\n***\n\nBody. *** More.";
	expect_flags(EN, PRECIS__SEG_KEEP_NOISE, text, "+",
		     "Teaser text. [\xE2\x80\xA6]", "***", "Body.", "***", "More.", NULL);
	expect(EN, text, "Teaser text.", "Body.", "More.", NULL);
	precis__segrules *r = rules_for(EN);
	precis__units u = { 0 }, v = { 0 };
	ck_assert_int_eq(precis__segment(r, text, strlen(text),
					 PRECIS__SEG_KEEP_NOISE, &u, NULL), 0);
	ck_assert_int_eq(precis__segment(r, text, strlen(text), 0, &v, NULL), 0);
	static const int kinds[] = { PRECIS_UNIT_NOISE, PRECIS_UNIT_SENTENCE,
				     PRECIS_UNIT_NOISE, PRECIS_UNIT_SENTENCE,
				     PRECIS_UNIT_NOISE, PRECIS_UNIT_SENTENCE };
	static const size_t paras[] = { 0, 0, 1, 1, 1, 1 };
	for (size_t i = 0; i < 6; i++) {
		ck_assert_int_eq(u.v[i].kind, kinds[i]);
		ck_assert_uint_eq(u.v[i].paragraph, paras[i]);
	}
	ck_assert_uint_eq(u.paragraphs, 2);
	ck_assert_uint_eq(v.paragraphs, 2);
	ck_assert_uint_eq(v.v[1].paragraph, 1);
	precis__units_free(&u);
	precis__units_free(&v);
	precis__segrules_free(r);
}
END_TEST

/* Lines of e-mail and web text run together on one line (UD EWT): a time
 * stamp, a separator, a salutation, an address before a capital end one. */
START_TEST(flattened_lines)
{
	expect(EN, "Kay Mann 04/26/2001 07:17 AM Will you send the draft?",
	       "Kay Mann", "04/26/2001 07:17 AM", "Will you send the draft?", NULL);
	expect(EN, "It was posted at 3/9/2005 11:16:00 PM by the editor.",
	       "It was posted at 3/9/2005 11:16:00 PM by the editor.", NULL);
	expect_flags(EN, PRECIS__SEG_KEEP_NOISE,
		     "He replaced Steffen Graae. *** Bush also nominated Kramer.",
		     "He replaced Steffen Graae.", "***", "Bush also nominated Kramer.",
		     NULL);
	expect(EN, "Fill in: my name is ___ and I live here.",
	       "Fill in: my name is ___ and I live here.", NULL);
	expect(EN, "Call me today. Best regards, Debra Perlingiere",
	       "Call me today.", "Best regards,", "Debra Perlingiere", NULL);
	expect(EN, "Hi, Yes the storage is open. Hi, my name is Al.",
	       "Hi,", "Yes the storage is open.", "Hi, my name is Al.", NULL);
	expect(EN, "Apples, Pears and plums, Grapes too.",
	       "Apples, Pears and plums, Grapes too.", NULL);
	expect(EN, "Email Kevin.Boone@acme.com Our web address is http://acme.com/a.html "
	       "http://acme.com/b.html",
	       "Email Kevin.Boone@acme.com", "Our web address is http://acme.com/a.html",
	       "http://acme.com/b.html", NULL);
	expect(EN, "Write to bob@acme.com for details.",
	       "Write to bob@acme.com for details.", NULL);
}
END_TEST

/* Web text: terminators glued to the next word, "!" after a lower-case
 * word before a lower-case one, emoticons as terminators. */
START_TEST(web_text_terminators)
{
	expect(EN, "I was wondering if they hire foreigners?thanks I tried.",
	       "I was wondering if they hire foreigners?", "thanks I tried.", NULL);
	expect(EN, "Iguazu is NOT a country....Iguazu is in Argentina.",
	       "Iguazu is NOT a country....", "Iguazu is in Argentina.", NULL);
	expect(EN, "See http://www.google.co.uk/search?q=forensic now.",
	       "See http://www.google.co.uk/search?q=forensic now.", NULL);
	expect(EN, "They hate the kids for no reason! cats react to that.",
	       "They hate the kids for no reason!", "cats react to that.", NULL);
	expect(EN, "She works at Yahoo! in sales.", "She works at Yahoo! in sales.",
	       NULL);
	expect(EN, "It was great! :P you get a view. I like it :) Now I know.",
	       "It was great! :P", "you get a view.", "I like it :)", "Now I know.",
	       NULL);
	expect(EN, "Meet me at 10:30 Monday.", "Meet me at 10:30 Monday.", NULL);
}
END_TEST

/* ---- other languages ---------------------------------------------------- */

START_TEST(cjk)
{
	expect("ja", "\xE4\xBB\x8A\xE6\x97\xA5\xE3\x81\xAF\xE6\x99\xB4\xE3\x82\x8C"
		     "\xE3\x80\x82\xE6\x98\x8E\xE6\x97\xA5\xE3\x81\xAF\xE9\x9B\xA8"
		     "\xEF\xBC\x81",   /* 今日は晴れ。明日は雨！ */
	       "\xE4\xBB\x8A\xE6\x97\xA5\xE3\x81\xAF\xE6\x99\xB4\xE3\x82\x8C\xE3\x80\x82",
	       "\xE6\x98\x8E\xE6\x97\xA5\xE3\x81\xAF\xE9\x9B\xA8\xEF\xBC\x81", NULL);
	/* 《好！》好吗？: no boundary inside the title marks. */
	expect("zh", "\xE3\x80\x8A\xE5\xA5\xBD\xEF\xBC\x81\xE3\x80\x8B\xE5\xA5\xBD"
		     "\xE5\x90\x97\xEF\xBC\x9F\xE5\xA5\xBD\xE3\x80\x82",
	       "\xE3\x80\x8A\xE5\xA5\xBD\xEF\xBC\x81\xE3\x80\x8B\xE5\xA5\xBD\xE5\x90\x97"
	       "\xEF\xBC\x9F", "\xE5\xA5\xBD\xE3\x80\x82", NULL);
	/* 父の\n家です。: a line broken after a particle goes on. */
	expect("ja", "\xE7\x88\xB6\xE3\x81\xAE\n\xE5\xAE\xB6\xE3\x81\xA7\xE3\x81\x99"
		     "\xE3\x80\x82",
	       "\xE7\x88\xB6\xE3\x81\xAE\n\xE5\xAE\xB6\xE3\x81\xA7\xE3\x81\x99"
	       "\xE3\x80\x82", NULL);
}
END_TEST

START_TEST(other_scripts)
{
	/* Greek: ; asks, · does not end. */
	expect("el", "\xCE\xA0\xCE\xBF\xCF\x8D; \xCE\x95\xCE\xB4\xCF\x8E.",
	       "\xCE\xA0\xCE\xBF\xCF\x8D;", "\xCE\x95\xCE\xB4\xCF\x8E.", NULL);
	/* Arabic comma: a pair of items is no boundary, the end of a clause is. */
	expect("ar", "\xD8\xA3\xD8\xA8\xD8\xAC\xD8\x8C \xD8\xAF\xD9\x87\xD8\x8C "
		     "\xD9\x87\xD9\x88\xD8\xB2",  /* أبج، ده، هوز */
	       "\xD8\xA3\xD8\xA8\xD8\xAC\xD8\x8C \xD8\xAF\xD9\x87\xD8\x8C",
	       "\xD9\x87\xD9\x88\xD8\xB2", NULL);
	/* Hindi danda; Amharic stops need no space. */
	expect("hi", "\xE0\xA4\x95\xE0\xA4\xAE\xE0\xA4\xB2\xE0\xA5\xA4 "
		     "\xE0\xA4\x9C\xE0\xA4\xB2\xE0\xA5\xA4",
	       "\xE0\xA4\x95\xE0\xA4\xAE\xE0\xA4\xB2\xE0\xA5\xA4",
	       "\xE0\xA4\x9C\xE0\xA4\xB2\xE0\xA5\xA4", NULL);
	expect("am", "\xE1\x88\x80\xE1\x8D\xA2\xE1\x88\x88\xE1\x8D\xA2",
	       "\xE1\x88\x80\xE1\x8D\xA2", "\xE1\x88\x88\xE1\x8D\xA2", NULL);
	/* Slovak: Roman ordinals and month names after ordinals. */
	expect("sk", "Bol to IV. Zjazd dňa 5. Mája. Potom nie.",
	       "Bol to IV. Zjazd dňa 5. Mája.", "Potom nie.", NULL);
}
END_TEST

START_TEST(generic_rules)
{
	expect(NULL, "Hello world. Bye now! \xE5\xA5\xBD\xE3\x80\x82Ok?",
	       "Hello world.", "Bye now!", "\xE5\xA5\xBD\xE3\x80\x82", "Ok?", NULL);
	expect(NULL, "", NULL);
	expect(NULL, " \n\t\r\n", NULL);
}
END_TEST

START_TEST(every_language_parses)
{
	static const char *const langs[] = {
		"am", "ar", "bg", "da", "de", "el", "en", "es", "fa", "fr", "hi",
		"hy", "it", "ja", "kk", "mr", "my", "nl", "pl", "ru", "sk", "ur",
		"zh"
	};
	for (size_t i = 0; i < sizeof langs / sizeof *langs; i++)
		precis__segrules_free(rules_for(langs[i]));
}
END_TEST

START_TEST(bad_rules)
{
	static const char *const bad[] = {
		"[nonsense]\n", "[stops]\nab\n", "Mr.\n", "[pairs]\n( ) ]\n",
		"[options]\nfly\n"
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		precis__segrules *r = (precis__segrules *)1;
		precis_error err;
		int rc = precis__segrules_parse(&r, bad[i], strlen(bad[i]), &err);
		ck_assert_int_eq(rc, PRECIS_ERR_PARSE);
		ck_assert_ptr_null(r);
		ck_assert_uint_gt(err.line, 0);
	}
	precis__segrules *r;
	const char *ok = "# comment\n[title]  # kinds\nMr. Dr.\n[stops]\n. ! ?\n";
	ck_assert_int_eq(precis__segrules_parse(&r, ok, strlen(ok), NULL), 0);
	precis__segrules_free(r);
	precis__segrules_free(NULL);
}
END_TEST

/* ---- folding ------------------------------------------------------------ */

static void expect_fold(const char *in, const char *want)
{
	char out[256];
	size_t n = precis_fold_lines(in, strlen(in), out);
	ck_assert_uint_le(n, strlen(in));
	ck_assert_msg(n == strlen(want) && memcmp(out, want, n) == 0,
		      "fold gave '%.*s', want '%s'", (int)n, out, want);
}

START_TEST(fold_lines)
{
	expect_fold("a\nb", "a b");
	expect_fold("It was a cold \n  night.", "It was a cold night.");
	expect_fold("x\r\ny\r\n\r\nz", "x y z");
	expect_fold("no break  here", "no break  here");
	expect_fold("\xE7\x88\xB6\xE3\x81\xAE\n\xE5\xAE\xB6", /* 父の\n家 */
		    "\xE7\x88\xB6\xE3\x81\xAE\xE5\xAE\xB6");
	expect_fold("\xE7\x88\xB6\nB", "\xE7\x88\xB6 B");
	expect_fold("", "");
	char buf[8] = "a \n b";
	ck_assert_uint_eq(precis_fold_lines(buf, 5, buf), 3); /* in place */
	ck_assert_int_eq(memcmp(buf, "a b", 3), 0);
}
END_TEST

/* ---- robustness --------------------------------------------------------- */

/* `unit` repeated to fill n bytes, NUL-terminated. */
static char *repeat(const char *unit, size_t n)
{
	char *s = malloc(n + 1);
	ck_assert_ptr_nonnull(s);
	size_t k = strlen(unit);
	for (size_t i = 0; i < n; i++)
		s[i] = unit[i % k];
	s[n] = '\0';
	return s;
}

/* Inputs that would make a backtracking splitter quadratic: one long
 * paragraph each, all done in linear time (Check's timeout catches it). */
START_TEST(pathological)
{
	static const char *const units[] = {
		"(", "\"", "a.", "A.b", ". ", "1. ", "a) ", "\xE2\x80\x9C", "x",
		"Mr. ", "U.S. ", "\xE3\x80\x8A", "\xE2\x80\xA2 ", "region.CNN ",
		". . . . ", "[\xE2\x80\xA6] ", "\xD8\x8C ", "u@v.w ", "a@b.\xC3\xA9",
		"http://a.b/c.", "04/26/2001 07:17 AM ", "*** ", "Regards, "
	};
	const size_t n = 256 * 1024;
	precis__segrules *r = rules_for(EN);
	for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
		char *s = repeat(units[i], n);
		precis__units u = { 0 };
		ck_assert_int_eq(precis__segment(r, s, n, 0, &u, NULL), 0);
		for (size_t k = 0; k < u.n; k++)
			ck_assert(u.v[k].start < u.v[k].end && u.v[k].end <= n &&
				  (k == 0 || u.v[k - 1].end <= u.v[k].start));
		precis__units_free(&u);
		free(s);
	}
	precis__segrules_free(r);
}
END_TEST

/* Truncated and stray UTF-8 must not be read past the end. */
START_TEST(bad_bytes)
{
	static const char *const texts[] = {
		"abc\xE2", "\xE2\x80", "A.\xE3\x80", "\xFF\xFE.", "x. \xC3"
	};
	precis__segrules *r = rules_for(EN);
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		precis__units u = { 0 };
		ck_assert_int_eq(precis__segment(r, texts[i], strlen(texts[i]), 0,
						 &u, NULL), 0);
		precis__units_free(&u);
	}
	precis__segrules_free(r);
}
END_TEST

Suite *make_suite(void);

Suite *make_suite(void)
{
	Suite *s = suite_create("segment");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, titles);
	tcase_add_test(tc, abbreviations);
	tcase_add_test(tc, initials);
	tcase_add_test(tc, multi_period);
	tcase_add_test(tc, am_pm);
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, ellipses);
	tcase_add_test(tc, quotes);
	tcase_add_test(tc, quoted_sentences);
	tcase_add_test(tc, question_exclamation_in_quotes);
	tcase_add_test(tc, parentheses);
	tcase_add_test(tc, reference_marks);
	tcase_add_test(tc, abbreviation_forms);
	tcase_add_test(tc, section_numbers);
	tcase_add_test(tc, weak_terminators);
	tcase_add_test(tc, ordinals);
	tcase_add_test(tc, number_before_lower);
	tcase_add_test(tc, postscript);
	tcase_add_test(tc, stray_straight_quote);
	tcase_add_test(tc, sentence_openers);
	tcase_add_test(tc, lists);
	tcase_add_test(tc, urls_emails);
	tcase_add_test(tc, lines_and_paragraphs);
	tcase_add_test(tc, line_breaks);
	tcase_add_test(tc, headlines_and_list_items);
	tcase_add_test(tc, missing_space);
	tcase_add_test(tc, bylines_datelines_captions);
	tcase_add_test(tc, omission_marks);
	tcase_add_test(tc, tag_lines_and_noise);
	tcase_add_test(tc, noise_units);
	tcase_add_test(tc, flattened_lines);
	tcase_add_test(tc, web_text_terminators);
	tcase_add_test(tc, cjk);
	tcase_add_test(tc, other_scripts);
	tcase_add_test(tc, generic_rules);
	tcase_add_test(tc, every_language_parses);
	tcase_add_test(tc, bad_rules);
	tcase_add_test(tc, fold_lines);
	suite_add_tcase(s, tc);
	TCase *big = tcase_create("robustness");
	tcase_set_timeout(big, 60);
	tcase_add_test(big, pathological);
	tcase_add_test(big, bad_bytes);
	suite_add_tcase(s, big);
	return s;
}
