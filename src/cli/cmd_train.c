/*
 * cmd_train.c - `precis train DATASET.jsonl... -o MODEL`: fit the learned
 * scorer to reference summaries (precis_trainer) and print its
 * cross-validated ROUGE beside Lead-N and the oracle.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/cmd.h"
#include "cli/dataset.h"
#include "cli/error.h"
#include "cli/io.h"
#include "cli/sumopts.h"

static const char usage_text[] =
	"Usage: precis train [OPTIONS] DATASET.jsonl... -o MODEL\n"
	"Fit the learned scorer (-m learned) to the references of DATASET ({\"id\",\n"
	"\"article\", \"references\": [...], \"title\"?} per line): every sentence\n"
	"the greedy oracle picks under the budget is a positive, and a regularized\n"
	"linear model of the sentences' features is fitted to them. The L2 strength\n"
	"is chosen by k-fold cross-validation over the articles (ROUGE-1 + 2 + L F\n"
	"of the held-out summaries, made as summarize makes them), and the report\n"
	"prints that ROUGE beside Lead-N and the oracle on the same articles. With\n"
	"--bundle each DATASET trains its own model and a choice among them from\n"
	"document features is fitted too. The same data and options give the same\n"
	"model, byte for byte. Use the model with --model MODEL.\n"
	"\n";

typedef struct train_args {
	sumopts s;
	const char *output, *features, *names, *doc_features;
	int strict, nostem, unicode, bundle, loss, no_prior, by_group;
	size_t limit_words, limit_bytes, folds, nl2;
	double l2[PRECIS_TRAIN_MAX_L2];
} train_args;

enum { OPT_LOSS = 256, OPT_FOLDS, OPT_L2, OPT_FEATURES, OPT_BUNDLE, OPT_NAMES,
       OPT_LIMIT_WORDS, OPT_LIMIT_BYTES, OPT_NO_STEM, OPT_TOKENIZE, OPT_STRICT,
       OPT_LIST_FEATURES, OPT_NO_PRIOR, OPT_CHOICE, OPT_DOC_FEATURES };

static const cli_opt own_opts[] = {
	CLI_TEXT("Training:\n"),
	{ 'o', 'o', "output", "MODEL", "write the model to MODEL ('-': standard output,\n"
				       "the report then goes to standard error)" },
	{ OPT_LOSS, 0, "loss", "LOSS", "logistic (oracle sentences 1, others 0), pairwise\n"
				       "(oracle sentences above the others) or auto\n"
				       "(default: the better of the two by CV)" },
	{ OPT_FOLDS, 0, "folds", "K", "folds of the cross-validation (default 5)" },
	{ OPT_L2, 0, "l2", "L1,L2...", "L2 strengths to choose from (default\n"
				       "0.001,0.01,0.1,1)" },
	{ OPT_FEATURES, 0, "features", "F1,F2...", "use only these features (default all;\n"
						   "see --list-features)" },
	{ OPT_LIST_FEATURES, 0, "list-features", NULL, "list the features and exit" },
	{ OPT_NO_PRIOR, 0, "no-lead-prior", NULL, "do not pull the model toward Lead (the prior's\n"
						   "weight is otherwise chosen by CV)" },
	{ OPT_BUNDLE, 0, "bundle", NULL, "one model per DATASET and a choice among them" },
	{ OPT_CHOICE, 0, "choice", "HOW", "what the bundle's choice learns: better (default:\n"
					 "the model that summarizes the article better)\n"
					 "or genre (the DATASET the article came from)" },
	{ OPT_DOC_FEATURES, 0, "doc-features", "F1,F2...", "the document features the choice\n"
							   "reads (default all; see --list-features)" },
	{ OPT_NAMES, 0, "names", "N1,N2...", "the models' names, one per DATASET with\n"
					     "--bundle (default learned; g0,g1...)" },
	CLI_TEXT("Labels and ROUGE:\n"),
	{ OPT_LIMIT_WORDS, 0, "limit-words", "N",
	  "score the first N words of each summary (ROUGE -l)" },
	{ OPT_LIMIT_BYTES, 0, "limit-bytes", "N",
	  "score the first N bytes of each summary (ROUGE -b)" },
	{ OPT_NO_STEM, 0, "no-stem", NULL, "score without stemming" },
	{ OPT_TOKENIZE, 0, "tokenize", "MODE", "ROUGE tokens: rouge155 (default) or unicode" },
	{ OPT_STRICT, 0, "strict", NULL, "stop at the first bad record instead of skipping it" },
	CLI_END
};

static const cli_opt *const tables[] = { sumopts_options, own_opts, NULL };

static const cli_command command = {
	"train", usage_text, tables,
	"\nExit status: 0 ok, 1 runtime or I/O error, 2 usage error, 3 invalid input.\n"
};

static void list_features(void)
{
	static const char *const help[] = {
		"first sentence (of those that may be picked)", "second sentence",
		"third sentence", "1 / (1 + rank)", "rank / (sentences - 1)",
		"opens a paragraph", "cosine with the tf-idf centroid",
		"centroid cosine as a rank (1 best, 0 worst)",
		"LexRank score, mean 1", "LexRank score as a rank",
		"TextRank score, mean 1", "TextRank score as a rank",
		"fraction of the headline's terms", "words / 25",
		"max(0, words / 25 - 1)", "max(0, 1 - words / 10)",
		"1 - max cosine with the 20 sentences before",
		"mean term frequency in the document, scaled",
		"sum of term frequencies as a rank", "holds a quotation mark",
		"holds a digit", "ends with '?'",
	};
	static const char *const dhelp[] = {
		"ln(1 + sentences)", "mean words per sentence / 25",
		"centroid rank of the first sentence", "headline overlap of the first sentence",
		"has a headline", "mean / max LexRank score", "share of sentences with a digit",
		"words of the first sentence / 25", "TextRank rank of the first sentence",
	};
	const char *name;
	printf("Sentence features (--features):\n");
	for (size_t i = 0; (name = precis_train_feature(i)) != NULL; i++)
		printf("  %-18s  %s\n", name, i < sizeof help / sizeof *help ? help[i] : "");
	printf("Document features (--doc-features, a bundle's choice):\n");
	for (size_t i = 0; (name = precis_train_doc_feature(i)) != NULL; i++)
		printf("  %-18s  %s\n", name, i < sizeof dhelp / sizeof *dhelp ? dhelp[i] : "");
}

static int parse_l2(train_args *a, const char *arg)
{
	a->nl2 = 0;
	for (const char *p = arg; *p;) {
		size_t len = strcspn(p, ",");
		char buf[64];
		double v;
		if (len == 0 || len >= sizeof buf || a->nl2 == PRECIS_TRAIN_MAX_L2)
			return cli_usage_error("train", "bad L2 list '%s'", arg);
		memcpy(buf, p, len);
		buf[len] = '\0';
		if (args_double(buf, &v) != 0 || !(v >= 0 && v <= 1e6))
			return cli_usage_error("train", "bad L2 strength '%s' (0 to 1e6)", buf);
		a->l2[a->nl2++] = v;
		p += len + (p[len] == ',');
	}
	return a->nl2 ? 0 : cli_usage_error("train", "bad L2 list '%s'", arg);
}

static int own_option(void *payload, int c, const char *arg)
{
	train_args *a = payload;
	switch (c) {
	case 'o': a->output = arg; return 0;
	case OPT_FEATURES: a->features = arg; return 0;
	case OPT_NAMES: a->names = arg; return 0;
	case OPT_DOC_FEATURES: a->doc_features = arg; return 0;
	case OPT_BUNDLE: a->bundle = 1; return 0;
	case OPT_NO_PRIOR: a->no_prior = 1; return 0;
	case OPT_CHOICE:
		if (strcmp(arg, "better") != 0 && strcmp(arg, "genre") != 0)
			return cli_usage_error("train", "unknown choice '%s' (better, genre)", arg);
		a->by_group = strcmp(arg, "genre") == 0;
		return 0;
	case OPT_STRICT: a->strict = 1; return 0;
	case OPT_NO_STEM: a->nostem = 1; return 0;
	case OPT_LIST_FEATURES: list_features(); return CLI_DONE;
	case OPT_L2: return parse_l2(a, arg);
	case OPT_LOSS:
		if (strcmp(arg, "logistic") == 0)
			a->loss = PRECIS_TRAIN_LOGISTIC;
		else if (strcmp(arg, "pairwise") == 0)
			a->loss = PRECIS_TRAIN_PAIRWISE;
		else if (strcmp(arg, "auto") == 0)
			a->loss = PRECIS_TRAIN_AUTO;
		else
			return cli_usage_error("train", "unknown loss '%s' (logistic, pairwise, auto)", arg);
		return 0;
	case OPT_TOKENIZE:
		if (strcmp(arg, "rouge155") != 0 && strcmp(arg, "unicode") != 0)
			return cli_usage_error("train", "unknown tokenizer '%s' (rouge155, unicode)", arg);
		a->unicode = strcmp(arg, "unicode") == 0;
		return 0;
	case OPT_FOLDS:
		if (args_size(arg, 2, 1000, &a->folds) != 0)
			return cli_usage_error("train", "invalid fold count '%s' (2 to 1000)", arg);
		return 0;
	case OPT_LIMIT_WORDS:
		if (args_size(arg, 1, 1000000, &a->limit_words) != 0)
			return cli_usage_error("train", "invalid word limit '%s'", arg);
		return 0;
	case OPT_LIMIT_BYTES:
		if (args_size(arg, 1, 100000000, &a->limit_bytes) != 0)
			return cli_usage_error("train", "invalid byte limit '%s'", arg);
		return 0;
	default: return cli_usage_error("train", "invalid option");
	}
}

static void rouge_options(const train_args *a, precis_rouge_options *o)
{
	precis_rouge_options_init(o);
	o->stem = !a->nostem;
	o->limit_words = a->limit_words;
	o->limit_bytes = a->limit_bytes;
	if (a->unicode) {
		o->tokenizer = PRECIS_ROUGE_TOKENIZE_UNICODE;
		o->language = a->s.language;
	}
}

/* The data sets and their documents, kept until the fit. */
typedef struct corpus {
	dataset *ds;
	precis_doc ***docs; /* per data set, per record */
	size_t nds;
} corpus;

