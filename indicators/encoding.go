package indicators

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Text encodings accepted for CSV inputs ([index] encoding, --encoding).
const (
	EncodingAuto    = "auto"
	EncodingUTF8    = "utf-8"
	EncodingGB18030 = "gb18030"
)

// binarySniffLen is how much of a file is searched for NUL bytes: enough to
// catch binary files early without scanning a large CSV twice.
const binarySniffLen = 8 << 10

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
	sigZip     = []byte("PK\x03\x04")
	sigOLE2    = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1} // .xls, .doc
)

const hintEncoding = `save the file as "CSV UTF-8", or set encoding = "gb18030" in [index] (or --encoding gb18030) if it is GBK/GB18030 text`

// NormaliseEncoding returns the canonical name of an encoding setting
// (EncodingAuto, EncodingUTF8 or EncodingGB18030) and whether it is known.
// Names are case-insensitive; "" means auto, "utf8" is UTF-8 and "gbk",
// "gb2312" and "cp936" read as GB18030, which includes them.
func NormaliseEncoding(enc string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "", "auto":
		return EncodingAuto, true
	case "utf-8", "utf8", "utf-8-sig":
		return EncodingUTF8, true
	case "gb18030", "gbk", "gb2312", "cp936":
		return EncodingGB18030, true
	}
	return "", false
}

// DecodeText turns the bytes of a text input into a string.
//
// enc is "" or "auto" (UTF-8 when the bytes are valid UTF-8, GB18030 when
// they decode as it without error), "utf-8"/"utf8" or
// "gb18030"/"gbk"/"gb2312". A UTF-8 byte-order mark is dropped; it settles
// the encoding even when GB18030 was asked for. Binary files (NUL bytes,
// XLSX/ZIP or old Excel signatures) and UTF-16 are rejected with advice.
//
// Errors are *InputError values whose Pos has the line (no column: fields
// are not known before decoding) but no file name; DecodeFile fills it in.
func DecodeText(b []byte, enc string) (string, error) {
	s, err := decodeText(b, enc)
	if err != nil {
		return "", err
	}
	return s, nil
}

// DecodeFile is DecodeText for a named file: errors carry the file in their
// position.
func DecodeFile(file string, b []byte, enc string) (string, error) {
	s, err := decodeText(b, enc)
	if err != nil {
		err.Pos.File = file
		return "", err
	}
	return s, nil
}

func decodeText(b []byte, enc string) (string, *InputError) {
	s, err := decodeBytes(b, enc)
	if err != nil {
		return "", err
	}
	return normaliseLineEnds(s), nil
}

// normaliseLineEnds turns every lone CR (the line end of old Mac files)
// into LF, so that the CSV reader, which only knows LF and CRLF, sees the
// lines and the line numbers in messages count them; CRLF stays as it is.
func normaliseLineEnds(s string) string {
	i := strings.IndexByte(s, '\r')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c == '\r' && (i+1 == len(s) || s[i+1] != '\n') {
			c = '\n'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// decodeBytes is decodeText without the line ends normalised.
func decodeBytes(b []byte, enc string) (string, *InputError) {
	name, ok := NormaliseEncoding(enc)
	if !ok {
		return "", Errorf(Pos{}, `use "auto", "utf-8" or "gb18030" (which also reads GBK and GB2312)`, "unknown text encoding %q", enc)
	}
	if err := sniffBinary(b); err != nil {
		return "", err
	}
	if bytes.HasPrefix(b, bomUTF8) {
		// The BOM is unambiguous, whatever the setting says.
		return decodeUTF8(b[len(bomUTF8):], len(bomUTF8))
	}
	switch name {
	case EncodingUTF8:
		return decodeUTF8(b, 0)
	case EncodingGB18030:
		return decodeGB18030(b)
	}
	if utf8.Valid(b) {
		return string(b), nil
	}
	if mostlyUTF8(b) {
		_, uerr := decodeUTF8(b, 0)
		uerr.Msg = strings.Replace(uerr.Msg, "not valid UTF-8", "damaged UTF-8 (the rest of the file is UTF-8)", 1)
		return "", uerr
	}
	s, err := decodeGB18030(b)
	if err != nil {
		// Neither encoding fits: point at the first byte that is not UTF-8,
		// which is what most users will have meant to write.
		_, uerr := decodeUTF8(b, 0)
		uerr.Msg = strings.Replace(uerr.Msg, "not valid UTF-8", "neither UTF-8 nor GB18030 text", 1)
		return "", uerr
	}
	return s, nil
}

// mostlyUTF8 reports whether b looks like UTF-8 text with a few damaged
// bytes rather than GB18030 text: GB18030 text breaks UTF-8 at most of its
// characters, while a damaged UTF-8 file has many good multi-byte
// characters per bad byte. Without this check, damaged UTF-8 could decode
// as GB18030 without error and turn into nonsense.
func mostlyUTF8(b []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			bad++
		case size > 1:
			good++
		}
		i += size
	}
	return good > 10*bad
}

