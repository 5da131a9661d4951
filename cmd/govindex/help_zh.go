package main

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/govindex/govindex/indicators"
)

// The Chinese of the command line's help (--help, govindex help): cobra's
// Short, Long and Example of every command, the usage of every flag and
// the usage template's headings. The English stays in the command files;
// localizeHelp puts the Chinese in its place unless --lang en is given.

// helpText is the Chinese help of one command: Short, Long and Example as
// cobra shows them, and the usages of its own flags (not the global ones,
// nor cobra's -h/--help and -v/--version, whose usages zhFlagUsage makes).
type helpText struct {
	short, long, example string
	flags                map[string]string
}

// helpZh holds the Chinese help per command path, cobra's own help and
// completion commands included.
var helpZh = map[string]helpText{
	"govindex": {
		short: "政府数据融合共享应用指数：评分、星级评定与报告",
		long: `govindex 用于构建政府数据融合共享应用指数：按指数定义（index.toml）为各地区评分，
评定 1–5 星，并生成报告。不带命令运行时，对内置的 2017 版进行评分和星级评定。`,
	},

	"govindex rate": {
		short: "为各地区评分并评定星级，输出带星级的排名",
		long: `rate 按指数定义（--config，默认为内置的 2017 版）为每个地区评分、排名并评定星级。
--format 可选 table、csv、json 或 md。

在含多个年份的项目中（index.toml 设有 [index] years，或数据涵盖多个年份），排名还会给出
各地区较上一年的变化——得分、名次（↑ 上升，↓ 下降，上一年未评级的标为“新”）和星级——
以及多年来的趋势（年均变化，单位为分/年，和复合年增长率，见 csv 和 json），并用一行说明
各年得分可以跨年比较（[scoring] comparable = "pooled"，固定 goalposts），还是每年分别
标准化（"separate"）。

--years SPEC 改为输出面板：每个地区一行，按最近一年的名次排序，列出每年的得分、名次、
星级以及趋势。SPEC 可以是 "all"（[index] years，未设置时为所有有数据的年份）、
2015-2017 这样的区间，或 2015,2017 这样的列表。`,
		flags: map[string]string{
			"years": "对多个年份评级并输出面板：all、区间 2015-2017 或列表 2015,2017",
		},
	},

	"govindex validate": {
		short: "检查指数定义及其数据，列出所有问题",
		long: `validate 读取指数定义（--config）及其引用的所有文件，列出发现的每一处问题，
并注明文件、行号和列号。只要有问题，退出状态即为 2。它还会逐一注明 index.toml 中通向项目文件夹
之外的路径（绝对路径、含 ".." 的路径或经由符号链接的路径）及其实际指向的文件：否则，来自别处的项目
可能把本机的任何文件带进报告。`,
	},

	"govindex init": {
		short: "新建一个指数项目（index.toml、地区表、数据模板），作为起点",
		long: `init 在 DIR 中写出一个小而完整、可以直接运行的指数项目：带注释的 index.toml、
regions.csv，以及填有示例数值（待替换）的 data.csv。DIR 必须是新的或空的文件夹。`,
	},

	"govindex audit": {
		short: "统计审计：指标统计量及标记、相关分析、Cronbach α 系数、主成分分析",
		long: `audit 对指数评分（--config，默认为内置的 2017 版；--year），并按 OECD/JRC《综合指标
构建手册》的做法，在已评级地区上对其进行审计：

  - 每个指标，基于去分母、插补与异常值处理之后，方向调整与标准化之前的值：n、覆盖率、
    最小值、最大值、均值、中位数、样本标准差、样本校正偏度与超额峰度、零值占比；标记
    low_availability（覆盖率低于已评级地区的 65%）、outliers（|偏度| >= 2 且峰度 >= 3.5）、
    many_zeros（至少 50% 的值为 0）和 constant（标准差 = 0）；
  - 指标之间的 Pearson、Spearman（并列取平均秩）和 Kendall tau-b 相关系数，基于方向调整
    后的值（均为越高越好）和两两完整观测（至少 3 对）；每个指标与所属维度及总指数的
    Pearson r（标准化值对得分）；标记的指标对：collinear（|r| > 0.9）和
    negative_within_dimension（同一维度内 r < 0）；
  - 全部指标及各维度的 Cronbach α：标准化 α（由指标间平均相关系数计算）和原始 α（基于
    标准化后的值，仅用各指标均有数据的地区）；每个指标在标准化值上的校正项总相关，以及
    删除该指标后的标准化 α；
  - 对两两 Pearson 相关矩阵做主成分分析：特征值及其解释比例。

--format table（默认）或 md 以表格输出各部分；json 给出约定的键 "index"、"indicators"、
"correlations"、"cronbach_alpha" 和 "pca"（无法计算的统计量为 null，解释比例为 0 到 1
之间的小数）。审计没有 csv 形式：--format csv 会被拒绝。`,
	},

	"govindex collect": {
		short: "对证据文件运行采集器，输出附带数据出处的指标表",
		long: `collect 读取 [[source]] 下声明的证据文件（policies、catalogs、platforms、collaborations），
按各来源的 as_of 日期把它们计数为指标数值，然后输出完整的指标表——观测值表中的数值和采集
得到的数值——并附上每个数值的出处：其背后的证据行（file:row）或数据目录中的数据集（file#id）。

--format csv（或 table）输出长表格式 region,year,indicator,value,source，govindex 可以把它
作为观测值表读回；--format json 输出由同样字段组成的对象列表，另加地区名称。`,
	},

	"govindex article": {
		short: "输出星级评定文章（Markdown）",
		long: `article 对指数评分（--config，默认为内置的 2017 版；--year），并根据结果起草一篇星级评定
文章，以 Markdown 输出：标题，排名与方法概述，每个地区一节（星级、得分、名次、最强和最弱的
维度及其依据），方法说明，以及缺失值清单。

--lang zh（默认）写中文，--lang en 写英文（使用各地区的 name_en）。文章模板是内嵌在
govindex 中的 Go text/template 文件；index.toml 中的 [report] article_template（中文）和
article_template_en（英文）可以替换它们，路径相对于 index.toml。--out FILE 把文章写入文件。
文章总是 Markdown：如果给出 --format，只能是 md。

index.toml 有 [uncertainty] 一节或给出 --robust 时，还会运行 govindex robust 的不确定性分析
（样本数取 [uncertainty] 的设置，否则为 1000；随机种子取 --seed，否则取 [uncertainty] seed）：
每个已评级地区的一节用平实的话说明给出其星级的样本占比；在不足 80% 的样本中保持的星级标为
不够稳健（并指出最可能的另一个星级），概述中则统计有多少个星级是稳健的。

在含多个年份的项目中，第一年之后各年的文章会增加一节，介绍较上一年的变化（谁上升、谁下降、
谁的星级有变），并在每个地区的一节中用一句话说明它的变化和多年来的趋势。`,
		flags: map[string]string{
			"robust": "加入不确定性分析得出的星级稳定度（默认：index.toml 有 [uncertainty] 时加入；--robust=false 则不加）",
		},
	},

	"govindex report": {
		short: "写出报告文件夹：HTML 报告、文章、CSV/JSON/Excel 结果和图表",
		long: `report 对指数评分（--config，默认为内置的 2017 版；--year），并写出文件夹 DIR（--out，
必填），其中包括：

  index.html     交互式报告，单个文件，可离线使用
  article.md     星级评定文章（--lang zh|en）
  results.csv    每个地区一行
  results.json   结果文档（与 rate --format json 相同）
  results.xlsx   结果、维度、指标和权重工作表
  charts/        排名图和维度图，SVG 和 PNG 格式，可用于文章

文件夹先在 DIR 旁边生成，完成后再改名到位，因此 DIR 不会处于写了一半的状态；运行中断或
失败时，DIR 保持原样。已存在且非空的 DIR 会被拒绝，除非给出 --force；此时要等新文件夹
完成后才替换旧文件夹。--force 只替换报告文件夹：DIR 中只能有 report 写出的文件（见上表），
而且不能有本项目读取的文件（index.toml 及其引用的任何文件）；否则拒绝，并指出是哪个文件。静态图表需要含中文字形的字体：可以是系统中找到的字体（Debian：
apt-get install fonts-noto-cjk），也可以是 index.toml 中 [report] font 指定的字体。

index.toml 有 [uncertainty] 一节或给出 --robust 时，report 还会运行 govindex robust 的不确定性
分析（样本数取 [uncertainty] 的设置，否则为 1000；随机种子取 --seed，否则取 [uncertainty]
seed）：index.html 增加排名区间图和星级概率图，文章写明每个星级的稳定度，并标出在不足 80%
的样本中保持的星级。results.json 仍与 rate 的 JSON 相同。

在含多个年份的项目中，第一年之后各年的报告还会展示较上一年的变化：index.html 增加变化表和
各地区历年得分的折线图，article.md 增加“较上年变化”一节，results.csv/json 给出各地区的
变化和趋势，results.xlsx 增加一张历年工作表。`,
		flags: map[string]string{
			"force":  "--out DIR 已存在且非空时，将其替换（只限报告文件夹）",
			"robust": "加入不确定性分析（默认：index.toml 有 [uncertainty] 时加入；--robust=false 则不加）",
		},
	},

	"govindex compare": {
		short: "地区对比：得分、名次、星级、指标差距、优势与短板",
		long: `compare 对指数评分（--config，默认为内置的 2017 版；--year），并把两个或更多已评级地区
并排对比：总指数和每个维度（得分、在全部已评级地区中的名次、星级），以及每个指标（原始值
及其单位、标准化值、名次）。

地区可以用代码、完整名称或英文名称指定；没有其他地区同样开头时，也可以只写开头部分
（"贵州" 即贵州省，"Gui" 即 Guizhou）。未知或有歧义的名称会被拒绝，并列出候选地区。

差距：两个地区 A B 时，每行给出 B − A；多于两个时，给出每个地区与其中最好者的差距。
优势与短板：每个地区在标准化值上高出所比较地区均值最多的三个指标和低于均值最多的三个指标。

在含多个年份的项目中，总指数下方有一行给出各地区较上一年的变化（得分、名次、星级）。

--format 可选 table（默认）、md、csv（每项一行，每个地区一列）或 json。`,
	},

	"govindex whatif": {
		short: "升星分析：让 REGION 升到高一星所需的最小指标改进",
		long: `whatif 对指数评分（--config，默认为内置的 2017 版；--year），并对每个指标分别求出：REGION
的原始值至少要改变多少（以该指标自身的单位计，朝改善的方向），才能单凭这一项让 REGION 升到
高一星，或升到 --target N 星。每个试探值都会在其他一切不变的情况下重新计算整个指数来评级，
因此改变 min-max 的上下界、数据驱动的权重、分位数、k-means 或 Jenks 的星级分界，或触及星级
上限的情形，都与实际评级时一样计入。对缺失值，求补报后能达到目标的最不利的值，从该指标的
自然下限算起（观测值均不小于 0 且越大越好时为 0，否则为最不利的观测值），改变量也从那里计；
不到两个其他地区报告的指标会注明。index.toml 中 actionable = false 的指标（如起步年限）不会
作为方案给出，而列为地区无法改变的指标。所有观测值都是整数（计数、等级）时，目标值取整数，
否则比数据多保留两位小数；取舍总是偏向有利的方向，并经再次验证。

此外还给出：代价最小的组合方案（总改变量最小，每项改变按各地区数值的极差占比计），以及
单凭自身无法达到目标的指标及其原因（即使取极端值也不够、权重太小、星级上限）。

REGION 可以是地区代码、完整名称或英文名称；没有其他地区同样开头时，也可以是它们的开头部分
（"贵州" 即贵州省）。--target 必须高于该地区当前的星级，且不超过星级等级数。已处于最高星级
的地区会直接说明。

--format table（默认）或 md 输出结论、各项方案、组合方案和其余内容；json 给出
{"region", "stars", "target", "options": [{"indicator", "from", "to"}, …]}，另有扩展字段
name、score、unit、change、effort、score_after、stars_after、few_reports、unreachable 和
plan；csv 列出各项方案和组合方案的各项改变（kind 列：option 或 plan）。`,
		flags: map[string]string{
			"target": "要达到的星级（默认为高一星）",
		},
	},

	"govindex robust": {
		short: "稳健性分析：排名区间、星级概率与 Sobol 敏感性指数",
		long: `robust 对指数评分（--config，默认为内置的 2017 版；--year），然后按 index.toml 中
[uncertainty] 一节的设置（选项可覆盖它），随机抽取构建指数时的各项选择，把指数重建多次：

  samples = 1000                       # 蒙特卡洛样本数（--samples）
  seed = 1                             # 随机种子（--seed）
  weights_noise = 0.25                 # 每个权重 × U(1 − 0.25, 1 + 0.25)（--noise）
  normalise = ["minmax", "prank"]      # 备选方法，每个样本抽取一个（默认取 [scoring]）
  aggregate = ["arithmetic", "geometric"]
  impute = ["none", "mean"]
  exclude = 0.1                        # 每个指标被剔除的概率
  sensitivity = false                  # Sobol 指数（--sensitivity）

对每个已评级地区，给出名义排名、各样本中排名的中位数和 5%–95% 分位区间，以及获评各星级的
样本占比（星级稳定度即获评名义星级的样本占比）；总体上给出平均绝对排名变动。
加 --sensitivity 时，还会用 Sobol 序列上的 Saltelli 设计，计算各不确定输入（weights、
normalise、aggregate、impute、exclude）对平均绝对排名变动的一阶与总 Sobol 指数，并附自助法
95% 区间。

相同的随机种子在任意核数下都给出相同的输出。所抽方法不适用的样本（几何平均遇到 ≤ 0 的值）
计为失败，不计入结果。--format json 给出 rate 的 JSON 结果，每个地区另有 "robust"，并有
"samples"、"failed_samples"、"mean_abs_rank_shift"，加 --sensitivity 时还有 "sensitivity"。
在终端上会显示进度条（--quiet 时不显示，管道中从不显示）；按 Ctrl-C 即停止运行，不写出任何
内容。`,
		flags: map[string]string{
			"samples":     "蒙特卡洛样本数（默认取 [uncertainty] samples，否则为 1000）",
			"noise":       "权重扰动 X：每个权重 × U(1 − X, 1 + X)（默认取 [uncertainty] weights_noise，否则为 0.25）",
			"sensitivity": "同时计算 Sobol 敏感性指数（默认取 [uncertainty] sensitivity）",
		},
	},

	"govindex synth": {
		short: "按指定规模写出一个合成指数项目，用于基准测试",
		long: `synth 在 DIR（--out，必填）中写出一个完整的指数项目：index.toml、regions.csv 和宽表格式
（region,year,x00,x01,…）的 data.csv，数值是虚构的，用于基准测试和其他测试。rate、report、
audit 和 robust 可以直接使用它。

指标 x<i> 属于维度 d<i mod D>；所有 direction 均为 1，权重相等。数值的形态仿照真实的指标表：
计数、0–100 的占比、比率和少量偏态的计数，通过每个地区的潜在得分（一个总体得分，每个维度
各一个）相互关联，并随年份温和上升，最后一年为 2024 年。一部分数值（--missing，默认 0.02）
留空；--missing 0 则不留空。地区代码为分布在大陆 31 个省级行政区的 6 位代码，形似
GB/T 2260 代码，名称为 地区0001、地区0002、……。

index.toml 用 minmax 标准化到 [1, 100]（以便几何平均有定义），并把 [uncertainty] 设为基准
测试的配置：10,000 个样本，权重扰动 0.25，标准化取 minmax 或 prank，合成取 arithmetic 或
geometric。

相同的选项写出逐字节相同的文件（--seed，默认为 1）。DIR 必须是新的或空的文件夹；项目先在
它旁边的文件夹中生成，完成后再改名到位。`,
		example: `  # 写出一个 3000 个地区、48 个指标、6 个维度、5 个年份的合成项目
  govindex synth --regions 3000 --indicators 48 --dimensions 6 --years 5 --seed 1 --out p3000
  # 用 1000 个样本对它做不确定性分析
  govindex robust --config p3000/index.toml --samples 1000`,
		flags: map[string]string{
			"regions":    fmt.Sprintf("地区数（1 到 %d）", indicators.SynthMaxRegions),
			"indicators": fmt.Sprintf("指标数（1 到 %d）", indicators.SynthMaxIndicators),
			"dimensions": "维度数（1 到 --indicators）",
			"years":      fmt.Sprintf("数据的年份数，最后一年为 %d 年（1 到 %d）", indicators.SynthLastYear, indicators.SynthMaxYears),
			"missing":    fmt.Sprintf("留空数值的比例（0 到 %g）", indicators.SynthMaxMissing),
		},
	},

	// cobra's own commands.
	"govindex help": {
		short: "显示任一命令的帮助",
		long: `help 显示本程序中任一命令的帮助。
输入 govindex help [命令路径] 即可查看完整说明。`,
	},

	"govindex completion": {
		short: "为指定的 shell 生成自动补全脚本",
		long: `为指定的 shell 生成 govindex 的自动补全脚本。
生成的脚本如何使用，请见各子命令的帮助。
`,
	},

	"govindex completion bash": {
		short: "为 bash 生成自动补全脚本",
		long: `为 bash shell 生成自动补全脚本。

该脚本依赖 'bash-completion' 软件包。
如果尚未安装，可以通过操作系统的包管理器安装。

在当前 shell 会话中加载补全：

	source <(govindex completion bash)

要让以后每个新会话都加载补全，执行一次：

#### Linux：

	govindex completion bash > /etc/bash_completion.d/govindex

#### macOS：

	govindex completion bash > $(brew --prefix)/etc/bash_completion.d/govindex

需要新开一个 shell，设置才会生效。
`,
		flags: completionFlagsZh,
	},

	"govindex completion zsh": {
		short: "为 zsh 生成自动补全脚本",
		long: `为 zsh shell 生成自动补全脚本。

如果你的环境中尚未启用 shell 补全，需要先启用。可以执行一次：

	echo "autoload -U compinit; compinit" >> ~/.zshrc

在当前 shell 会话中加载补全：

	source <(govindex completion zsh)

要让以后每个新会话都加载补全，执行一次：

#### Linux：

	govindex completion zsh > "${fpath[1]}/_govindex"

#### macOS：

	govindex completion zsh > $(brew --prefix)/share/zsh/site-functions/_govindex

需要新开一个 shell，设置才会生效。
`,
		flags: completionFlagsZh,
	},

	"govindex completion fish": {
		short: "为 fish 生成自动补全脚本",
		long: `为 fish shell 生成自动补全脚本。

在当前 shell 会话中加载补全：

	govindex completion fish | source

要让以后每个新会话都加载补全，执行一次：

	govindex completion fish > ~/.config/fish/completions/govindex.fish

需要新开一个 shell，设置才会生效。
`,
		flags: completionFlagsZh,
	},

	"govindex completion powershell": {
		short: "为 powershell 生成自动补全脚本",
		long: `为 powershell 生成自动补全脚本。

在当前 shell 会话中加载补全：

	govindex completion powershell | Out-String | Invoke-Expression

要让以后每个新会话都加载补全，请把上面命令的输出加入你的 powershell 配置文件（profile）。
`,
		flags: completionFlagsZh,
	},
}