static void corpus_free(corpus *c)
{
	for (size_t k = 0; k < c->nds; k++) {
		for (size_t i = 0; c->docs && c->docs[k] && i < c->ds[k].n; i++)
			precis_doc_free(c->docs[k][i]);
		if (c->docs)
			free(c->docs[k]);
		dataset_free(&c->ds[k]);
	}
	free(c->docs);
	free(c->ds);
}

/* Adds every record of data set k; a bad record is reported and skipped
 * (with --strict, it stops the training). */
static int add_dataset(const train_args *a, corpus *c, size_t k, const char *path,
		       precis_ctx *ctx, precis_trainer *t, size_t *added)
{
	dataset *ds = &c->ds[k];
	if ((c->docs[k] = calloc(ds->n ? ds->n : 1, sizeof(precis_doc *))) == NULL)
		return cli_fail(EXIT_RUNTIME, "out of memory");
	for (size_t i = 0; i < ds->n; i++) {
		const record *r = &ds->v[i];
		precis_error err;
		int rc = precis_doc_new(&c->docs[k][i], ctx, r->article, r->article_len,
					r->title, a->s.flags, &err);
		if (rc == 0)
			rc = precis_trainer_add(t, c->docs[k][i], (const char *const *)r->refs,
						r->ref_lens, r->nrefs, a->bundle ? k : 0, &err);
		if (rc == PRECIS_ERR_NOMEM)
			return cli_fail(EXIT_RUNTIME, "out of memory");
		if (rc != 0) {
			int code = cli_fail_in(EXIT_INPUT, io_display_name(path), "line %zu: %s",
					       r->line, err.message);
			if (a->strict)
				return code;
			continue;
		}
		(*added)++;
	}
	return 0;
}