// sniffBinary rejects inputs that are not text at all, naming what they
// most likely are.
func sniffBinary(b []byte) *InputError {
	switch {
	case bytes.HasPrefix(b, sigZip):
		return Errorf(Pos{}, "name it with .xlsx (XLSX sheets take the same layouts), or save it as CSV (UTF-8)", "this is an XLSX file")
	case bytes.HasPrefix(b, sigOLE2):
		return Errorf(Pos{}, "save it as .xlsx or as CSV (UTF-8)", "this is an old Excel (.xls) file, which is not read")
	case bytes.HasPrefix(b, bomUTF16LE), bytes.HasPrefix(b, bomUTF16BE):
		return Errorf(Pos{}, `re-save it as "CSV UTF-8" (in Excel: Save As → CSV UTF-8)`, "the text is UTF-16, which is not read")
	}
	head := b[:min(len(b), binarySniffLen)]
	i := bytes.IndexByte(head, 0)
	if i < 0 {
		return nil
	}
	// UTF-16 without a BOM puts a NUL beside every ASCII character.
	if looksUTF16(head) {
		return Errorf(Pos{}, `re-save it as "CSV UTF-8" (in Excel: Save As → CSV UTF-8)`, "the text looks like UTF-16, which is not read")
	}
	return Errorf(Pos{Line: byteLine(b, i)}, "save it as CSV (UTF-8)", "looks like a binary file (NUL byte at offset %d)", i)
}

// looksUTF16 reports whether at least 3/4 of the even or of the odd bytes
// of head are NUL, as in ASCII text stored as UTF-16.
func looksUTF16(head []byte) bool {
	if len(head) < 4 {
		return false
	}
	var nul [2]int
	for i, c := range head {
		if c == 0 {
			nul[i%2]++
		}
	}
	half := len(head) / 2
	return nul[0]*4 >= half*3 || nul[1]*4 >= half*3
}

// decodeUTF8 checks b is UTF-8; the error points at the first bad byte.
// off is added to the reported byte offset (for a stripped BOM).
func decodeUTF8(b []byte, off int) (string, *InputError) {
	if utf8.Valid(b) {
		return string(b), nil
	}
	i := 0
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		i += size
	}
	return "", Errorf(Pos{Line: byteLine(b, i)}, hintEncoding,
		"not valid UTF-8: byte 0x%02X at offset %d", b[i], i+off)
}

// decodeGB18030 decodes b as GB18030 (a superset of GBK and GB2312). The
// decoder turns invalid bytes into U+FFFD, so any U+FFFD in the result
// means the bytes were not GB18030 text.
func decodeGB18030(b []byte) (string, *InputError) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		return "", Errorf(Pos{}, hintEncoding, "cannot decode as GB18030: %v", err)
	}
	s := string(out)
	if !strings.ContainsRune(s, utf8.RuneError) {
		// GB18030 can encode a BOM (84 31 95 33); it is not data.
		return strings.TrimPrefix(s, "\uFEFF"), nil
	}
	// Find the line: decode line by line (newlines are single ASCII bytes in
	// GB18030, so splitting the bytes is safe).
	lines := bytes.Split(bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n")), []byte{'\n'})
	for n, raw := range lines {
		dl, _ := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
		if strings.ContainsRune(string(dl), utf8.RuneError) {
			return "", Errorf(Pos{Line: n + 1}, hintEncoding, "not valid GB18030 text")
		}
	}
	return "", Errorf(Pos{}, hintEncoding, "not valid GB18030 text")
}

// byteLine converts a byte offset into a 1-based line number; LF, CRLF
// and a lone CR each end a line.
func byteLine(b []byte, off int) int {
	head := b[:min(off, len(b))]
	n := 1 + bytes.Count(head, []byte{'\n'}) + bytes.Count(head, []byte{'\r'}) - bytes.Count(head, []byte("\r\n"))
	if len(head) > 0 && head[len(head)-1] == '\r' && off < len(b) && b[off] == '\n' {
		n-- // the offset is the LF of a CRLF: still the same line
	}
	return n
}
