package indicators

import (
	"fmt"
	"regexp"
	"strings"
)

// The Chinese of the messages and hints of bad input. The catalogue is
// keyed by the English text in the code: every constant format passed to
// Errorf (and to the command line's usagef) has an entry in zhMessages,
// every constant hint one in zhHints; messages_zh_test.go fails when one
// is missing. Text built at run time is matched by the patterns further
// down; anything the catalogue does not know stays in English.

// zhMessages maps the English format of a message to its Chinese format,
// with the same verbs for the same arguments (use explicit indexes such
// as %[2]s to reorder).
var zhMessages = map[string]string{
	// Messages made elsewhere and passed on whole: the patterns below
	// translate the ones they know (see translateWhole).
	"%s": "%s",
	"%v": "%v",

	// indicators: index.toml
	"file is %d bytes, over the %d-byte limit":        "文件大小为 %d 字节，超过了 %d 字节的上限",
	"the file is not UTF-8 text":                      "文件不是 UTF-8 文本",
	"%s: %s":                                          "%s：%s",
	"unknown key %q %s":                               "未知的键 %q（%s）",
	"the index has no name":                           "指数没有名称",
	"no regions file is named":                        "没有指定地区文件",
	"year %d is out of range":                         "年份 %d 超出范围",
	"unknown encoding %q":                             "未知的编码 %q",
	"range [%g, %g] is empty or inverted":             "range [%g, %g] 为空或上下颠倒",
	"round = %d is out of range":                      "round = %d 超出范围",
	"min_coverage = %g is not a share":                "min_coverage = %g 不是 0 到 1 之间的比例",
	"power = %g is out of range":                      "power = %g 超出范围",
	"scale %g of indicator %q is not positive":        "指标 %[2]q 的 scale %[1]g 不是正数",
	"cap max = %d is out of range":                    "[[cap]] 的 max = %d 超出范围",
	"unknown dimension %q":                            "未知的维度 %q",
	"a cap needs exactly one condition":               "每个 [[cap]] 必须有且只有一个条件",
	"below_quantile = %g is not a share":              "below_quantile = %g 不是 0 到 1 之间的比例",
	"below = %g is not a number":                      "below = %g 不是有效数值",
	"thresholds is empty":                             "thresholds 为空",
	"threshold %d is not a number":                    "第 %d 个阈值不是有效数值",
	"thresholds are not ascending: %g comes after %g": "thresholds 不是递增的：%g 排在 %g 之后",
	"classes = %d is out of range":                    "classes = %d 超出范围",
	"%d labels for %d classes":                        "有 %d 个标签，却有 %d 个等级",
	"the index has no dimensions":                     "指数没有维度",
	"the index has no indicators":                     "指数没有指标",
	"%s #%d has no id":                                "第 %[2]d 个 [[%[1]s]] 没有 id",
	"id %q is not a valid identifier":                 "id %q 不是有效的标识符",
	`"index" is reserved for the whole index`:         `"index" 专用于指代整个指数`,
	"duplicate id %q (first declared at %s)":          "id %q 重复（首次声明于 %s）",
	"unknown parent %q":                               "未知的上级维度 %q",
	"weight %g of dimension %q is not positive":       "维度 %[2]q 的权重 %[1]g 不是正数",
	"indicator %q belongs to no dimension":            "指标 %q 不属于任何维度",
	"direction must be 1 or -1, not %d":               "direction 必须为 1 或 -1，不能是 %d",
	"weight %g of indicator %q is not positive":       "指标 %[2]q 的权重 %[1]g 不是正数",
	"goalposts need exactly two values, got %d":       "goalposts 需要正好两个值，现有 %d 个",
	"goalposts [%g, %g] are inverted or empty":        "goalposts [%g, %g] 上下颠倒或为空",
	"target %g is not a number":                       "target %g 不是有效数值",
	"source %q names no measure":                      "source %q 没有指明度量",
	"dimensions form a cycle: %s → %s":                "维度之间形成了循环：%s → %s",
	"dimension %q has no indicators":                  "维度 %q 下没有指标",
	"no file system to read %q from":                  "没有可从中读取 %q 的文件系统",
	"unknown text encoding %q":                        "未知的文本编码 %q",
	"the index names no regions file":                 "指数没有指定地区文件",
	"the workbook has no data":                        "工作簿中没有数据",
	"old Excel (.xls) files are not read":             "不支持读取旧版 Excel（.xls）文件",
	"data file %q is listed twice":                    "数据文件 %q 列出了两次",
	"%d more %s not shown":                            "另有 %d %s未显示",
	"file not found":                                  "找不到文件",
	"permission denied":                               "没有读取权限",
	"cannot read: %v":                                 "无法读取：%v",

	// indicators: text and tables
	"this is an XLSX file":                                        "这是 XLSX 文件",
	"this is an old Excel (.xls) file, which is not read":         "这是旧版 Excel（.xls）文件，不支持读取",
	"the text is UTF-16, which is not read":                       "文本是 UTF-16 编码，不支持读取",
	"the text looks like UTF-16, which is not read":               "文本似乎是 UTF-16 编码，不支持读取",
	"looks like a binary file (NUL byte at offset %d)":            "似乎是二进制文件（偏移 %d 处有 NUL 字节）",
	"not valid UTF-8: byte 0x%02X at offset %d":                   "不是有效的 UTF-8 文本：字节 0x%02X（偏移 %d）",
	"cannot decode as GB18030: %v":                                "无法按 GB18030 解码：%v",
	"not valid GB18030 text":                                      "不是有效的 GB18030 文本",
	"row has %d fields but the header has %d":                     "该行有 %d 个字段，但表头有 %d 个",
	"the file is empty":                                           "文件为空",
	"column %d has no name":                                       "第 %d 列没有列名",
	"duplicate column %q (also at %s)":                            "列名 %q 重复（另见 %s）",
	"cannot read CSV: %v":                                         "无法读取 CSV：%v",
	`a " appears inside a field that does not start with one`:     `字段中出现了 "，但该字段不是以 " 开头的`,
	"quoted field is not closed properly (it runs on to line %d)": "带引号的字段没有正确结束（一直延续到第 %d 行）",
	`quoted field is not closed properly (a " must be followed by a comma or the end of the line)`: `带引号的字段没有正确结束（结尾的 " 后面只能是逗号或行尾）`,
	"this is an old Excel (.xls) or encrypted workbook, which is not read":                         "这是旧版 Excel（.xls）或加密的工作簿，不支持读取",
	"not an XLSX file":                           "不是 XLSX 文件",
	"damaged XLSX file (%v)":                     "XLSX 文件已损坏（%v）",
	"cannot open the workbook: %v":               "无法打开工作簿：%v",
	"cannot read the sheet: %v":                  "无法读取工作表：%v",
	"value %s is right of the last named column": "数值 %s 位于最后一个有列名的列的右侧",

	// indicators: regions and observations
	"regions table has no %q column (header: %s)": "地区表缺少 %q 列（表头：%s）",
	"no regions":                                                    "没有地区",
	"region code is empty":                                          "地区代码为空",
	"duplicate region code %q (also at %s)":                         "地区代码 %q 重复（另见 %s）",
	"region name is empty":                                          "地区名称为空",
	"duplicate region name %q (also at %s)":                         "地区名称 %q 重复（另见 %s）",
	"region name %q is the code of the region at %s":                "地区名称 %q 与 %s 处地区的代码相同",
	"no index definition to check the observations against":         "没有可用来核对观测值的指数定义",
	"column %q repeats column %q (%s)":                              "列 %q 与列 %q 重复（%s）",
	"header %s looks like the long layout but has no %q column":     "表头 %s 像是长表格式，但缺少 %q 列",
	"unknown column %q in the long layout":                          "长表格式中有未知的列 %q",
	"the wide layout has no %q column":                              "宽表格式没有 %q 列",
	"header %s has a region column but no indicator columns":        "表头 %s 有地区列，但没有指标列",
	"header %s is neither the long nor the wide layout":             "表头 %s 既不是长表格式，也不是宽表格式",
	"unknown indicator %s":                                          "未知的指标 %s",
	"indicator %q takes its values from collector %s (source = %q)": "指标 %q 的数值来自采集器 %s（source = %q）",
	"indicator is empty":                                            "指标为空",
	"region is empty":                                               "地区为空",
	"unknown region %s":                                             "未知的地区 %s",
	"value %v":                                                      "数值 %v",
	"second value for %s (the first is at %s)":                      "重复的数值：%s（第一个在 %s）",

	// scoring
	"unknown %s method %q": "未知的%s方法 %q",
	"collector %q is not available in this version of govindex":                  "此版本的 govindex 没有采集器 %q",
	"indicator %q is normalised with %s but has no goalposts":                    "指标 %q 用 %s 标准化，但没有设置 goalposts",
	"indicator %q is normalised with %s but [scoring] names no reference region": "指标 %q 用 %s 标准化，但 [scoring] 没有指定参照地区",
	"indicator %q is normalised with %s but has no target":                       "指标 %q 用 %s 标准化，但没有设置 target",
	"regions.csv has no numeric column %q":                                       "regions.csv 中没有数值列 %q",
	"region %s has %s = %g, which cannot divide indicator %q":                    "地区 %s 的 %s = %g，不能作为指标 %q 的除数",
	"reference region %q is not among the rated regions":                         "参照地区 %q 不在参评地区之中",
	"impute = %q needs regions with a group, but regions.csv gives none":         "impute = %q 需要地区分组，但 regions.csv 中没有任何分组",
	"impute = %q needs observations from several years, but the data hold one":   "impute = %q 需要多个年份的观测值，但数据只有一个年份",
	"the %s mean needs positive values, but region %s has %g on %q":              "%[1]s平均要求数值为正，但地区 %[2]s 在 %[4]q 上的值为 %[3]g",
	"star thresholds %v are not strictly ascending":                              "星级阈值 %v 不是严格递增的",
	"star classes must be at least 1, got %d":                                    "星级等级数至少为 1，现为 %d",
	"star method %q needs at least 2 classes, got %d":                            "星级方法 %q 至少需要 2 个等级，现为 %d",
	"star method %q cannot classify the infinite score %g":                       "星级方法 %q 无法为无穷大的得分 %g 定级",

	// scoring: AHP weights
	"[[ahp]] parent %q is not a dimension":                                                                     "[[ahp]] 的 parent %q 不是维度",
	"a second [[ahp]] entry for %s (the first is at %s)":                                                       "%s 有第二个 [[ahp]] 条目（第一个在 %s）",
	"%s has %d children, but AHP compares at most %d (Saaty's random index stops at 10)":                       "%s 有 %d 个下级，但 AHP 最多比较 %d 个（Saaty 随机一致性指标只到 10 阶）",
	"[[ahp]] matrix row %d, column %d: %s is not a number or a fraction":                                       "[[ahp]] 矩阵第 %d 行第 %d 列：%s 不是数字或分数",
	"[[ahp]] matrix row %d, column %d is %g, but comparisons must be positive":                                 "[[ahp]] 矩阵第 %d 行第 %d 列为 %g，但比较值必须为正",
	"the [[ahp]] matrix for %s is empty":                                                                       "%s 的 [[ahp]] 矩阵为空",
	"the [[ahp]] matrix is not square: row %d has %d entries, but there are %d rows":                           "[[ahp]] 矩阵不是方阵：第 %d 行有 %d 个元素，但共有 %d 行",
	"the [[ahp]] matrix is %d×%d, but %s has %d children (%s)":                                                 "[[ahp]] 矩阵为 %d×%d，但 %s 有 %d 个下级（%s）",
	"[[ahp]] matrix row %d, column %d is %g, but the diagonal must be 1":                                       "[[ahp]] 矩阵第 %d 行第 %d 列为 %g，但对角线必须为 1",
	"the [[ahp]] matrix is not reciprocal: row %d, column %d is %g, so row %d, column %d must be %s, not %g%s": "[[ahp]] 矩阵不满足互反性：第 %d 行第 %d 列为 %g，因此第 %d 行第 %d 列应为 %s，而不是 %g%s",
	"the [[ahp]] matrix for %s has no positive principal eigenvector":                                          "%s 的 [[ahp]] 矩阵没有正的主特征向量",
	"the [[ahp]] comparisons for %s are inconsistent: consistency ratio CR = %.3f":                             "%s 的 [[ahp]] 比较不一致：一致性比率 CR = %.3f",

	// cmd/govindex
	"audit has no csv format: its tables have different shapes": "audit 没有 csv 格式：其各表的结构不同",
	"unknown --format %q":                          "未知的 --format 取值 %q",
	"unknown --lang %q":                            "未知的 --lang 取值 %q",
	"unknown --encoding %q":                        "未知的 --encoding 取值 %q",
	"--year %d is out of range":                    "--year %d 超出范围",
	"unknown command or argument %q for %q":        "%[2]q 不接受命令或参数 %[1]q",
	"%s expects %s":                                "%s 需要%s",
	"%s is not empty; init never overwrites files": "%s 不是空文件夹；init 从不覆盖已有文件",
	"%s is not a folder":                           "%s 不是文件夹",
	"--out %s is a directory":                      "--out %s 是一个文件夹",
	"--out %s: %v":                                 "--out %s：%v",
	"--out %s would overwrite an input file":       "--out %s 会覆盖输入文件",
	"the data hold no values at all":               "数据中没有任何数值",
	"--year %d: there is no data for that year":    "--year %d：该年份没有数据",
	"year %d has no data":                          "%d 年没有数据",
}

