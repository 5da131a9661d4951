package indicators

import "strings"

// Chinese for the error texts of the libraries govindex passes on: the
// TOML decoder's syntax messages (BurntSushi/toml v1.6: lex.go, parse.go,
// error.go), the operating system's file errors, encoding/csv and the
// XLSX reader (excelize, archive/zip). They arrive as the whole message
// ("%s") or as an error argument, and are matched here as a whole; a
// message not listed stays in English.
func init() {
	zhTextPatterns = append(zhTextPatterns,
		// TOML: the lexer.
		pat(`^unexpected EOF$`, `文件意外结束`),
		pat(`^unexpected EOF; expected value$`, `文件意外结束：此处缺少值`),
		pat(`^unexpected EOF; expected key separator '='$`, `文件意外结束：键之后缺少 '='`),
		pat(`^unexpected EOF; expected (.+)$`, `文件意外结束：缺少 ${1}`),
		pat(`^expected a top-level item to end with a newline, comment, or EOF, but got (.+) instead$`,
			`一项内容之后应换行、写注释或结束文件，实际却是 ${1}`),
		pat(`^expected end of table array name delimiter '\]', but got (.+) instead$`, `表数组名称应以 "]]" 结束，实际却是 ${1}`),
		pat(`^unexpected end of table name \(table names cannot be empty\)$`, `表名意外结束（表名不能为空）`),
		pat(`^unexpected table separator \(table names cannot be empty\)$`, `意外的表名分隔符（表名不能为空）`),
		pat(`^expected '\.' or '\]' to end table name, but got (.+) instead$`, `表名之后应为 '.' 或 ']'，实际却是 ${1}`),
		pat(`^expected value but found (.+) instead$`, `此处应为一个值，实际却是 ${1}`),
		pat(`^unexpected '=': key name appears blank$`, `意外的 '='：键名似乎为空`),
		pat(`^unexpected '\.': keys cannot start with a '\.'$`, `意外的 '.'：键名不能以 '.' 开头`),
		pat(`^expected '\.' or '=', but got (.+) instead$`, `键名之后应为 '.' 或 '='，实际却是 ${1}`),
		pat(`^floats must start with a digit, not '\.'$`, `小数必须以数字开头，不能以 '.' 开头`),
		pat(`^unexpected comma$`, `多余的逗号`),
		patFn(`^expected a comma \(','\) or array terminator \('\]'\), but got (.+)$`, func(m []string) string {
			return "此处应为逗号（','）或数组的结束符（']'），实际却是" + zhTOMLRune(m[1])
		}),
		patFn(`^expected a comma or an inline table terminator '\}', but got (.+) instead$`, func(m []string) string {
			return "此处应为逗号或内联表的结束符 '}'，实际却是" + zhTOMLRune(m[1])
		}),
		pat(`^unexpected ('.*'|".*")$`, `意外的 ${1}`),
		patFn(`^expected (two|four|eight) hexadecimal digits after '\\(.)', but got (.+) instead$`, func(m []string) string {
			n := map[string]string{"two": "两", "four": "四", "eight": "八"}[m[1]]
			return `'\` + m[2] + "' 之后应有" + n + "位十六进制数字，实际却是 " + m[3]
		}),
		pat(`^invalid float: (.+)$`, `无效的小数：${1}`),
		pat(`^cannot use sign with non-decimal numbers: (.+)$`, `非十进制数不能带正负号：${1}`),
		pat(`^expected a digit but got (.+)$`, `此处应为数字，实际却是 ${1}`),
		pat(`^not a binary number: (.+)$`, `不是有效的二进制数：${1}`),
		pat(`^not an octal number: (.+)$`, `不是有效的八进制数：${1}`),
		pat(`^not a hexadecimal number: (.+)$`, `不是有效的十六进制数：${1}`),
		// TOML: the parser and its error types.
		pat(`^Invalid integer (".*"): underscores must be surrounded by digits$`, `无效的整数 ${1}：下划线两侧必须是数字`),
		pat(`^Invalid integer (".*"): cannot have leading zeroes$`, `无效的整数 ${1}：不能以 0 开头`),
		pat(`^Invalid float (".*"): underscores must be surrounded by digits$`, `无效的小数 ${1}：下划线两侧必须是数字`),
		pat(`^Invalid float (".*"): cannot have leading zeroes$`, `无效的小数 ${1}：不能以 0 开头`),
		pat(`^Invalid float (".*"): '\.' must be followed by one or more digits$`, `无效的小数 ${1}：'.' 之后必须有数字`),
		pat(`^Invalid float value: (".*")$`, `无效的小数：${1}`),
		pat(`^(".*") is not a table$`, `${1} 不是表`),
		pat(`^Key '(.*)' was already created as a hash\.$`, `键 '${1}' 已经定义为表`),
		pat(`^Key '(.*)' was already created and cannot be used as an array\.$`, `键 '${1}' 已经定义过，不能再用作数组`),
		pat(`^Key '(.*)' has already been defined\.$`, `键 '${1}' 重复定义（每个键只能写一次）`),
		pat(`^invalid escape: '\\(.*)'$`, `字符串中有无效的转义 '\${1}'`),
		pat(`^invalid escape in string '\\(.*)'$`, `字符串中有无效的转义 '\${1}'`),
		pat(`^Escaped character '\\u(.*)' is not valid UTF-8\.$`, `转义字符 '\u${1}' 不是有效的 UTF-8`),
		pat(`^TOML files cannot contain control characters: '(0x[0-9a-f]+)'$`, `TOML 文件不能包含控制字符：'${1}'`),
		pat(`^invalid UTF-8 byte: (0x[0-9a-f]+)$`, `无效的 UTF-8 字节：${1}`),
		pat(`^invalid datetime: (".*")$`, `无效的日期时间：${1}`),
		pat(`^invalid duration: (".*")$`, `无效的时长：${1}`),
		pat(`^newlines not allowed within inline tables$`, `内联表（{ … }）中不能换行`),
		pat(`^strings cannot contain newlines$`, `字符串中不能换行（多行文本请用 """ … """）`),
		pat(`^files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8$`,
			`文件中不能有 NUL 字节（可能是 UTF-16 编码）；TOML 文件必须是 UTF-8`),

		// The operating system's file errors (syscall.Errno and fs.Err…).
		pat(`^(?:no such file or directory|file does not exist)$`, `文件不存在`),
		pat(`^permission denied$`, `没有读取权限`),
		pat(`^is a directory$`, `这是一个文件夹，不是文件`),
		pat(`^not a directory$`, `路径中有一部分不是文件夹`),
		pat(`^file name too long$`, `文件名太长`),
		pat(`^too many levels of symbolic links$`, `符号链接层数过多`),
		pat(`^input/output error$`, `读写错误（输入/输出错误）`),
		pat(`^too many open files$`, `打开的文件过多`),
		pat(`^no space left on device$`, `磁盘空间不足`),
		pat(`^read-only file system$`, `文件系统是只读的`),
		pat(`^file already exists$`, `文件已存在`),

		// encoding/csv.
		pat(`^bare " in non-quoted[- ]field$`, `未加引号的字段中出现了 "`),
		pat(`^extraneous or missing " in quoted[- ]field$`, `带引号的字段中多了或少了 "`),
		pat(`^wrong number of fields$`, `字段个数与表头不符`),
		pat(`^record on line (\d+): wrong number of fields$`, `第 ${1} 行：字段个数与表头不符`),
		patFn(`^parse error on line (\d+), column (\d+): (.+)$`, func(m []string) string {
			rest := m[3]
			if z, ok := translateWhole(rest); ok {
				rest = z
			}
			return "第 " + m[1] + " 行第 " + m[2] + " 列有误：" + rest
		}),

		// The XLSX reader.
		pat(`^zip: not a valid zip file$`, `不是有效的 ZIP 文件（XLSX 工作簿是 ZIP 压缩包）`),
		pat(`^zip: unsupported compression algorithm$`, `不支持的 ZIP 压缩方式`),
		pat(`^zip: checksum error$`, `ZIP 校验和错误：文件已损坏`),
		pat(`^unsupported workbook file format$`, `不支持的工作簿格式`),
		pat(`^the supplied open workbook password is not correct$`, `工作簿有密码保护`),
		pat(`^unzip size exceeds the (\d+) bytes limit$`, `解压后的大小超过了 ${1} 字节的上限`),
		pat(`^XML syntax error on line (\d+): (.+)$`, `XML 语法错误（第 ${1} 行）：${2}`),

		// A decoder message after the key it concerns: "index.name: …".
		patFn(`^([A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*): (.+)$`, func(m []string) string {
			if z, ok := translateWhole(m[2]); ok {
				return m[1] + "：" + z
			}
			return ""
		}),
	)
}

// TranslateError is the Chinese of an error from the operating system or
// a library whose text the catalogue knows ("no such file or directory",
// a TOML syntax message, …), or its English text.
func TranslateError(err error) string {
	if zh, ok := translateWhole(err.Error()); ok {
		return zh
	}
	return err.Error()
}

// zhTOMLRune is the Chinese of what the TOML lexer found: a quoted
// character, or "end of file".
func zhTOMLRune(s string) string {
	if s == "end of file" {
		return "文件结尾"
	}
	return " " + strings.TrimSpace(s)
}
