package indicators

// The Chinese of the messages and hints of the article command
// (cmd/govindex/article.go).
func init() {
	for en, zh := range map[string]string{
		"article template: %s":                     "文章模板有误：%s",
		"the article template is not UTF-8 text":   "文章模板不是 UTF-8 文本",
		"article has no %s format: it is Markdown": "article 没有 %s 格式：文章是 Markdown",
	} {
		zhMessages[en] = zh
	}
	for en, zh := range map[string]string{
		"save the template as UTF-8 text": "请把模板保存为 UTF-8 文本",
		"fix the template: it is Go text/template over the article's data (see the README's article section)": "请修正模板：模板用 Go text/template 语法书写，可用的数据见 README 中关于文章的说明",
		"leave --format out, or use --format md": "请去掉 --format，或使用 --format md",
	} {
		zhHints[en] = zh
	}
}