static void print_row(FILE *fp, const char *name, const precis_train_rouge *r)
{
	fprintf(fp, "%-24s %7.2f %7.2f %7.2f\n", name, 100 * r->r1, 100 * r->r2, 100 * r->rl);
}

static void print_report(const train_args *a, const precis_model *m,
			 const precis_train_report *r, FILE *fp)
{
	fprintf(fp, "precis train: %zu articles, %zu sentences, %zu oracle labels; ",
		r->documents, r->units, r->positives);
	if (a->s.opts.words)
		fprintf(fp, "%zu words", a->s.opts.words);
	else if (a->s.opts.bytes)
		fprintf(fp, "%zu bytes", a->s.opts.bytes);
	else if (a->s.opts.ratio > 0)
		fprintf(fp, "ratio %g", a->s.opts.ratio);
	else
		fprintf(fp, "%zu sentence%s", a->s.opts.sentences ? a->s.opts.sentences : 3,
			a->s.opts.sentences == 1 ? "" : "s");
	fprintf(fp, "; %zu-fold CV, ROUGE F1 x 100 (mean over articles)\n\n",
		a->folds ? a->folds : 5);
	fprintf(fp, "%-24s %7s %7s %7s\n", "system", "R-1", "R-2", "R-L");
	for (size_t l = 0; l < r->ncand; l++) {
		char name[64];
		snprintf(name, sizeof name, "%s l2=%g%s",
			 r->loss[l] == PRECIS_TRAIN_PAIRWISE ? "pairwise" : "logistic", r->l2[l],
			 precis_model_count(m) == 1 && l == r->best[0] ? " *" : "");
		print_row(fp, name, &r->cv[l]);
	}
	print_row(fp, precis_model_count(m) > 1 ? "bundle (CV choice)" : "learned (CV, final)",
		  &r->choice);
	for (size_t g = 0; g < precis_model_count(m); g++) {
		size_t b = r->best[g];
		fprintf(fp, "  %s: %s, l2 %g, lead prior ", precis_model_name(m, g),
			r->loss[b] == PRECIS_TRAIN_PAIRWISE ? "pairwise" : "logistic", r->l2[b]);
		if (r->prior[g] > 1e300)
			fprintf(fp, "Lead itself");
		else
			fprintf(fp, "%g", r->prior[g]);
		fprintf(fp, ", %zu articles (CV choice)\n", r->chosen[g]);
	}
	for (size_t g = 0; precis_model_count(m) > 1 && g < precis_model_count(m); g++) {
		char name[64];
		snprintf(name, sizeof name, "%s's %zu articles", precis_model_name(m, g), r->group_docs[g]);
		print_row(fp, name, &r->group_choice[g]);
		fprintf(fp, "  %zu to %s; their lead:", r->group_right[g], precis_model_name(m, g));
		fprintf(fp, " %.2f %.2f %.2f\n", 100 * r->group_lead[g].r1,
			100 * r->group_lead[g].r2, 100 * r->group_lead[g].rl);
	}
	print_row(fp, "lead", &r->lead);
	print_row(fp, "oracle", &r->oracle);
}

