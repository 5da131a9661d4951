package indicators

// Chinese for the messages about inputs that are not regular files, about
// --out targets that are never replaced, about report folders --force may
// not replace, and about paths that leave the project folder.
func init() {
	specialKinds := words(map[string]string{
		"named pipe":       "命名管道",
		"character device": "字符设备",
		"block device":     "块设备",
		"socket":           "套接字",
		"special file":     "特殊文件",
	})
	for en, zh := range map[string]string{
		// files.go
		"is a %s, not a regular file":                 "这是%s，不是普通文件",
		"%s file %q is a %s, not a regular file (%s)": "%s文件 %q 是%s，不是普通文件（%s）",
	} {
		zhMessages[en] = zh
	}
	zhArgs["is a %s, not a regular file"] = map[int]func(string) string{0: specialKinds}
	zhArgs["%s file %q is a %s, not a regular file (%s)"] = map[int]func(string) string{
		0: words(map[string]string{"regions": "地区", "data": "数据", "evidence": "证据",
			"article template": "文章模板", "font": "字体", "map": "地图"}),
		2: specialKinds,
	}
	for en, zh := range map[string]string{
		notRegularHint: "请指定普通文件；若要读取管道或设备给出的内容，请先把它存成文件（例如 cat 来源 > 文件）",
	} {
		zhHints[en] = zh
	}
}