// zhHints maps an English hint to its Chinese text.
var zhHints = map[string]string{
	// indicators: index.toml
	"an index definition is a small text file; check that you named the right file":           "指数定义是一个小文本文件；请检查文件名是否正确",
	"save index.toml as UTF-8 text (it looks like another encoding, such as GB18030)":         "请把 index.toml 保存为 UTF-8 文本（它似乎是其他编码，如 GB18030）",
	"fix the TOML syntax at this place (strings need quotes, arrays brackets, tables [name])": "请修正此处的 TOML 语法（字符串要加引号，数组要加方括号，表写作 [name]）",
	numberHint: "请写一个小一些的数：整数最大为 9223372036854775807，小数最多保留 15 位有效数字",
	"give the key a value of the type the contract expects (see the README's index.toml reference)": "请按约定的类型为该键赋值（见 README 中的 index.toml 说明）",
	`add name = "…" under [index]`:                                               `在 [index] 下添加 name = "…"`,
	`add regions = "regions.csv" under [index]`:                                  `在 [index] 下添加 regions = "regions.csv"`,
	"give a four-digit year such as 2017":                                        "请写四位数的年份，例如 2017",
	"use auto, utf-8 or gb18030":                                                 "请使用 auto、utf-8 或 gb18030",
	"write range = [lo, hi] with lo < hi, e.g. [0, 100]":                         "写作 range = [lo, hi]，且 lo < hi，例如 [0, 100]",
	"use 0 to 10 decimals, or remove round for no rounding":                      "小数位数取 0 到 10；不需要舍入时删去 round",
	"give a share between 0 and 1, e.g. 0.5":                                     "请给出 0 到 1 之间的比例，例如 0.5",
	"give a number between -100 and 100, e.g. power = 0.5":                       "请给出 -100 到 100 之间的数，例如 power = 0.5",
	"give a positive multiplier, e.g. scale = 10000 for per 10,000 people":       "请给出正的倍数，例如 scale = 10000 表示每万人",
	"give either below_quantile = 0.25 (bottom quarter) or below = 40 (a score)": "在 below_quantile = 0.25（排在后四分之一）和 below = 40（得分）中二选一",
	"give a share between 0 and 1, e.g. 0.25":                                    "请给出 0 到 1 之间的比例，例如 0.25",
	"give a finite score":                                                        "请给出有限的得分",
	"give at least one threshold, e.g. [20, 40, 60, 80]":                         "至少给出一个阈值，例如 [20, 40, 60, 80]",
	"list numbers in strictly ascending order":                                   "请按严格递增的顺序列出数值",
	"list the thresholds in strictly ascending order":                            "请按严格递增的顺序列出阈值",
	"use between 2 and 10 classes (5 gives 1–5 stars)":                           "等级数取 2 到 10（5 即 1–5 星）",
	"give one label per class, lowest first":                                     "每个等级一个标签，从最低等级写起",
	"declare at least one [[dimension]] with an id":                              "至少声明一个带 id 的 [[dimension]]",
	"declare at least one [[indicator]] with an id and a dimension":              "至少声明一个带 id 和 dimension 的 [[indicator]]",
	`add id = "…"`: `添加 id = "…"`,
	"use letters, digits, _ and -, starting with a letter": "只用字母、数字、_ 和 -，并以字母开头",
	"choose another id":                                                                         "请换一个 id",
	"give every dimension and indicator its own id":                                             "每个维度和指标都要有各自的 id",
	"give a positive weight; remove the dimension to leave it out":                              "请给出正的权重；不要这个维度就删去它",
	`add dimension = "<dimension id>"`:                                                          `添加 dimension = "<维度 id>"`,
	"use 1 (higher is better) or -1 (lower is better)":                                          "使用 1（越高越好）或 -1（越低越好）",
	"give a positive weight; remove the indicator to leave it out":                              "请给出正的权重；不要这个指标就删去它",
	"write goalposts = [lo, hi]":                                                                "写作 goalposts = [lo, hi]",
	"write the lower goalpost first, [lo, hi] with lo < hi (direction handles lower-is-better)": "先写下限：[lo, hi]，且 lo < hi（越低越好由 direction 处理）",
	"give the value the indicator should reach, e.g. target = 8":                                "请给出指标应达到的值，例如 target = 8",
	`write source = "<collector>.<measure>", e.g. "policies.count"`:                             `写作 source = "<采集器>.<度量>"，例如 "policies.count"`,
	"make the dimensions a tree: one of them must have no parent or a parent outside the loop":  "维度须构成树：循环中须有一个维度没有上级，或其上级在循环之外",
	"name a [[dimension]] id, or leave it out for any top-level dimension":                      "请填写某个 [[dimension]] 的 id；省略则适用于任一顶层维度",
	"parent must be the id of another [[dimension]]":                                            "parent 必须是另一个 [[dimension]] 的 id",
	"name the id of a [[dimension]]":                                                            "请填写某个 [[dimension]] 的 id",

	// indicators: files, text and tables
	"check the path; paths in index.toml are relative to the index.toml itself": "请检查路径；index.toml 中的路径相对于 index.toml 所在的文件夹",
	"make the file readable": "请让该文件可读",
	`use "auto", "utf-8" or "gb18030" (which also reads GBK and GB2312)`:                                    `请使用 "auto"、"utf-8" 或 "gb18030"（后者也能读取 GBK 和 GB2312）`,
	`add regions = "regions.csv" to [index]: a table with the columns code,name`:                            `在 [index] 中添加 regions = "regions.csv"：一张含 code,name 列的表`,
	"fill in a sheet with a header row and data":                                                            "在工作表中填入表头行和数据",
	"save it as .xlsx or as CSV (UTF-8)":                                                                    "请另存为 .xlsx 或 CSV（UTF-8）",
	"name each file once in data":                                                                           "data 中每个文件只列一次",
	"fix the problems above and run again to see the rest":                                                  "先改正以上问题，再运行一次查看其余问题",
	"name it with .xlsx (XLSX sheets take the same layouts), or save it as CSV (UTF-8)":                     "把扩展名改为 .xlsx（XLSX 工作表可用相同的格式），或另存为 CSV（UTF-8）",
	`re-save it as "CSV UTF-8" (in Excel: Save As → CSV UTF-8)`:                                             `请重新保存为 "CSV UTF-8"（Excel 中：另存为 → CSV UTF-8）`,
	"save it as CSV (UTF-8)":                                                                                "请另存为 CSV（UTF-8）",
	hintEncoding:                                                                                            `请把文件另存为 "CSV UTF-8"；如果它是 GBK/GB18030 文本，也可在 [index] 中设置 encoding = "gb18030"（或使用 --encoding gb18030）`,
	`quote values that contain commas ("1,234") or remove the extra fields`:                                 `含逗号的值请加引号（"1,234"），或删去多余的字段`,
	"add the missing fields (leave a field empty, or write NA, for a missing value)":                        "补上缺少的字段（缺失值可留空或写 NA）",
	"write a header row and one row per record":                                                             "请写一行表头，每条记录一行",
	"name the column or delete it":                                                                          "请为该列命名，或删去该列",
	"give each column a different name":                                                                     "每列使用不同的列名",
	`put a field that contains quotes in double quotes and double each quote inside it, e.g. "say ""yes"""`: `含引号的字段整体要加双引号，其中每个引号写两遍，例如 "say ""yes"""`,
	"save it from a spreadsheet program as .xlsx, or name a CSV file with .csv":                             "请用电子表格软件另存为 .xlsx；CSV 文件请以 .csv 为扩展名",
	"open it in a spreadsheet program and save it again as .xlsx":                                           "请用电子表格软件打开，再重新保存为 .xlsx",
	"give the column a header or clear the cell":                                                            "请为该列加上列名，或清空该单元格",

	// indicators: regions and observations
	hintRegionsHeader:                         "regions.csv 的第一行是表头，如 code,name,name_en,level,parent,group,population",
	"add one row per region below the header": "在表头下每个地区写一行",
	"give every region a code (GB/T 2260 codes such as 520000 are the convention)": "每个地区都要有代码（惯例用 GB/T 2260 代码，如 520000）",
	"give each region its own code":                    "每个地区使用各自的代码",
	"give every region a name":                         "每个地区都要有名称",
	"give each region its own name":                    "每个地区使用各自的名称",
	"rename the region so that names and codes differ": "请重命名该地区，使名称与代码互不相同",
	"keep one of the two columns":                      "两列只保留一列",
	layoutsHint:                                        "请使用长表格式 region,year,indicator,value[,source,note] 或宽表格式 region,year,<指标 id>,<指标 id>,…（指数只有一个年份时可省略 year）",
	"the long layout has the columns region,year,indicator,value[,source,note]; remove the column":        "长表格式的列为 region,year,indicator,value[,source,note]；请删去该列",
	"use the long layout region,year,indicator,value,source,note to give sources and notes":               "要给出来源和备注，请使用长表格式 region,year,indicator,value,source,note",
	"the index has no indicators read from data tables; check index.toml":                                 "指数中没有从数据表读取的指标；请检查 index.toml",
	"remove the column; its values come from the evidence files of the collector":                         "请删去该列；该指标的数值来自采集器的证据文件",
	"remove the rows of this indicator; its values come from the evidence files of the collector":         "请删去该指标的各行；它的数值来自采集器的证据文件",
	"fill in the year (four digits, e.g. 2017), or leave out the year column when the index has one year": "请填写年份（四位数，例如 2017）；指数只有一个年份时也可去掉年份列",
	yearHint:                 "年份请写四位数，例如 2017",
	"write the indicator id": "请填写指标 id",
	"write the region's code or name as in the regions file": "请按地区文件填写地区代码或名称",
	valueHint: `请写数值，如 12.5、"1,234"、35% 或 1.2万；缺失值请留空或写 NA`,
	"keep one of the two values (write NA in the other cell, or delete it)": "两个值只保留一个（另一个单元格写 NA，或删去）",

	// scoring
	"give the indicator's values in an observation table instead":                          "请改在观测值表中给出该指标的数值",
	"add goalposts = [lo, hi] to the indicator":                                            "为该指标添加 goalposts = [lo, hi]",
	`add reference = "<region code>" under [scoring]`:                                      `在 [scoring] 下添加 reference = "<地区代码>"`,
	"add target = <value> to the indicator":                                                "为该指标添加 target = <目标值>",
	"name the code or exact name of a rated region in regions.csv":                         "请填写 regions.csv 中某个参评地区的代码或完整名称",
	"check the [stars] settings":                                                           "请检查 [stars] 的设置",
	"add a group column to regions.csv, or use mean or median":                             "在 regions.csv 中添加 group 列，或改用 mean 或 median",
	"add observations for other years, or use mean or median":                              "补充其他年份的观测值，或改用 mean 或 median",
	"normalise into a positive range such as range = [1, 100], or use the arithmetic mean": "标准化到正数区间，如 range = [1, 100]，或改用算术平均（arithmetic）",
	"list the thresholds in increasing order, each value once, e.g. [20, 40, 60, 80]":      "按从小到大列出阈值，每个值只出现一次，例如 [20, 40, 60, 80]",
	"set classes to a positive number such as 5, or leave it out":                          "把 classes 设为正数（如 5），或删去该项",
	"set classes to at least 2, such as 5, or leave it out":                                "把 classes 设为不小于 2 的数（如 5），或删去该项",
	"check the data and scoring settings that produce an infinite score":                   "请检查导致得分为无穷大的数据和计分设置",

	"keep one [[ahp]] matrix per parent":                                                       "每个上级只保留一个 [[ahp]] 矩阵",
	"group the children into sub-dimensions of at most 10 each, or use manual weights":         "把下级分成每组不超过 10 个的子维度，或改用 manual 权重",
	`write numbers such as 3 or 0.5, or fractions as strings such as "1/3"`:                    `写数字，如 3 或 0.5；分数写成字符串，如 "1/3"`,
	"use Saaty's scale from 1/9 to 9, with 1 for equal importance":                             "使用 Saaty 的 1/9 到 9 标度，1 表示同等重要",
	"a child is as important as itself: write 1 on the diagonal":                               "每个下级与自身同等重要：对角线写 1",
	`write m[j][i] = 1/m[i][j]; give fractions as strings such as "1/3" for exact reciprocals`: `写作 m[j][i] = 1/m[i][j]；要精确的倒数，请把分数写成字符串，如 "1/3"`,
	"check the comparisons": "请检查各项比较值",
	"make the comparisons more consistent: CR must be under 0.10": "请调整比较值使其更一致：CR 须小于 0.10",

	// cmd/govindex
	"use --lang zh or --lang en":                                  "请使用 --lang zh 或 --lang en",
	"give a four-digit year such as --year 2017":                  "请给出四位数的年份，例如 --year 2017",
	"run govindex --help":                                         "运行 govindex --help 查看用法",
	"choose a new folder, or empty this one first":                "请换一个新文件夹，或先清空这个文件夹",
	"choose a folder path":                                        "请给出文件夹的路径",
	"name a file, e.g. --out results.json":                        "请给出文件名，例如 --out results.json",
	"write the output to another file":                            "请把输出写到另一个文件",
	"add observations to the data files named under [index] data": "在 [index] data 列出的数据文件中添加观测值",
}

