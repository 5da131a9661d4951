package indicators

// The Chinese of the messages and hints of the report command
// (cmd/govindex/report.go) and of the static charts' font errors
// (reports/charts.go). The article template's messages, which report
// shares with the article command, are in messages_zh_article.go.
func init() {
	for en, zh := range map[string]string{
		// cmd/govindex/report.go
		"report needs --out DIR":                         "report 需要 --out DIR 指定输出文件夹",
		"report has no --format: it writes every format": "report 没有 --format 选项：它会写出所有格式",
		"--out %s is a symbolic link":                    "--out %s 是一个符号链接",
		"--out %s is a file, not a folder":               "--out %s 是文件，不是文件夹",
		"--out %s is not empty":                          "--out %s 不是空文件夹",
		"--out %s is the current folder or holds it":     "--out %s 是当前文件夹或其上级文件夹",
		"--out %s holds the project's input files":       "--out %s 中有本项目的输入文件",
		// reports/charts.go
		"the font is not a TrueType or OpenType font or collection: %v": "字体文件不是 TrueType 或 OpenType 字体（或字体集）：%v",
		"the font has no Chinese glyphs":                                "字体中没有中文字形",
		"no font with Chinese glyphs was found on this system":          "本机上没有找到含中文字形的字体",
	} {
		zhMessages[en] = zh
	}
	for en, zh := range map[string]string{
		// cmd/govindex/report.go
		"name the folder to write, e.g. --out report":                      "请指定要写出的文件夹，例如 --out report",
		"leave --format out: report writes every format":                   "请去掉 --format：report 会写出所有格式",
		"name the folder itself, not a link to it":                         "请直接给出文件夹本身，而不是指向它的链接",
		"name a folder for the report, e.g. --out report":                  "请为报告指定一个文件夹，例如 --out report",
		"choose a new or empty folder, or add --force to replace this one": "请换一个新的或空的文件夹，或加上 --force 替换这个文件夹",
		"write the report to a new folder, e.g. --out report":              "请把报告写到一个新文件夹，例如 --out report",
		"write the report to another folder":                               "请把报告写到另一个文件夹",
		// reports/charts.go
		`name a TrueType/OpenType font with Chinese glyphs in [report] font, e.g. font = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"`:                                                                  `请在 [report] font 中指定一个含中文字形的 TrueType/OpenType 字体，例如 font = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"`,
		`install a CJK font (Debian/Ubuntu: apt-get install fonts-noto-cjk; Fedora: dnf install google-noto-sans-cjk-fonts; Alpine: apk add font-noto-cjk) or set [report] font = "path/to/font.ttc" in index.toml`: `请安装中文字体（Debian/Ubuntu：apt-get install fonts-noto-cjk；Fedora：dnf install google-noto-sans-cjk-fonts；Alpine：apk add font-noto-cjk），或在 index.toml 中设置 [report] font = "字体文件路径.ttc"`,
	} {
		zhHints[en] = zh
	}
}
