package reports

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// unescapedPipes counts the | that are not backslash-escaped.
func unescapedPipes(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++ // skip the escaped character
		case '|':
			n++
		}
	}
	return n
}

func TestMarkdownTable(t *testing.T) {
	out := string(render(t, func(w *bytes.Buffer) error { return WriteMarkdown(w, testResult(), Options{Lang: "zh"}) }))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 2+2+4+2)
	assert.Equal(t, "## 政府数据融合共享应用指数 · 2017 版 · 2017 年", lines[0])
	assert.Equal(t, "| 排名 | 地区 | 代码 | 得分 | 星级 | 政策颁布 | 政府数据融合共享程度 |", lines[2])
	assert.Equal(t, "| ---: | :--- | :--- | ---: | :--- | ---: | ---: |", lines[3])
	assert.Equal(t, "| 1 | 贵州省 | 520000 | 91.67 | ★★★★★ | 100.00 | 87.50 |", lines[4])
	assert.Equal(t, "| — | 西藏自治区 | 540000 | — | — | — | — |", lines[7])
	assert.Equal(t, "注：西藏自治区（540000）未评级：数据覆盖率 33% 低于最低要求 50%", lines[9])
}

func TestMarkdownEscaping(t *testing.T) {
	r := testResult()
	r.Regions[0].Region.Name = "A|B<script>alert(1)</script>"
	r.Regions[1].Region.Name = "line1\nline2\r\n`code` *b* _i_ [x](http://e) ~s~ & \\"
	r.Def.Dimensions[0].Name = "政策|颁布"
	r.Regions[3].Reason = "<img src=x onerror=alert(1)>"
	out := string(render(t, func(w *bytes.Buffer) error { return WriteMarkdown(w, r, Options{}) }))

	assert.NotContains(t, out, "<script")
	assert.NotContains(t, out, "<img")
	assert.Contains(t, out, `| A\|B&lt;script&gt;alert(1)&lt;/script&gt; |`)
	assert.Contains(t, out, "| line1 line2 \\`code\\` \\*b\\* \\_i\\_ \\[x\\](http://e) \\~s\\~ & \\\\ |")
	assert.Contains(t, out, `| 政策\|颁布 |`)
	assert.Contains(t, out, "未评级：&lt;img src=x onerror=alert(1)&gt;")

	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 10, "no line breaks injected")
	for _, l := range lines[2:8] {
		assert.Equal(t, 8, unescapedPipes(l), "7 columns: 8 pipes in %q", l)
	}
	// No raw HTML tag survives anywhere.
	assert.False(t, regexp.MustCompile(`<[a-zA-Z/]`).MatchString(out))
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"贵州省", "贵州省"},
		{"a|b", `a\|b`},
		{"<b>", "&lt;b&gt;"},
		{"&lt;", "&amp;lt;"},
		// & is escaped only where it could start a character reference.
		{"Openness & innovation", "Openness & innovation"},
		{"R&D", "R&D"},
		{"A&B;", "A&amp;B;"},
		{"&#60;script&#62;", "&amp;#60;script&amp;#62;"},
		{"&#x3c;", "&amp;#x3c;"},
		{"&nbsp;&copy2;", "&amp;nbsp;&amp;copy2;"},
		{"&amp", "&amp"},
		{"& ;", "& ;"},
		{"&1;", "&1;"},
		{"&a-b;", "&a-b;"},
		{"a &", "a &amp;"},
		{"&&lt;", "&&amp;lt;"},
		{"&<b>", "&&lt;b&gt;"},
		{"数据&共享", "数据&共享"},
		{`\|`, `\\\|`},
		{"a\r\nb\nc\rd", "a b c d"},
		{"[link]", `\[link\]`},
		{"**x**", `\*\*x\*\*`},
		{"snake_case", `snake\_case`},
		{"`x`", "\\`x\\`"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, EscapeMarkdown(tc.in), "EscapeMarkdown(%q)", tc.in)
	}
}