// zhArgs translates the English words some callers pass as arguments,
// by format and argument index (0-based). Arguments of other formats
// are used as they are, except errors (see localArg).
var zhArgs = map[string]map[int]func(string) string{
	"unknown %s method %q": {0: words(map[string]string{
		"normalisation":     "标准化",
		"weighting":         "赋权",
		"aggregation":       "合成",
		"tie":               "并列排名",
		"imputation":        "缺失值插补",
		"outlier treatment": "异常值处理",
		"star":              "星级评定",
	})},
	"the %s mean needs positive values, but region %s has %g on %q": {0: words(map[string]string{
		"geometric": "几何",
		"harmonic":  "调和",
		"power":     "幂",
	})},
	"%d more %s not shown": {1: words(map[string]string{"problem": "处问题", "problems": "处问题"})},
	"%s expects %s":        {1: words(map[string]string{"one argument, the folder to create": "一个参数：要新建的文件夹"})},
	"unknown key %q %s": {1: func(s string) string {
		if s == "at the top level" {
			return "位于顶层"
		}
		if t, ok := strings.CutPrefix(s, "in "); ok {
			return "位于 " + t
		}
		return s
	}},
	"second value for %s (the first is at %s)": {0: func(s string) string {
		m := secondValueWhat.FindStringSubmatch(s)
		if m == nil {
			return s
		}
		out := "地区 " + m[1] + "、指标 " + m[2]
		if m[3] != "" {
			out += "、" + m[3] + " 年"
		}
		return out
	}},
	"a second [[ahp]] entry for %s (the first is at %s)":                                 {0: zhAHPParent},
	"%s has %d children, but AHP compares at most %d (Saaty's random index stops at 10)": {0: zhAHPParent},
	"the [[ahp]] matrix for %s is empty":                                                 {0: zhAHPParent},
	"the [[ahp]] matrix is %d×%d, but %s has %d children (%s)":                           {2: zhAHPParent},
	"the [[ahp]] matrix for %s has no positive principal eigenvector":                    {0: zhAHPParent},
	"the [[ahp]] comparisons for %s are inconsistent: consistency ratio CR = %.3f":       {0: zhAHPParent},
	"[[ahp]] matrix row %d, column %d: %s is not a number or a fraction":                 {2: words(map[string]string{"a nested value": "嵌套的值"})},
	"the [[ahp]] matrix is not reciprocal: row %d, column %d is %g, so row %d, column %d must be %s, not %g%s": {7: func(s string) string {
		if m := morePairs.FindStringSubmatch(s); m != nil {
			return "（另有 " + m[1] + " 对也不互反）"
		}
		return s
	}},
	"%s: %s": {1: func(s string) string {
		if zh, ok := translateWhole(s); ok {
			return zh
		}
		return s
	}},
}

