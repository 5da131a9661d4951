package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/reports"
	"github.com/govindex/govindex/scoring"
	"github.com/spf13/cobra"
)

func newArticleCommand(g *globalOptions) *cobra.Command {
	var robust bool
	cmd := &cobra.Command{
		Use:   "article",
		Short: "Print the star-rating article (Markdown)",
		Long: `article scores the index (--config, default: the embedded 2017 edition; --year) and prints a
star-rating article drafted from the results, in Markdown: a title, an overview of the ranking
and the method, a section per region with its stars, score, rank, strongest and weakest
dimensions and the evidence behind them, a note on the method and a list of missing values.

--lang zh (default) writes Chinese, --lang en English (with the regions' name_en). The
templates are Go text/template files embedded in govindex; [report] article_template (Chinese)
and article_template_en (English) in index.toml replace them, paths relative to index.toml.
--out FILE writes the article to a file. The article is always Markdown: --format, if given,
must be md.

When index.toml has an [uncertainty] section, or --robust is given, the uncertainty analysis
of govindex robust runs too (samples from [uncertainty], else 1000; seed from --seed, else
[uncertainty] seed): each rated region's section states in plain words the share of the
samples that gave it its rating, a rating held in fewer than 80% of them is flagged as not
robust (naming the most likely other rating), and the overview counts the robust ratings.

In a project with several years, the article of a year after the first gains a section on
the changes since the previous year (who rose, who fell, whose stars changed) and, in each
region's section, a sentence on its change and its trend over the years.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("format") && g.format != "md" {
				return usagef("leave --format out, or use --format md", "article has no %s format: it is Markdown", g.format)
			}
			return runArticle(cmd.Context(), g, robustChoice(cmd, robust), cmd.Flags().Changed("seed"))
		},
	}
	cmd.Flags().BoolVar(&robust, "robust", false, "add the star confidence from the uncertainty analysis (default: when index.toml has [uncertainty]; --robust=false leaves it out)")
	return cmd
}

// runArticle scores the project for the chosen year and prints the
// article, with the project's own template when it names one and the star
// confidence when the uncertainty analysis runs (see reportRobust).
func runArticle(ctx context.Context, g *globalOptions, robust *bool, seedChanged bool) error {
	p, res, err := scoreProject(ctx, g)
	if err != nil {
		return err
	}
	rr, err := reportRobust(ctx, g, p, robust, seedChanged)
	if err != nil {
		return err
	}
	rep, err := replication(ctx, g, p, res.Year)
	if err != nil {
		return err
	}
	opts := reports.ArticleOptions{Options: reportOptions(g), Robust: rr, Replication: rep}
	inputs := inputFiles(g, p.def)
	if opts.Template, opts.TemplateName, err = articleTemplate(p.def, g.lang); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return emit(g, inputs, func(w io.Writer) error { return writeArticle(w, res, opts) })
}

// writeArticle renders the article; a fault in the project's own template
// is bad input pointing at the template's line.
func writeArticle(w io.Writer, res *scoring.Result, opts reports.ArticleOptions) error {
	if res.Def != nil {
		opts.MaxBytes, opts.MaxSteps = res.Def.Limits.ArticleBytes(), res.Def.Limits.TemplateSteps()
	}
	err := reports.WriteArticle(w, res, opts)
	var le *reports.ArticleLimitError
	if errors.As(err, &le) {
		hint := fmt.Sprintf("check the template's loops; if the article is meant to be this long, raise %s under [limits] in index.toml", le.Key)
		pos := indicators.Pos{File: le.Name, Line: le.Line, Col: le.Col}
		if le.Key == "max_template_steps" {
			return indicators.Errorf(pos, hint, "article template: more than %d loop steps and template calls (max_template_steps)", le.Limit)
		}
		return indicators.Errorf(pos, hint, "article template: the article is longer than %d MB (max_article_mb)", le.Limit>>20)
	}
	var te *reports.ArticleTemplateError
	if errors.As(err, &te) {
		return indicators.Errorf(indicators.Pos{File: te.Name, Line: te.Line, Col: te.Col},
			"fix the template: it is Go text/template over the article's data (see the README's article section)",
			"article template: %s", te.Msg)
	}
	return err
}

// articleTemplate reads the article template [report] names for lang, if
// any: text and the name to show in messages ("" and "" for the embedded
// one).
func articleTemplate(def *indicators.Definition, lang string) (text, name string, err error) {
	key, rel := "article_template", def.Report.ArticleTemplate
	if lang == "en" {
		key, rel = "article_template_en", def.Report.ArticleTemplateEn
	}
	if rel == "" {
		return "", "", nil
	}
	b, shown, err := def.ReadReportFile(key)
	if err != nil {
		return "", "", err
	}
	if !utf8.Valid(b) {
		return "", "", indicators.Errorf(indicators.Pos{File: shown}, "save the template as UTF-8 text",
			"the article template is not UTF-8 text")
	}
	if err := indicators.CheckBidiText(shown, string(b)); err != nil {
		return "", "", err
	}
	return string(b), shown, nil
}