/* The command line, as the model's provenance: no date, and not where the
 * model was written, so the same data and options give the same bytes. */
static int add_notes(precis_model *m, int argc, char **argv)
{
	size_t len = 64;
	for (int i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	char *s = malloc(len);
	if (s == NULL)
		return cli_fail(EXIT_RUNTIME, "out of memory");
	size_t n = (size_t)snprintf(s, len, "trained by precis %s: precis", precis_version());
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) {
			i++;
			continue;
		}
		if (strncmp(argv[i], "-o", 2) == 0 || strncmp(argv[i], "--output=", 9) == 0)
			continue;
		/* No line breaks: a note is one comment line. */
		s[n++] = ' ';
		for (const char *p = argv[i]; *p; p++)
			s[n++] = *p == '\n' ? ' ' : *p;
	}
	s[n] = '\0';
	precis_error err;
	int rc = precis_model_note(m, s, &err) != 0 ? cli_fail_lib(NULL, &err) : 0;
	free(s);
	return rc;
}

static int write_model(const train_args *a, const precis_model *m)
{
	io_out out;
	precis_error err;
	int rc = io_out_open(&out, a->output);
	if (rc != 0)
		return rc;
	if (precis_model_write(m, io_write_file, out.fp, &err) != 0) {
		io_out_abort(&out);
		return cli_fail_lib(a->output, &err);
	}
	return io_out_commit(&out);
}