var morePairs = regexp.MustCompile(`^ \((\d+) more pairs? differs?\)$`)

// zhAHPParent names an [[ahp]] parent as scoring's ahpParentName does.
func zhAHPParent(s string) string {
	if s == "the index (its top-level dimensions)" {
		return "整个指数（各顶层维度）"
	}
	if id, ok := strings.CutPrefix(s, "dimension "); ok {
		return "维度 " + id
	}
	return s
}

var secondValueWhat = regexp.MustCompile(`^region (.*), indicator (".*?")(?:, year (\d+))?$`)

func words(m map[string]string) func(string) string {
	return func(s string) string {
		if zh, ok := m[s]; ok {
			return zh
		}
		return s
	}
}

// zhPattern translates English text built at run time: re must match the
// whole text; zh is a template with ${1}… for re's groups, or fn builds
// the Chinese from the groups (returning "" when it cannot).
type zhPattern struct {
	re *regexp.Regexp
	zh string
	fn func(m []string) string
}

func (p zhPattern) apply(s string) (string, bool) {
	m := p.re.FindStringSubmatchIndex(s)
	if m == nil {
		return "", false
	}
	if p.fn != nil {
		groups := make([]string, len(m)/2)
		for i := range groups {
			if m[2*i] >= 0 {
				groups[i] = s[m[2*i]:m[2*i+1]]
			}
		}
		out := p.fn(groups)
		return out, out != ""
	}
	return string(p.re.ExpandString(nil, p.zh, s, m)), true
}

