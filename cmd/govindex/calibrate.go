package main

import (
	"context"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/reports"
	"github.com/govindex/govindex/scoring"
)

func newCalibrateCommand(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "calibrate",
		Short: "Replication: which declared schemes reproduce a published rating, the recommended one, where the cut-offs may lie",
		Long: `calibrate rebuilds a published rating from partial information. index.toml names what the
publication said and the schemes that are plausible:

  [published]
  file = "published.csv"        # region,stars,rank,score — any of the last three; blank = unknown;
                                # stars may be a range such as 1-4
  # score_tolerance = 0.005     # default: half a unit of the last decimal published in each cell

  [calibrate]                   # alternatives, the preferred first; every combination is a candidate
  normalise = ["fracmax", "minmax", "prank"]
  weights = ["equal", "entropy"]
  missing_dimension = ["renormalise", "zero", "unrated"]
  complete = [false, true]      # evidence sources: no record means 0
  thresholds = [[20, 40, 60, 80], [25, 50, 75, 90]]
  # any [scoring] key, stars (the star methods), thresholds, classes, labels; max_candidates = 100000

Every candidate is scored on the year rated (--year) and compared with the publication:
stars matched (a published rating or range), ranks matched, Kendall tau-b between the
published and computed ranks, and the score RMSE. A candidate is consistent when every
published figure is matched. The recommended scheme is the consistent one with the fewest
settings different from index.toml, ties to the earlier alternatives; with none consistent,
the best-agreeing one, with what it gets wrong. The output also says, for each setting,
which values the consistent schemes take, and, under the recommended scheme, where each
star threshold may lie and still reproduce the published stars.

--format table (default) or md for people, csv (one row per candidate), json (the
contract), toml (the recommended [scoring] and [stars], ready to paste). A publication
that no candidate reproduces is a result (exit 0), not an error.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runCalibrate(cmd.Context(), g) },
	}
}

// runCalibrate loads the project and its published figures, scores every
// candidate and prints the replication.
func runCalibrate(ctx context.Context, g *globalOptions) error {
	if err := noXLSX(g, "calibrate"); err != nil {
		return err
	}
	p, err := loadProject(g)
	if err != nil {
		return err
	}
	if errs := scoring.CheckCalibrate(p.def); len(errs) > 0 {
		return errs
	}
	year, err := p.year(g)
	if err != nil {
		return err
	}
	pub, err := indicators.LoadPublished(p.def, p.ds.Regions, g.encoding)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	res, err := scoring.Calibrate(ctx, p.def, p.ds, year, pub, scoring.CalibrateOptions{
		Data: func(def *indicators.Definition) (*indicators.Dataset, error) {
			return indicators.LoadData(def, g.encoding)
		},
	})
	if err != nil {
		return err
	}
	inputs := inputFiles(g, p.def)
	if g.config != "" && p.def.Published != nil && !filepath.IsAbs(p.def.Published.File) {
		inputs = append(inputs, filepath.Join(filepath.Dir(g.config), p.def.Published.File))
	}
	return emit(g, inputs, func(w io.Writer) error {
		return reports.WriteCalibrate(w, g.format, res, reportOptions(g))
	})
}

// replication calibrates the project for the article when index.toml
// declares what was published and the schemes to search ([published] and
// [calibrate]); nil otherwise.
func replication(ctx context.Context, g *globalOptions, p *project, year int) (*scoring.CalibrateResult, error) {
	if p.def.Published == nil || p.def.Calibrate == nil || (p.def.Index.Year != 0 && year != p.def.Index.Year) {
		// The publication is of [index] year: other years say nothing of it.
		return nil, nil
	}
	pub, err := indicators.LoadPublished(p.def, p.ds.Regions, g.encoding)
	if err != nil {
		return nil, err
	}
	return scoring.Calibrate(ctx, p.def, p.ds, year, pub, scoring.CalibrateOptions{
		Data: func(def *indicators.Definition) (*indicators.Dataset, error) {
			return indicators.LoadData(def, g.encoding)
		},
	})
}

func init() {
	helpZh["govindex calibrate"] = helpText{
		short: "复现校准：哪些事先声明的方案能复现已发布的评级、推荐哪一个、各星级阈值可取的区间",
		long: `calibrate 依据不完整的信息重建已发布的评级。index.toml 写明发布了什么，以及哪些方案是合理的：

  [published]
  file = "published.csv"        # region,stars,rank,score——后三列任选；空白表示不知道；
                                # 星级可以是范围，如 1-4
  # score_tolerance = 0.005     # 默认：每格所发布数值最后一位的半个单位

  [calibrate]                   # 备选值，靠前的优先；每种组合是一个候选方案
  normalise = ["fracmax", "minmax", "prank"]
  weights = ["equal", "entropy"]
  missing_dimension = ["renormalise", "zero", "unrated"]
  complete = [false, true]      # 证据来源：没有记录即为 0
  thresholds = [[20, 40, 60, 80], [25, 50, 75, 90]]
  # 任何 [scoring] 键，stars（星级方法）、thresholds、classes、labels；max_candidates = 100000

每个候选方案都按评价年份（--year）计算，并与发布结果比较：星级相符（发布的星级或范围）、排名相符、
发布排名与计算排名的 Kendall tau-b，以及得分均方根误差。与所有发布数值都相符的方案为“一致”。
推荐方案是一致方案中与 index.toml 设置差别最少的一个（相同时取靠前的备选值）；没有一致方案时，
取最接近的方案，并列出它与发布结果不符之处。输出还给出每项设置在一致方案中的取值，以及推荐方案下
每个星级阈值在什么区间内仍能复现发布的星级。

--format table（默认）或 md 供阅读，csv（每个候选方案一行），json（约定格式），toml（推荐的
[scoring] 与 [stars]，可直接粘贴）。没有方案能复现发布结果也是一种结果（退出码 0），不是错误。`,
	}
}
