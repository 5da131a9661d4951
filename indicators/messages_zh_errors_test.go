package indicators

import (
	"encoding/csv"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The TOML decoder's syntax messages, as Parse reports them, in Chinese;
// the English stays as the decoder wrote it.
func TestTranslateTOMLErrors(t *testing.T) {
	tests := []struct{ doc, en, zh string }{
		{"[index]\nregions = regions.csv\n", `expected value but found "regions" instead`, `此处应为一个值，实际却是 "regions"`},
		{"[index]\nname = \"x\"\nname = \"y\"\n", `Key 'index.name' has already been defined.`, `键 'index.name' 重复定义（每个键只能写一次）`},
		{"[index\n", `expected '.' or ']' to end table name, but got '\n' instead`, `表名之后应为 '.' 或 ']'，实际却是 '\n'`},
		{"[[dimension]\n", `expected end of table array name delimiter ']', but got '\n' instead`, `表数组名称应以 "]]" 结束，实际却是 '\n'`},
		{"[index]\nname \"x\"\n", `expected '.' or '=', but got '"' instead`, `键名之后应为 '.' 或 '='，实际却是 '"'`},
		{"[index]\ndata = [\"a\", \"b\"\n", `expected a comma (',') or array terminator (']'), but got end of file`, `此处应为逗号（','）或数组的结束符（']'），实际却是文件结尾`},
		{"[index]\nname = \"abc\n", `strings cannot contain newlines`, `字符串中不能换行（多行文本请用 """ … """）`},
		{"[index]\nname = \"\"\"abc\n", `unexpected EOF; expected '"""'`, `文件意外结束：缺少 '"""'`},
		{"[index]\nyear = 02017\n", `Invalid integer "02017": cannot have leading zeroes`, `无效的整数 "02017"：不能以 0 开头`},
		{"[index]\nyear = 1__0\n", `Invalid integer "1__0": underscores must be surrounded by digits`, `无效的整数 "1__0"：下划线两侧必须是数字`},
		{"[index]\nyear = 1.e5\n", `Invalid float "1.e5": '.' must be followed by one or more digits`, `无效的小数 "1.e5"：'.' 之后必须有数字`},
		{"[index]\nyear = +0x10\n", `cannot use sign with non-decimal numbers: '+0x'`, `非十进制数不能带正负号：'+0x'`},
		{"[index]\nyear = 2017-13-45\n", `invalid datetime: "2017-13-45"`, `无效的日期时间："2017-13-45"`},
		{"[index]\nname = \"a\\qb\"\n", `invalid escape in string '\q'`, `字符串中有无效的转义 '\q'`},
		{"[index]\nname = \"\\u00\"\n", `expected four hexadecimal digits after '\u', but got "\\u00\"" instead`, `'\u' 之后应有四位十六进制数字，实际却是 "\\u00\""`},
		{"[index]\nname = \"\x01\"\n", `TOML files cannot contain control characters: '0x01'`, `TOML 文件不能包含控制字符：'0x01'`},
		{"[index]\n= 1\n", `unexpected '=': key name appears blank`, `意外的 '='：键名似乎为空`},
		{"[index]\n.x = 1\n", `unexpected '.': keys cannot start with a '.'`, `意外的 '.'：键名不能以 '.' 开头`},
		{"[index]\nx = [1,,2]\n", `unexpected comma`, `多余的逗号`},
		{"[index]\n[[index]]\n", `Key 'index' was already created and cannot be used as an array.`, `键 'index' 已经定义过，不能再用作数组`},
		{"[index]\nname = \"x\" y\n", `expected a top-level item to end with a newline, comment, or EOF, but got 'y' instead`, `一项内容之后应换行、写注释或结束文件，实际却是 'y'`},
		{"[index]\nyear = 99999999999999999999\n", `99999999999999999999 is out of range for int64`, `99999999999999999999 超出了 int64 的取值范围`},
	}
	for _, tc := range tests {
		t.Run(tc.en, func(t *testing.T) {
			_, err := Parse("index.toml", []byte(tc.doc), nil)
			var e *InputError
			require.ErrorAs(t, err, &e)
			en, _ := e.Localized("en")
			zh, hint := e.Localized("zh")
			assert.Equal(t, tc.en, en)
			assert.Equal(t, tc.zh, zh)
			assert.True(t, isChinese(hint), "hint %q", hint)
		})
	}
}

// Texts of other libraries' errors, alone or after a key.
func TestTranslateErrorTexts(t *testing.T) {
	tests := []struct{ en, zh string }{
		{"unexpected EOF", "文件意外结束"},
		{"expected a comma or an inline table terminator '}', but got end of file instead", "此处应为逗号或内联表的结束符 '}'，实际却是文件结尾"},
		{"expected a comma or an inline table terminator '}', but got 'x' instead", "此处应为逗号或内联表的结束符 '}'，实际却是 'x'"},
		{`"index.name" is not a table`, `"index.name" 不是表`},
		{"Key 'a' was already created as a hash.", "键 'a' 已经定义为表"},
		{"newlines not allowed within inline tables", "内联表（{ … }）中不能换行"},
		{"files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8", "文件中不能有 NUL 字节（可能是 UTF-16 编码）；TOML 文件必须是 UTF-8"},
		{"index.name: Key 'index.name' has already been defined.", "index.name：键 'index.name' 重复定义（每个键只能写一次）"},
		{"no such file or directory", "文件不存在"},
		{"file does not exist", "文件不存在"},
		{"permission denied", "没有读取权限"},
		{"is a directory", "这是一个文件夹，不是文件"},
		{"not a directory", "路径中有一部分不是文件夹"},
		{`bare " in non-quoted field`, `未加引号的字段中出现了 "`},
		{`extraneous or missing " in quoted field`, `带引号的字段中多了或少了 "`},
		{"wrong number of fields", "字段个数与表头不符"},
		{"record on line 3: wrong number of fields", "第 3 行：字段个数与表头不符"},
		{`parse error on line 2, column 5: bare " in non-quoted-field`, `第 2 行第 5 列有误：未加引号的字段中出现了 "`},
		{"zip: not a valid zip file", "不是有效的 ZIP 文件（XLSX 工作簿是 ZIP 压缩包）"},
		{"unsupported workbook file format", "不支持的工作簿格式"},
		{"unzip size exceeds the 1073741824 bytes limit", "解压后的大小超过了 1073741824 字节的上限"},
		{"XML syntax error on line 1: unexpected EOF", "XML 语法错误（第 1 行）：unexpected EOF"},
		{"some other error", "some other error"},
		{"unexpected end of JSON input", "unexpected end of JSON input"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.zh, TranslateError(errors.New(tc.en)), "%q", tc.en)
	}
	// The errors themselves, as the libraries make them.
	for err, zh := range map[error]string{
		syscall.ENOENT:    "文件不存在",
		fs.ErrNotExist:    "文件不存在",
		syscall.EISDIR:    "这是一个文件夹，不是文件",
		csv.ErrBareQuote:  `未加引号的字段中出现了 "`,
		csv.ErrQuote:      `带引号的字段中多了或少了 "`,
		csv.ErrFieldCount: "字段个数与表头不符",
		&csv.ParseError{StartLine: 4, Line: 4, Column: 2, Err: csv.ErrFieldCount}: "第 4 行：字段个数与表头不符",
	} {
		assert.Equal(t, zh, TranslateError(err), "%v", err)
	}
}

// Errors passed as arguments are translated inside the message; under
// --lang en everything stays English.
func TestTranslateWrappedErrors(t *testing.T) {
	tests := []struct {
		err    *InputError
		en, zh string
	}{
		{Errorf(Pos{}, "", "cannot read: %v", syscall.ENOTDIR), "cannot read: not a directory", "无法读取：路径中有一部分不是文件夹"},
		{Errorf(Pos{}, "", "cannot read CSV: %v", csv.ErrFieldCount), "cannot read CSV: wrong number of fields", "无法读取 CSV：字段个数与表头不符"},
		{Errorf(Pos{}, "", "%s file %q cannot be read: %v (%s)", "data", "a.csv", syscall.ELOOP, "/p/a.csv"),
			`data file "a.csv" cannot be read: too many levels of symbolic links (/p/a.csv)`, `无法读取数据文件 "a.csv"：符号链接层数过多（/p/a.csv）`},
		{Errorf(Pos{}, "", "%s file %q not found (tried %s)", "evidence", "e.csv", "/p/e.csv"),
			`evidence file "e.csv" not found (tried /p/e.csv)`, `证据文件 "e.csv" 不存在（查找的路径：/p/e.csv）`},
	}
	for _, tc := range tests {
		en, _ := tc.err.Localized("en")
		zh, _ := tc.err.Localized("zh")
		assert.Equal(t, tc.en, en)
		assert.Equal(t, tc.zh, zh)
	}

	// A damaged workbook: excelize's error in Chinese.
	_, err := ReadXLSXTables("d.xlsx", []byte("PK\x03\x04 not really a zip"))
	var list ErrorList
	require.ErrorAs(t, err, &list)
	zh, hint := list[0].Localized("zh")
	assert.Equal(t, "无法打开工作簿：不是有效的 ZIP 文件（XLSX 工作簿是 ZIP 压缩包）", zh)
	assert.True(t, isChinese(hint))

	// A folder named as a file.
	dir := t.TempDir()
	_, err = LoadFile(dir)
	var e *InputError
	require.ErrorAs(t, err, &e)
	zh, hint = e.Localized("zh")
	assert.Equal(t, "这是一个文件夹，不是文件", zh)
	assert.Equal(t, "请指定一个文件，而不是文件夹", hint)

	// A missing file, and its hints in Chinese.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "index.toml"), []byte(defHead+tomlLines(`data = ["data.csv"]`)+defTree), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "regions.csv"), []byte("code,name\nA,甲\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "date.csv"), []byte("region,i1\nA,1\n"), 0o644))
	def, err := LoadFile(filepath.Join(dir, "index.toml"))
	require.NoError(t, err)
	_, err = LoadData(def, "")
	require.ErrorAs(t, err, &list)
	zh, hint = list[0].Localized("zh")
	assert.Equal(t, `数据文件 "data.csv" 不存在（查找的路径：`+filepath.Join(dir, "data.csv")+`）`, zh)
	assert.Equal(t, `是否应为 "date.csv"？`, hint)
	assert.False(t, strings.Contains(zh+hint, "not found"))
}
