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

		// cmd/govindex: --out that is not replaced
		"--out %s is a symbolic link to %s":                       "--out %s 是指向 %s 的符号链接",
		"--out %s is a symbolic link to %s, which does not exist": "--out %s 是指向 %s 的符号链接，而该文件不存在",
		"--out %s is a block device":                              "--out %s 是块设备",
		"--out %s is a socket":                                    "--out %s 是套接字",
		"--out %s is a special file that cannot be written":       "--out %s 是无法写入的特殊文件",
		"--out %s is a %s, not a folder":                          "--out %s 是%s，不是文件夹",
		// report --force
		"--out %s holds %s, which report does not write: --force replaces only a report folder": "--out %s 中有 %s，这不是 report 写出的文件：--force 只替换报告文件夹",
		"--out %s holds %s, one of the project's input files":                                   "--out %s 中有 %s，这是本项目的输入文件",
	} {
		zhMessages[en] = zh
	}
	zhArgs["--out %s is a %s, not a folder"] = map[int]func(string) string{1: specialKinds}
	zhArgs["is a %s, not a regular file"] = map[int]func(string) string{0: specialKinds}
	zhArgs["%s file %q is a %s, not a regular file (%s)"] = map[int]func(string) string{
		0: words(map[string]string{"regions": "地区", "data": "数据", "evidence": "证据",
			"article template": "文章模板", "font": "字体", "map": "地图"}),
		2: specialKinds,
	}
	for en, zh := range map[string]string{
		notRegularHint: "请指定普通文件；若要读取管道或设备给出的内容，请先把它存成文件（例如 cat 来源 > 文件）",
		"name the file itself, or delete the link first: output never replaces a symbolic link nor writes through one to a file": "请直接指定文件本身，或先删除该链接：输出既不会替换符号链接，也不会经由它写入别处的文件",
		"name a file, not a link, or delete the link first":                                                                      "请指定文件而不是链接，或先删除该链接",
		"name a file: output never overwrites a disk":                                                                            "请指定文件：输出绝不会覆盖磁盘",
		"name a file, or leave out --out to write to standard output":                                                            "请指定文件，或去掉 --out，输出到标准输出",
		"name a regular file, e.g. --out results.json":                                                                           "请指定普通文件，例如 --out results.json",
		"write the report to a new folder, or move what you keep out of this one":                                                "请把报告写到新文件夹，或把要保留的文件移出这个文件夹",
		"write the report to another folder: replacing this one would delete the file":                                           "请把报告写到另一个文件夹：替换这个文件夹会删除该文件",
	} {
		zhHints[en] = zh
	}
}