func pat(re, zh string) zhPattern { return zhPattern{re: regexp.MustCompile(re), zh: zh} }

func patFn(re string, fn func(m []string) string) zhPattern {
	return zhPattern{re: regexp.MustCompile(re), fn: fn}
}

// zhHintPatterns are the hints built at run time (with fmt.Sprintf or +).
var zhHintPatterns = []zhPattern{
	pat(`^did you mean (".*")\?$`, `是否应为 ${1}？`),
	pat(`^did you mean (".*")\? Indicator ids are those of the \[\[indicator\]\] entries in index\.toml$`,
		`是否应为 ${1}？指标 id 即 index.toml 中各 [[indicator]] 的 id`),
	patFn(`^did you mean (.*) \((.*)\)\? Regions are matched by the exact code or name in (.*)$`, func(m []string) string {
		return "是否应为 " + m[1] + "（" + m[2] + "）？地区须与 " + zhFile(m[3]) + " 中的代码或名称完全一致"
	}),
	patFn(`^use a region code or exact name from (.*), such as (.*)$`, func(m []string) string {
		return "请使用 " + zhFile(m[1]) + " 中的地区代码或完整名称，如 " + m[2]
	}),
	patFn(`^add the region to (.*)$`, func(m []string) string { return "请把该地区添加到 " + zhFile(m[1]) }),
	pat(`^remove it or correct its spelling; accepted keys: (.*)$`, `删除该键或改正拼写；可用的键：${1}`),
	pat(`^use one of: (.*)$`, `请使用其中之一：${1}`),
	pat(`^use an indicator id from index\.toml: (.*)$`, `请使用 index.toml 中的指标 id：${1}`),
	pat(`^choose one of the years with data: (.*)$`, `请从有数据的年份中选择：${1}`),
	pat(`^did you mean (.*)\? run (.*) --help for the commands$`, `是否应为 ${1}？运行 ${2} --help 查看所有命令`),
	pat(`^did you mean (.*)\? run (.*) --help for the flags$`, `是否应为 ${1}？运行 ${2} --help 查看所有选项`),
	pat(`^leave out --format \(the extension chooses it\), use --format (\w+), or name a file ending in \.(\w+)$`,
		`请去掉 --format（由文件扩展名决定格式）、改用 --format ${1}，或把文件改名为以 .${2} 结尾`),
	pat(`^put indicator (".*") in the indicator column, one row per value, or use the wide layout without indicator and value columns$`,
		`把指标 ${1} 写在 indicator 列，每个数值一行；或改用不含 indicator 和 value 列的宽表格式`),
	pat(`^add an indicator with dimension = "(.*)" or remove the dimension$`, `添加一个 dimension = "${1}" 的指标，或删去该维度`),
	pat(`^give the highest rating allowed, from 1 to (\d+)$`, `请给出允许的最高评级，取 1 到 ${1}`),
	pat(`^add a numeric column of that name to regions\.csv \((.*)\)$`, `在 regions.csv 中添加同名的数值列（现有：${1}）`),
	pat(`^give a positive (.+) for the region, or leave the cell empty$`, `请为该地区给出正的 ${1}，或让该单元格留空`),
	pat(`^put the text in double quotes, e\.g\. (\S+) = "…"$`, `文本要加双引号，例如 ${1} = "…"`),
	pat(`^write a number without quotes, e\.g\. (\S+) = 1$`, `写数字，不加引号，例如 ${1} = 1`),
	pat(`^write a whole number without quotes, e\.g\. (\S+) = 1$`, `写整数，不加引号，例如 ${1} = 1`),
	pat(`^write (\S+) = true or (\S+) = false$`, `写作 ${1} = true 或 ${2} = false`),
	pat(`^write an array in brackets, e\.g\. (\S+) = \[ … \]$`, `用方括号写数组，例如 ${1} = [ … ]`),
	pat(`^declare (\S+) as a table: \[(\S+)\] on its own line, its keys below$`, `把 ${1} 声明为表：单独一行写 [${2}]，键写在它下面`),
	pat(`^write (\S+) = \[ … \] with that many values$`, `写作 ${1} = [ … ]，值的个数按要求`),
	patFn(`^write one row and one column per child of (.+), in this order: (.*)$`, func(m []string) string {
		return zhAHPParent(m[1]) + " 的每个下级各占一行一列，顺序为：" + m[2]
	}),
	pat(`^name a \[\[dimension\]\] id \((.*)\), or "index" for the top-level dimensions$`,
		`请填写某个 [[dimension]] 的 id（${1}），或用 "index" 表示各顶层维度`),
	pat(`^use (--[a-z]+ \S+)$`, `请使用 ${1}`),
	pat(`^run (.+) --help$`, `运行 ${1} --help 查看用法`),
	pat(`^usage: (.*)$`, `用法：${1}`),
	// A catalogued hint with a list of choices after it (hintID).
	patFn(`^(.+) \(([^()]*)\)$`, func(m []string) string {
		if zh, ok := zhHints[m[1]]; ok {
			return zh + "（" + m[2] + "）"
		}
		return ""
	}),
}