// completionFlagsZh are the flags of each of cobra's completion commands.
var completionFlagsZh = map[string]string{
	"no-descriptions": "不在补全结果中显示说明",
}

// helpZhGlobalFlags are the usages of the root's persistent flags, shown
// under every command.
var helpZhGlobalFlags = map[string]string{
	"config":   "指数定义（index.toml）；默认为内置的 2017 版",
	"year":     "要评级的年份；默认为 [index] year，未设置时为有数据的最近一年",
	"format":   "输出格式：table|csv|json|md；rate 与 robust 还可用 xlsx（需 --out）",
	"out":      "把输出写入该文件，而不是标准输出",
	"lang":     "输出语言：zh|en",
	"seed":     "抽样类方法使用的随机种子",
	"quiet":    "只输出结果和错误信息",
	"encoding": "CSV 输入文件的文本编码：auto|utf-8|gb18030（默认自动检测）",
	// Hidden: diagnostics for measuring at scale.
	"cpuprofile": "把 CPU 性能剖析写入该文件",
	"memprofile": "运行结束时把内存剖析写入该文件",
}

// usageTemplateZh is cobra's default usage template (cmd.UsageTemplate())
// with its headings and sentences in Chinese; every template action is as
// in cobra's, except that the usage line and the flag lists go through
// zhUseLine and zhFlagUsages (see zhTemplateActions).
const usageTemplateZh = `用法：{{if .Runnable}}
  {{zhUseLine .UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [命令]{{end}}{{if gt (len .Aliases) 0}}

别名：
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

示例：
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}{{$cmds := .Commands}}{{if eq (len .Groups) 0}}

可用命令：{{range $cmds}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{else}}{{range $group := .Groups}}

{{.Title}}{{range $cmds}}{{if (and (eq .GroupID $group.ID) (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if not .AllChildCommandsHaveGroup}}

其他命令：{{range $cmds}}{{if (and (eq .GroupID "") (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

选项：
{{zhFlagUsages .LocalFlags | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

全局选项：
{{zhFlagUsages .InheritedFlags | trimTrailingWhitespaces}}{{end}}{{if .HasHelpSubCommands}}

其他帮助主题：{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  {{rpad .CommandPath .CommandPathPadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableSubCommands}}

运行 "{{.CommandPath}} [命令] --help" 查看命令的详细用法。{{end}}
`

