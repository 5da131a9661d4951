package indicators

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func gb18030(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

func TestDecodeText(t *testing.T) {
	const text = "code,name\n520000,贵州省\n440100,广州市\n"
	tests := []struct {
		name string
		in   []byte
		enc  string
	}{
		{"utf-8 auto", []byte(text), ""},
		{"utf-8 auto named", []byte(text), "auto"},
		{"utf-8 with BOM", append([]byte("\xEF\xBB\xBF"), text...), ""},
		{"utf-8 forced", []byte(text), "utf-8"},
		{"utf8 forced with BOM", append([]byte("\xEF\xBB\xBF"), text...), "UTF8"},
		{"gb18030 auto", gb18030(t, text), ""},
		{"gb18030 forced", gb18030(t, text), "gb18030"},
		{"gbk forced", gb18030(t, text), "GBK"},
		{"gb2312 forced", gb18030(t, text), "gb2312"},
		{"gb18030 with its BOM", gb18030(t, "\uFEFF"+text), "gb18030"},
		{"BOM beats a gb18030 setting", append([]byte("\xEF\xBB\xBF"), text...), "gb18030"},
		{"ascii", []byte("a,b\n1,2\n"), "gb18030"},
		{"four-byte gb18030", gb18030(t, "note\n𠮷野家\n"), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DecodeText(tc.in, tc.enc)
			require.NoError(t, err)
			if bytes.HasPrefix(tc.in, []byte("a,b")) {
				assert.Equal(t, "a,b\n1,2\n", got)
			} else if tc.name == "four-byte gb18030" {
				assert.Equal(t, "note\n𠮷野家\n", got)
			} else {
				assert.Equal(t, text, got)
			}
		})
	}
}

func TestDecodeTextErrors(t *testing.T) {
	gb := gb18030(t, "code,name\n520000,贵州省\n")
	tests := []struct {
		name string
		in   []byte
		enc  string
		msg  string
	}{
		{"gb18030 read as utf-8", gb, "utf-8",
			`data.csv:2: not valid UTF-8: byte 0xB9 at offset 17; fix: ` + hintEncoding},
		{"bad byte after BOM", []byte("\xEF\xBB\xBFa\n\xff\n"), "",
			`data.csv:2: not valid UTF-8: byte 0xFF at offset 5; fix: ` + hintEncoding},
		{"neither", []byte("a\nb\n\xff\xff\n"), "",
			`data.csv:3: neither UTF-8 nor GB18030 text: byte 0xFF at offset 4; fix: ` + hintEncoding},
		// These bytes decode as GB18030 without error, into nonsense.
		{"damaged utf-8 stays utf-8", []byte("name\n贵州,广州,北京,上海\n浙江省\xe6\n"), "",
			`data.csv:3: damaged UTF-8 (the rest of the file is UTF-8): byte 0xE6 at offset 42; fix: ` + hintEncoding},
		{"forced gb18030 on junk", []byte("a\n\x81\n"), "gb18030",
			`data.csv:2: not valid GB18030 text; fix: ` + hintEncoding},
		{"xlsx", []byte("PK\x03\x04\x14\x00\x00\x00"), "",
			`data.csv: this is an XLSX file; fix: name it with .xlsx (XLSX sheets take the same layouts), or save it as CSV (UTF-8)`},
		{"xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, "",
			`data.csv: this is an old Excel (.xls) file, which is not read; fix: save it as .xlsx or as CSV (UTF-8)`},
		{"utf-16le BOM", []byte("\xFF\xFEa\x00,\x00b\x00"), "",
			`data.csv: the text is UTF-16, which is not read; fix: re-save it as "CSV UTF-8" (in Excel: Save As → CSV UTF-8)`},
		{"utf-16be BOM", []byte("\xFE\xFF\x00a\x00,\x00b"), "utf-8",
			`data.csv: the text is UTF-16, which is not read; fix: re-save it as "CSV UTF-8" (in Excel: Save As → CSV UTF-8)`},
		{"utf-16 without BOM", []byte("a\x00,\x00b\x00\n\x001\x00,\x002\x00"), "",
			`data.csv: the text looks like UTF-16, which is not read; fix: re-save it as "CSV UTF-8" (in Excel: Save As → CSV UTF-8)`},
		{"binary", []byte("a,b\n1,2\n\x00\x01\x02\x03rest of it"), "",
			`data.csv:3: looks like a binary file (NUL byte at offset 8); fix: save it as CSV (UTF-8)`},
		{"unknown encoding", []byte("a"), "latin1",
			`data.csv: unknown text encoding "latin1"; fix: use "auto", "utf-8" or "gb18030" (which also reads GBK and GB2312)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeFile("data.csv", tc.in, tc.enc)
			require.Error(t, err)
			assert.Equal(t, tc.msg, err.Error())
			assert.True(t, IsInputError(err))

			_, err = DecodeText(tc.in, tc.enc)
			require.Error(t, err)
			var ie *InputError
			require.ErrorAs(t, err, &ie)
			assert.Empty(t, ie.Pos.File)
		})
	}
}

func TestNormaliseEncoding(t *testing.T) {
	for in, want := range map[string]string{
		"": EncodingAuto, "AUTO": EncodingAuto, "utf-8": EncodingUTF8, "UTF8": EncodingUTF8,
		"gbk": EncodingGB18030, "GB2312": EncodingGB18030, " gb18030 ": EncodingGB18030, "cp936": EncodingGB18030,
	} {
		got, ok := NormaliseEncoding(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	_, ok := NormaliseEncoding("latin1")
	assert.False(t, ok)
}