// zhTextPatterns are messages (or parts of messages, such as an error
// passed as an argument) made elsewhere: the decoder's type errors, the
// year and number checks, messages changed after Errorf, the command-line
// parser's errors.
var zhTextPatterns = []zhPattern{
	pat(`^year is empty$`, `年份为空`),
	pat(`^year (.+) is not a year$`, `年份 ${1} 不是有效的年份`),
	pat(`^year (.+) is not between 1900 and 2100$`, `年份 ${1} 不在 1900 到 2100 之间`),
	pat(`^(.+) has misplaced thousands separators \(groups of three digits, e\.g\. 1,234,567\.5\)$`,
		`${1} 的千位分隔符位置不对（应三位一组，如 1,234,567.5）`),
	pat(`^(.+) is not a number$`, `${1} 不是数字`),
	pat(`^(.+) is out of range for (\S+)$`, `${1} 超出了 ${2} 的取值范围`),
	pat(`^(.+) is out of the safe (\S+) range$`, `${1} 超出了 ${2} 的安全范围`),
	pat(`^(.+) is out of range$`, `${1} 超出范围`),
	patFn(`^wrong type for (.+): found (.+), expected (.+)$`, func(m []string) string {
		return m[1] + " 的类型不对：应为" + zhType(m[3]) + "，实际是" + zhType(m[2])
	}),
	pat(`^expected array length (\d+); got TOML array of length (\d+)$`, `应有 ${1} 个值，实际有 ${2} 个`),
	pat(`^damaged UTF-8 \(the rest of the file is UTF-8\): byte (0x[0-9A-F]+) at offset (\d+)$`,
		`UTF-8 文本有损坏（文件其余部分是 UTF-8）：字节 ${1}（偏移 ${2}）`),
	pat(`^neither UTF-8 nor GB18030 text: byte (0x[0-9A-F]+) at offset (\d+)$`,
		`既不是 UTF-8 也不是 GB18030 文本：字节 ${1}（偏移 ${2}）`),
	pat(`^unknown flag: (\S+)$`, `未知的参数 ${1}`),
	pat(`^unknown shorthand flag: ('.+') in (\S+)$`, `未知的短参数 ${1}（在 ${2} 中）`),
	pat(`^flag needs an argument: ('.+') in (\S+)$`, `参数 ${1}（在 ${2} 中）需要一个值`),
	pat(`^flag needs an argument: (\S+)$`, `参数 ${1} 需要一个值`),
	pat(`^invalid argument (".*") for "(.+)" flag: strconv\.Parse(?:Int|Uint): parsing ".*": invalid syntax$`, `参数 ${2} 的值 ${1} 无效：应为整数`),
	pat(`^invalid argument (".*") for "(.+)" flag: strconv\.Parse(?:Int|Uint|Float): parsing ".*": value out of range$`, `参数 ${2} 的值 ${1} 超出范围`),
	pat(`^invalid argument (".*") for "(.+)" flag: strconv\.ParseFloat: parsing ".*": invalid syntax$`, `参数 ${2} 的值 ${1} 无效：应为数值`),
	pat(`^invalid argument (".*") for "(.+)" flag: strconv\.ParseBool: parsing ".*": invalid syntax$`, `参数 ${2} 的值 ${1} 无效：应为 true 或 false`),
	pat(`^invalid argument (".*") for "(.+)" flag: (.*)$`, `参数 ${2} 的值 ${1} 无效：${3}`),
	pat(`^bad flag syntax: (.*)$`, `参数格式有误：${1}`),
	pat(`(?s)^unknown command (".*?") for (".*?")(.*)$`, `${2} 没有命令 ${1}${3}`),
}