// zhTemplateActions maps the actions of cobra's usage template that
// usageTemplateZh changes to the ones it uses instead.
var zhTemplateActions = map[string]string{
	"{{.UseLine}}": "{{zhUseLine .UseLine}}",
	"{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}":     "{{zhFlagUsages .LocalFlags | trimTrailingWhitespaces}}",
	"{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}": "{{zhFlagUsages .InheritedFlags | trimTrailingWhitespaces}}",
}

// flagDefault is pflag's "(default …)" at the end of a flag's line.
var flagDefault = regexp.MustCompile(`(?m) \(default (.*)\)$`)

func init() {
	// zhUseLine writes cobra's "[flags]" as "[选项]".
	cobra.AddTemplateFunc("zhUseLine", func(s string) string { return strings.Replace(s, " [flags]", " [选项]", 1) })
	// zhFlagUsages is FlagUsages with pflag's defaults said in Chinese.
	cobra.AddTemplateFunc("zhFlagUsages", func(fs *pflag.FlagSet) string {
		return flagDefault.ReplaceAllString(fs.FlagUsages(), "（默认 $1）")
	})
}

// initHelp adds what cobra would add when it runs: the help and completion
// commands and every command's -h/--help and -v/--version flags, so that
// their texts can be put in Chinese before cobra shows them.
func initHelp(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	walkCommands(root, func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		c.InitDefaultVersionFlag()
	})
}