static int fit(const train_args *a, precis_trainer *t, int argc, char **argv)
{
	precis_train_options o = PRECIS_TRAIN_OPTIONS_INIT;
	precis_train_report r;
	precis_model *m = NULL;
	precis_error err;
	o.loss = a->loss;
	o.folds = a->folds;
	o.l2 = a->nl2 ? a->l2 : NULL;
	o.nl2 = a->nl2;
	o.features = a->features;
	o.names = a->names;
	o.no_prior = a->no_prior;
	o.gate_by_group = a->by_group;
	o.doc_features = a->doc_features;
	if (precis_trainer_fit(t, &o, &m, &r, &err) != 0)
		return err.code == PRECIS_ERR_ARG ? cli_usage_error("train", "%s", err.message)
						  : cli_fail_lib(NULL, &err);
	int rc = add_notes(m, argc, argv);
	if (rc == 0)
		rc = write_model(a, m);
	if (rc == 0) {
		int to_stdout = strcmp(a->output, "-") == 0;
		print_report(a, m, &r, to_stdout ? stderr : stdout);
	}
	precis_model_free(m);
	return rc;
}

static int train(const train_args *a, int argc, char **argv, int first)
{
	precis_ctx *ctx;
	precis_idf *idf;
	precis_trainer *t = NULL;
	precis_rouge_options ro;
	precis_error err;
	corpus c = { calloc((size_t)(argc - first), sizeof(dataset)),
		     calloc((size_t)(argc - first), sizeof(precis_doc **)), 0 };
	sumopts s = a->s;
	int rc = sumopts_context(&s, "train", &ctx, &idf);
	if (rc != 0)
		return rc;
	rouge_options(a, &ro);
	if (c.ds == NULL || c.docs == NULL)
		rc = cli_fail(EXIT_RUNTIME, "out of memory");
	else if (precis_trainer_new(&t, ctx, &ro, &a->s.opts, &err) != 0)
		rc = cli_fail_lib(NULL, &err);
	size_t added = 0;
	for (int k = first; rc == 0 && k < argc; k++) {
		rc = dataset_load(&c.ds[c.nds++], argv[k], a->strict);
		if (rc == 0)
			rc = add_dataset(a, &c, c.nds - 1, argv[k], ctx, t, &added);
	}
	if (rc == 0 && added == 0)
		rc = cli_fail_in(EXIT_INPUT, io_display_name(argv[first]), "no usable records");
	if (rc == 0)
		rc = fit(a, t, argc, argv);
	precis_trainer_free(t);
	corpus_free(&c);
	precis_ctx_free(ctx);
	precis_idf_free(idf);
	sumopts_free(&s);
	return rc;
}

int cmd_train(int argc, char **argv)
{
	train_args a;
	memset(&a, 0, sizeof a);
	sumopts_init(&a.s);
	int done, first;
	int rc = sumopts_parse(&a.s, &command, argc, argv, own_option, &a, &done, &first);
	if (rc != 0 || done)
		return rc;
	if (argc - first < 1)
		return cli_usage_error("train", "expected DATASET.jsonl");
	if (a.output == NULL)
		return cli_usage_error("train", "-o MODEL is required");
	if (a.s.opts.method != NULL || a.s.model_path != NULL)
		return cli_usage_error("train", "-m and --model do not apply to train");
	if (a.limit_words && a.limit_bytes)
		return cli_usage_error("train", "--limit-words and --limit-bytes exclude each other");
	if (a.names != NULL && !a.bundle)
		return cli_usage_error("train", "--names goes with --bundle");
	return train(&a, argc, argv, first);
}
