package indicators

import "regexp"

// The Chinese of the catalog collector's messages (collect_catalog.go),
// added to the catalogue of messages_zh.go. Entries the catalogue already
// has (messages shared with other readers) are left as they are.
func init() {
	messages := map[string]string{
		"the [[source]] entry names no catalog files":                                     "该 [[source]] 条目没有列出任何目录文件",
		"a catalog source needs a region":                                                 "目录类（catalog）数据源必须指定地区",
		"unknown region %s":                                                               "未知的地区 %s",
		"this is a ZIP archive (or an XLSX workbook), not a catalog":                      "这是 ZIP 压缩包（或 XLSX 工作簿），不是数据目录",
		"this is an old Office file (.xls or .doc), not a catalog":                        "这是旧版 Office 文件（.xls 或 .doc），不是数据目录",
		"the text is UTF-16, which is not read":                                           "文本是 UTF-16 编码，不支持读取",
		"looks like a binary file (NUL byte at offset %d)":                                "似乎是二进制文件（偏移 %d 处有 NUL 字节）",
		"the file is empty":                                                               "文件为空",
		"this is an HTML page, not a catalog":                                             "这是 HTML 网页，不是数据目录",
		"this is XML, not JSON: DCAT in RDF/XML is not read":                              "这是 XML，不是 JSON：不支持读取 RDF/XML 格式的 DCAT",
		"invalid JSON: %s":                                                                "JSON 格式有误：%s",
		"a JSON object with keys %s is not a catalog":                                     "键为 %s 的 JSON 对象不是数据目录",
		"a JSON array with no JSON-LD nodes (objects with @id or @type) is not a catalog": "不含 JSON-LD 节点（带 @id 或 @type 的对象）的 JSON 数组不是数据目录",
		"a single JSON value (%s) is not a catalog":                                       "单个 JSON 值（%s）不是数据目录",
		"this looks like CSV (first line %s), not a catalog":                              "这似乎是 CSV 文件（第一行为 %s），不是数据目录",
		"this is not JSON: it starts with %s":                                             "这不是 JSON：文件以 %s 开头",
		"the JSON ends before it is complete (is the file cut short?)":                    "JSON 没有写完就结束了（文件是否被截断？）",
		`"dataset" must be a list of datasets`:                                            `"dataset" 必须是数据集的列表`,
		"dataset #%d is not a JSON object":                                                "第 %d 个数据集不是 JSON 对象",
		"the CKAN API reported an error: %s":                                              "CKAN 接口返回了错误：%s",
		"this CKAN response has no result.results list of packages":                       "该 CKAN 响应中没有 result.results 数据集列表",
		"this CKAN response lists package names only (package_list)":                      "该 CKAN 响应只列出了数据集名称（package_list）",
		"the JSON-LD document has no typed nodes, so no dcat:Dataset":                     "该 JSON-LD 文档中没有带类型（@type）的节点，因而没有 dcat:Dataset",
		"the JSON-LD document has no dcat:Dataset nodes (types found: %s)":                "该 JSON-LD 文档中没有 dcat:Dataset 节点（找到的类型：%s）",
	}
	hints := map[string]string{
		hintCatalogFormats:   `请提供 Project Open Data 的 data.json（含 "dataset" 列表的对象）、DCAT JSON-LD 文档（由 dcat:Dataset 节点组成的 @graph）或 CKAN package_search 接口的响应（{"result": {"results": […]}}）`,
		hintCatalogHTML:      "请保存门户网站的数据目录而不是网页：/data.json、DCAT JSON-LD 导出文件，或 CKAN 的 /api/3/action/package_search?rows=1000",
		hintCatalogXML:       "请向门户网站索取 JSON-LD 格式的 DCAT，或把 RDF/XML 转换为 JSON-LD（例如 riot --output=jsonld catalog.rdf）",
		hintCatalogJSON:      "请改正此处的 JSON（jq . FILE 会报告同一位置），或重新下载数据目录",
		hintCatalogTrunc:     "请重新下载数据目录：该文件不完整",
		hintCatalogCKAN:      "请保存 /api/3/action/package_search 接口成功时的响应",
		hintCatalogDataset:   `写作 "dataset": [{…}, {…}]，每个数据集一个对象`,
		hintCatalogLD:        `请为每个数据集节点写上 "@type": "dcat:Dataset"（或 IRI http://www.w3.org/ns/dcat#Dataset）`,
		hintCatalogRegion:    `请在该 [[source]] 条目中添加 region = "<代码或名称>"：目录文件本身不会说明它属于哪个地区`,
		hintCatalogFiles:     `请列出目录文件，例如 files = ["evidence/catalog.json"]`,
		hintCatalogZip:       "请解压后填写其中的 JSON 目录文件",
		hintCatalogBinary:    "请以 JSON 文本（UTF-8）提供数据目录",
		hintCatalogNoRegions: `请写 region = "<代码>"，使用地区文件中的代码或完整名称`,
	}
	for en, zh := range messages {
		if _, ok := zhMessages[en]; !ok {
			zhMessages[en] = zh
		}
	}
	for en, zh := range hints {
		if _, ok := zhHints[en]; !ok {
			zhHints[en] = zh
		}
	}
	if _, ok := zhArgs["invalid JSON: %s"]; !ok {
		zhArgs["invalid JSON: %s"] = map[int]func(string) string{0: zhJSONSyntax}
	}
}

// jsonSyntaxPatterns are the messages of encoding/json's syntax errors.
var jsonSyntaxPatterns = []struct {
	re *regexp.Regexp
	zh string
}{
	{regexp.MustCompile(`^invalid character (.+) looking for beginning of value$`), "无效字符 ${1}：此处应是一个值的开头"},
	{regexp.MustCompile(`^invalid character (.+) looking for beginning of object key string$`), "无效字符 ${1}：此处应是用双引号括起的键名"},
	{regexp.MustCompile(`^invalid character (.+) after object key$`), "无效字符 ${1}：键名后面应是冒号"},
	{regexp.MustCompile(`^invalid character (.+) after object key:value pair$`), "无效字符 ${1}：键值对后面应是逗号或 }"},
	{regexp.MustCompile(`^invalid character (.+) after array element$`), "无效字符 ${1}：数组元素后面应是逗号或 ]"},
	{regexp.MustCompile(`^invalid character (.+) after top-level value$`), "无效字符 ${1}：JSON 值结束后还有多余内容"},
	{regexp.MustCompile(`^invalid character (.+) in string literal$`), "字符串中有无效字符 ${1}（控制字符须转义）"},
	{regexp.MustCompile(`^invalid character (.+) in string escape code$`), "字符串转义序列中有无效字符 ${1}"},
	{regexp.MustCompile(`^invalid character (.+) in numeric literal$`), "数字中有无效字符 ${1}"},
	{regexp.MustCompile(`^invalid character (.+) in literal (\w+) \(expecting (.+)\)$`), "字面量 ${2} 中有无效字符 ${1}（应为 ${3}）"},
	{regexp.MustCompile(`^invalid character (.+)$`), "无效字符 ${1}"},
}

// zhJSONSyntax translates an encoding/json syntax error message.
func zhJSONSyntax(s string) string {
	for _, p := range jsonSyntaxPatterns {
		if m := p.re.FindStringSubmatchIndex(s); m != nil {
			return string(p.re.ExpandString(nil, p.zh, s, m))
		}
	}
	return s
}