// zhSuffixPatterns are what callers append to a message after Errorf
// (the count of rows with the same problem).
var zhSuffixPatterns = []zhPattern{
	pat(`^ \(and (\d+) more rows?\)$`, `（另有 ${1} 行同样如此）`),
}

func zhType(t string) string {
	switch t {
	case "a string":
		return "字符串"
	case "an integer":
		return "整数"
	case "a number":
		return "数值"
	case "a boolean":
		return "布尔值"
	case "a table":
		return "表"
	case "an array":
		return "数组"
	case "a date or time":
		return "日期或时间"
	}
	return " " + t
}

func zhFile(f string) string {
	if f == "the regions file" {
		return "地区文件"
	}
	return f
}

func firstMatch(ps []zhPattern, s string) (string, bool) {
	for _, p := range ps {
		if zh, ok := p.apply(s); ok {
			return zh, true
		}
	}
	return "", false
}

// translateWhole translates a whole message made elsewhere, when a
// pattern knows it.
func translateWhole(s string) (string, bool) { return firstMatch(zhTextPatterns, s) }

// Translate renders format with args in Chinese when the catalogue has
// it, and returns fallback (the English text) otherwise. fallback is the
// message as it stands: text a caller appended after Errorf is translated
// when a pattern knows it, and a message otherwise changed after Errorf
// is translated as a whole or left in English.
func Translate(format string, args []any, fallback string) string {
	zh, ok := zhMessages[format]
	if !ok || format == "" {
		return fallback
	}
	en := fmt.Sprintf(format, args...)
	suffix, appended := strings.CutPrefix(fallback, en)
	if !appended {
		if out, ok := translateWhole(fallback); ok {
			return out
		}
		return fallback
	}
	var out string
	if zh == "%s" || zh == "%v" {
		// Passed on whole: an input error (scoring wraps those of the
		// star rules), an error or text a pattern knows, or English.
		out = en
		if len(args) == 1 {
			out = fmt.Sprint(localArg(format, 0, args[0], en))
		}
		if z, ok := translateWhole(out); ok {
			out = z
		}
	} else {
		local := make([]any, len(args))
		for i, a := range args {
			local[i] = localArg(format, i, a, "")
		}
		out = fmt.Sprintf(zh, local...)
	}
	if suffix != "" {
		if z, ok := firstMatch(zhSuffixPatterns, suffix); ok {
			suffix = z
		}
	}
	return out + suffix
}

