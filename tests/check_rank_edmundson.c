/*
 * check_rank_edmundson.c - each of Edmundson's features alone decides, on
 * documents where only that feature tells the sentences apart.
 */
#include "methodutil.h"

/* Only one feature keeps a non-zero weight. */
static void only(precis_param keep)
{
	static const precis_param all[] = {
		PRECIS_PARAM_EDMUNDSON_CUE, PRECIS_PARAM_EDMUNDSON_KEY,
		PRECIS_PARAM_EDMUNDSON_TITLE, PRECIS_PARAM_EDMUNDSON_LOCATION
	};
	for (size_t i = 0; i < 4; i++)
		mu_set(all[i], all[i] == keep ? 1.0 : 0.0);
}

START_TEST(test_cue_bonus_and_stigma)
{
	const char *t = "The minister perhaps visited the factory on Monday.\n"
			"The minister visited the factory on Monday morning.\n"
			"The minister made a significant visit to the factory.\n";
	double sc[8];
	only(PRECIS_PARAM_EDMUNDSON_CUE);
	mu_scores(t, "edmundson", sc, 8);
	ck_assert(sc[2] > sc[1]); /* "significant" is a bonus word */
	ck_assert(sc[1] > sc[0]); /* "perhaps" is a stigma word */
	ck_assert(sc[0] < 0.0);
}
END_TEST

START_TEST(test_cue_stems)
{
	/* The list says "announce"; the text says "announced". */
	const char *t = "The company announced its new factory near the river.\n"
			"The company built its new factory near the river.\n";
	char got[16];
	only(PRECIS_PARAM_EDMUNDSON_CUE);
	mu_picks(t, "edmundson", 1, got, sizeof got);
	ck_assert_str_eq(got, "0");
}
END_TEST

START_TEST(test_title)
{
	const char *t = "Storm Floods Coastal Villages\n\n"
			"The council met to discuss parking fees in the centre.\n"
			"A storm flooded three coastal villages overnight.\n"
			"Tickets for the concert sold out within an hour.\n";
	char got[16];
	only(PRECIS_PARAM_EDMUNDSON_TITLE);
	mu_picks(t, "edmundson", 1, got, sizeof got);
	ck_assert_str_eq(got, "2"); /* unit 0 is the headline */
}
END_TEST

START_TEST(test_location)
{
	/* Three paragraphs of three sentences: the middle of the middle
	 * paragraph has none of the ordinal features. */
	const char *t = "One alpha sentence opens the first paragraph here.\n"
			"One beta sentence sits inside the first paragraph.\n"
			"One gamma sentence closes the first paragraph here.\n\n"
			"Two alpha sentence opens the middle paragraph here.\n"
			"Two beta sentence sits inside the middle paragraph.\n"
			"Two gamma sentence closes the middle paragraph here.\n\n"
			"Three alpha sentence opens the last paragraph here.\n"
			"Three beta sentence sits inside the last paragraph.\n"
			"Three gamma sentence closes the last paragraph here.\n";
	double sc[16];
	only(PRECIS_PARAM_EDMUNDSON_LOCATION);
	ck_assert_uint_eq(mu_scores(t, "edmundson", sc, 16), 9);
	ck_assert(sc[4] == 0.0);
	ck_assert(sc[0] == 1.0 && sc[2] == 1.0 && sc[6] == 1.0 && sc[8] == 1.0);
	ck_assert(sc[3] == 0.5 && sc[5] == 0.5 && sc[1] == 0.5 && sc[7] == 0.5);
}
END_TEST

START_TEST(test_key)
{
	const char *t = "Rivers and canals carry barges through the region.\n"
			"Farmers sell cheese at the market every Saturday.\n"
			"The canals and rivers freeze in the coldest winters.\n"
			"Barges on the rivers and canals carry grain; "
			"barges carry coal.\n";
	char got[16];
	only(PRECIS_PARAM_EDMUNDSON_KEY);
	mu_picks(t, "edmundson", 1, got, sizeof got);
	ck_assert_str_eq(got, "3");
}
END_TEST

Suite *make_suite(void)
{
	Suite *s = suite_create("rank_edmundson");
	TCase *tc = tcase_create("edmundson");
	tcase_add_checked_fixture(tc, mu_setup, mu_teardown);
	tcase_add_test(tc, test_cue_bonus_and_stigma);
	tcase_add_test(tc, test_cue_stems);
	tcase_add_test(tc, test_title);
	tcase_add_test(tc, test_location);
	tcase_add_test(tc, test_key);
	suite_add_tcase(s, tc);
	return s;
}
