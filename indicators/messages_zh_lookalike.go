package indicators

// Chinese for the messages about look-alike names and codes, bidi
// controls in inputs, non-finite numbers in regions files and XLSX cells
// that read as empty though they are not.
func init() {
	for en, zh := range map[string]string{
		// regions_load.go
		"region code %q is the same as %q at %s once invisible characters and character widths are ignored": "地区代码 %q 与 %q（%s）相同（忽略不可见字符和全角/半角差别后）",
		"region name %q is the same as %q at %s once invisible characters and character widths are ignored": "地区名称 %q 与 %q（%s）相同（忽略不可见字符和全角/半角差别后）",
		"column %q: %v": "%q 列：%v",

		// bidi.go
		"the text holds the invisible bidi control U+%04X":      "文本中有不可见的文字方向控制符 U+%04X",
		"cell %s holds the invisible bidi control U+%04X":       "单元格 %s 中有不可见的文字方向控制符 U+%04X",
		"sheet name %q holds the invisible bidi control U+%04X": "工作表名称 %q 中有不可见的文字方向控制符 U+%04X",

		// xlsx_cells.go
		"cell %s refers to shared string %s, which the workbook does not have (the file is damaged)": "单元格 %s 引用了第 %s 号共享字符串，但工作簿中没有这一项（文件已损坏）",
		"more than %d cells have a formula without a saved result (that many are computed, no more)": "超过 %d 个单元格的公式没有保存计算结果（最多只计算这么多个）",
		"cell %s has the formula =%s without a saved result, and it cannot be computed: %v":          "单元格 %s 的公式 =%s 没有保存计算结果，且无法计算：%v",
	} {
		zhMessages[en] = zh
	}
	for en, zh := range map[string]string{
		"delete one of the two rows, or tell them apart by visible characters; remove the invisible characters (zero-width spaces, joiners, direction marks) that came with copied text": "请删去两行中的一行，或用看得见的字符区分二者；并删去随复制文本带入的不可见字符（零宽空格、连接符、文字方向符等）",
		"write a finite number such as 21542000 (1.2万 and \"1,234\" are read too), or leave the cell empty or write NA when it is not known":                                             "请填写有限的数值，例如 21542000（也可写 1.2万 或 \"1,234\"）；数值未知时请留空或填 NA",
		"delete the invisible direction mark (text copied from web pages or right-to-left documents often carries one): beside digits it changes the order they are shown in":            "请删去这个不可见的文字方向控制符（从网页或从右到左书写的文档中复制的文本常带有它）：它会改变相邻数字的显示顺序",
		"open the workbook in a spreadsheet program and save it again as .xlsx; if the cell is still empty, type its value in":                                                           "请用电子表格软件打开工作簿并重新另存为 .xlsx；若该单元格仍为空，请直接填入数值",
		"rename the sheet without the invisible direction mark: beside digits it changes the order they are shown in":                                                                    "请重命名工作表，去掉其中不可见的文字方向控制符：它会改变相邻数字的显示顺序",
		"open the workbook in Excel or WPS and save it again so that the results of formulas are stored, or type the value in":                                                           "请用 Excel 或 WPS 打开工作簿并重新保存，以便保存公式的计算结果；或直接填入数值",
	} {
		zhHints[en] = zh
	}
}
