package indicators

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NameKey is the form in which names, codes and ids are compared: two
// texts that read the same are the same region, indicator or column.
//
// The key is the text with every invisible character removed (see
// IsInvisible: zero-width spaces and joiners, the word joiner, byte-order
// marks, soft hyphens, bidi controls and every other format character,
// variation selectors), then put in Unicode compatibility normal form
// (NFKC: full-width letters and digits become ASCII, compatibility
// ideographs their unified form, U+3000 a space) and trimmed of
// surrounding white space. Case and inner spaces are kept.
//
// So "北京\u200b市" and "北京市", or "110000\u200b" and "１１００００",
// have the same key, and a regions file that lists both is refused as a
// duplicate. The text shown to users is never the key: names keep their
// spelling.
//
// NameKey is idempotent: NameKey(NameKey(s)) == NameKey(s).
func NameKey(s string) string {
	if isPlainKey(s) {
		return s
	}
	// Removing a character can bring a base and a combining mark
	// together, and NFKC can produce characters that are invisible or
	// spaces; repeat until nothing changes (two rounds in practice).
	for range 4 {
		k := strings.TrimFunc(norm.NFKC.String(stripInvisible(s)), unicode.IsSpace)
		if k == s {
			break
		}
		s = k
	}
	return s
}

// isPlainKey reports whether s is printable ASCII without surrounding
// spaces, which is its own key (most codes and ids): the fast path.
func isPlainKey(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x21 || c > 0x7e {
			return false
		}
	}
	return true
}

// stripInvisible removes the characters IsInvisible reports.
func stripInvisible(s string) string {
	if strings.IndexFunc(s, IsInvisible) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if IsInvisible(r) {
			return -1
		}
		return r
	}, s)
}

// IsInvisible reports whether r is a character that shows nothing where
// it stands: a format character (Unicode category Cf: zero-width space
// and joiners U+200B–U+200D, word joiner U+2060, byte-order mark U+FEFF,
// soft hyphen U+00AD, bidi controls, …), another default-ignorable code
// point (Hangul fillers, U+034F) or a variation selector. A name that
// differs from another only by these looks the same on every screen.
func IsInvisible(r rune) bool {
	if r < 0x80 {
		return false
	}
	return unicode.Is(unicode.Cf, r) ||
		unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) ||
		unicode.Is(unicode.Variation_Selector, r)
}