// localArg is argument i of format in Chinese, where it can be: an input
// error in its Chinese, an error whose text a pattern knows, or English
// words the format's caller passes (zhArgs). Other arguments are kept.
// When a is kept and whole is not "", whole is returned instead.
func localArg(format string, i int, a any, whole string) any {
	switch v := a.(type) {
	case string:
		if f := zhArgs[format][i]; f != nil {
			return f(v)
		}
	case error:
		if ie, ok := v.(*InputError); ok {
			return ie.zhError()
		}
		if zh, ok := translateWhole(v.Error()); ok {
			return zh
		}
	}
	if whole != "" {
		return whole
	}
	return a
}

// zhError is Error() in Chinese: "file:line:col: 消息；修改建议：提示".
func (e *InputError) zhError() string {
	msg, hint := e.Localized("zh")
	var b strings.Builder
	if s := e.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	b.WriteString(msg)
	if hint != "" {
		b.WriteString("；修改建议：")
		b.WriteString(hint)
	}
	return b.String()
}

// TranslateHint returns the Chinese text of an English hint, or the hint.
func TranslateHint(hint string) string {
	if zh, ok := zhHints[hint]; ok {
		return zh
	}
	if zh, ok := firstMatch(zhHintPatterns, hint); ok {
		return zh
	}
	return hint
}