// walkCommands calls fn on c and on every command below it.
func walkCommands(c *cobra.Command, fn func(*cobra.Command)) {
	fn(c)
	for _, sub := range c.Commands() {
		walkCommands(sub, fn)
	}
}

// localizeHelp puts the help of every command in lang: for "zh" it
// replaces the commands' Short, Long and Example, the flags' usages and the
// usage template with the Chinese; for "en" it changes nothing. Call it
// once the root's output is set: the completion commands it adds write to
// the output the root has then.
func localizeHelp(root *cobra.Command, lang string) {
	if lang != "zh" {
		return
	}
	initHelp(root)
	walkCommands(root, func(c *cobra.Command) {
		if t, ok := helpZh[c.CommandPath()]; ok {
			if t.short != "" {
				c.Short = t.short
			}
			if t.long != "" {
				c.Long = t.long
			}
			if t.example != "" {
				c.Example = t.example
			}
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if zh, ok := zhFlagUsage(c, f); ok {
				f.Usage = zh
			}
		})
	})
	root.SetUsageTemplate(usageTemplateZh)
}

// zhFlagUsage is the Chinese usage of c's own flag f: cobra's help and
// version flags, the root's persistent flags, or c's entry in helpZh.
func zhFlagUsage(c *cobra.Command, f *pflag.Flag) (string, bool) {
	if _, ok := f.Annotations[cobra.FlagSetByCobraAnnotation]; ok {
		switch f.Name {
		case "help":
			return "显示 " + c.DisplayName() + " 的帮助", true
		case "version":
			return "显示 " + c.DisplayName() + " 的版本号", true
		}
	}
	if !c.HasParent() && c.PersistentFlags().Lookup(f.Name) == f {
		zh, ok := helpZhGlobalFlags[f.Name]
		return zh, ok && zh != ""
	}
	zh, ok := helpZh[c.CommandPath()].flags[f.Name]
	return zh, ok && zh != ""
}
