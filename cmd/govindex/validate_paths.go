package main

import (
	"fmt"

	"github.com/govindex/govindex/indicators"
)

// printOutsidePaths notes every path index.toml names that leads out of
// the project folder (absolute, with "..", or through a symbolic link):
// allowed, but a project from elsewhere could pull any file of the
// machine into a report it publishes, so validate names each one with
// the file it leads to.
func printOutsidePaths(g *globalOptions, def *indicators.Definition) {
	if g.quiet {
		return
	}
	for _, o := range def.OutsidePaths() {
		if g.lang == "en" {
			fmt.Fprintf(g.stdout, "note: %s: %s file %q is outside the project folder: %s; check that this project should read it\n",
				o.Pos, o.Kind, o.Rel, o.File)
			continue
		}
		fmt.Fprintf(g.stdout, "注意：%s: %s文件 %q 位于项目文件夹之外：%s；请确认本项目确实应当读取它\n",
			o.Pos, zhFileKind[o.Kind], o.Rel, o.File)
	}
}

// zhFileKind names the kinds of files index.toml names, in Chinese.
var zhFileKind = map[string]string{
	"regions": "地区", "data": "数据", "evidence": "证据",
	"article template": "文章模板", "font": "字体", "map": "地图",
}
