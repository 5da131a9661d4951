package indicators

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"
)

func TestNameKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain code", "110000", "110000"},
		{"plain name", "北京市", "北京市"},
		{"zero-width space", "北京\u200b市", "北京市"},
		{"zero-width joiners", "\u200c北京\u200d市\u2060", "北京市"},
		{"byte-order mark after a code", "110000\ufeff", "110000"},
		{"soft hyphen", "Bei\u00adjing", "Beijing"},
		{"bidi override", "\u202e110000\u202c", "110000"},
		{"bidi isolate and marks", "\u2067北京市\u2069\u200e\u200f\u061c", "北京市"},
		{"full-width digits", "１１００００", "110000"},
		{"full-width letters", "ｐｏｌｉｃｙ＿ｄｏｃｓ", "policy_docs"},
		{"ideographic space around", "\u3000北京市 ", "北京市"},
		{"no-break space around", "\u00a0110000\u00a0", "110000"},
		{"inner space kept", "Inner  Mongolia", "Inner  Mongolia"},
		{"case kept", "Beijing", "Beijing"},
		{"variation selector", "北\ufe00京市", "北京市"},
		{"compatibility ideograph", "\uf900", "\u8c48"},
		{"combining mark brought together", "e\u200b\u0301", "\u00e9"},
		{"only invisible", "\u200b\ufeff\u202e", ""},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, NameKey(tc.in))
		})
	}
}

func TestIsBidiControl(t *testing.T) {
	for _, r := range []rune{0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C} {
		assert.True(t, IsBidiControl(r), "U+%04X", r)
		assert.True(t, IsInvisible(r), "U+%04X", r)
	}
	for _, r := range []rune{'a', '1', 0x200B, 0x2029, 0x2070, 0x0600, 0x202F} {
		assert.False(t, IsBidiControl(r), "U+%04X", r)
	}
}

func TestCheckBidiText(t *testing.T) {
	err := CheckBidiText("a.toml", "name = \"x\"\r\nunit = \"per \\u202E100\"\n# 北京\u2067\n  \\U0000200f\nok = \"\\u202\"\n")
	require.Error(t, err)
	assert.Equal(t, "a.toml:2:13: the text holds the invisible bidi control U+202E; fix: "+hintBidi+"\n"+
		"a.toml:3:5: the text holds the invisible bidi control U+2067; fix: "+hintBidi+"\n"+
		"a.toml:4:3: the text holds the invisible bidi control U+200F; fix: "+hintBidi, err.Error())
	assert.NoError(t, CheckBidiText("a.toml", "name = \"北京\u200b市\"\n"))
}

func TestReadCSVTableBidi(t *testing.T) {
	tb, err := ReadCSVTable("r.csv", []byte("code,name\u200f\n110000,北京市\n120000,\"天津\u202e市\n12\"\n"), "")
	require.Error(t, err)
	require.NotNil(t, tb, "the rows are still checked")
	assert.Equal(t, `r.csv:1:2: cell "name\u200f" holds the invisible bidi control U+200F; fix: `+hintBidi+"\n"+
		`r.csv:3:2: cell "天津\u202e市\n12" holds the invisible bidi control U+202E; fix: `+hintBidi, err.Error())
}

func TestReadCSVTableLineEnds(t *testing.T) {
	for name, text := range map[string]string{
		"LF":      "code,name\n110000,北京市\n\n120000,\"天津\n市\"\n130000,河北省\n",
		"CRLF":    "code,name\r\n110000,北京市\r\n\r\n120000,\"天津\r\n市\"\r\n130000,河北省\r\n",
		"CR only": "code,name\r110000,北京市\r\r120000,\"天津\r市\"\r130000,河北省\r",
		"mixed":   "code,name\r110000,北京市\r\n\n120000,\"天津\n市\"\r130000,河北省",
	} {
		t.Run(name, func(t *testing.T) {
			tb, err := ReadCSVTable("r.csv", []byte(text), "")
			require.NoError(t, err)
			assert.Equal(t, []string{"code", "name"}, tb.Header)
			assert.Equal(t, [][]string{{"110000", "北京市"}, {"120000", "天津\n市"}, {"130000", "河北省"}}, tb.Rows)
			assert.Equal(t, []int{2, 4, 6}, tb.Lines)
		})
	}
	// A mistake in a CR-only file is reported on its line.
	_, err := ReadCSVTable("r.csv", []byte("a,b\r1,2\r3\r4,5\r"), "")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "r.csv:3:2: row has 1 fields but the header has 2")
	_, err = ReadCSVTable("r.csv", []byte("a,b\r1,2\r3,\xff\r"), "utf-8")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "r.csv:3: not valid UTF-8")
}

func TestByteLine(t *testing.T) {
	b := []byte("a\nb\r\nc\rd")
	for off, want := range map[int]int{0: 1, 1: 1, 2: 2, 3: 2, 4: 2, 5: 3, 6: 3, 7: 4, 8: 4} {
		assert.Equal(t, want, byteLine(b, off), "offset %d", off)
	}
}

// FuzzNameKey checks that NameKey is idempotent, that its key holds no
// invisible or bidi character and no surrounding space, and that it is in
// NFKC form.
func FuzzNameKey(f *testing.F) {
	for _, s := range []string{
		"", "110000", "北京\u200b市", "110000\ufeff", "\u202e110000\u202c", "１１００００", "\u3000北京市 ",
		"e\u200b\u0301", "\u00ad", "\ufe00\u034f\u115f", "\u2067\u200e\u061c", "ﬁ\u200d", "\u0041\u030a\u200b\u0301",
		"\u1100\u200b\u1161", "\xff\xfe", " \u200b ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := NameKey(s)
		if k2 := NameKey(k); k2 != k {
			t.Fatalf("NameKey(%q) = %q, but NameKey(%q) = %q", s, k, k, k2)
		}
		if strings.IndexFunc(k, IsInvisible) >= 0 || strings.IndexFunc(k, IsBidiControl) >= 0 {
			t.Fatalf("NameKey(%q) = %q holds an invisible character", s, k)
		}
		if k != strings.TrimFunc(k, unicode.IsSpace) {
			t.Fatalf("NameKey(%q) = %q has surrounding space", s, k)
		}
		if utf8.ValidString(s) && !norm.NFKC.IsNormalString(k) {
			t.Fatalf("NameKey(%q) = %q is not NFKC", s, k)
		}
	})
}
