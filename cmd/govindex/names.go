package main

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/govindex/govindex/indicators"
	"github.com/govindex/govindex/reports"
)

// The names a user types for regions and indicators (compare, whatif) are
// matched in three steps, the first that finds anything deciding:
//
//  1. the exact code (region) or id (indicator);
//  2. the exact name or English name, ignoring the case of Latin letters;
//  3. a prefix of the code / id, the name or the English name, again
//     ignoring case — when it fits exactly one region or indicator.
//
// Every comparison is between indicators.NameKey forms: invisible
// characters (a zero-width space, a direction mark) and character widths
// (full-width digits) make no difference, as in the loaders.
//
// A prefix that fits several is a usage error listing every one of them; a
// name that fits nothing is a usage error listing the closest ones (those
// containing it, then by edit distance; see nameClosest), at most
// nameSuggestions of them. Both are exit 2. Candidates are written
// "code name" (indicators "id name").

// nameSuggestions is how many close names an unknown name lists.
const nameSuggestions = 5

// nameEntry is one thing a typed name can mean: its keys (code or id,
// name, English name) and how candidates list it.
type nameEntry struct {
	keys  []string // NameKey forms; [0] is the code or id
	label string   // "code name"
}

// nameMatch is the outcome of matching: the entry found (index into the
// entries), or the candidates of an ambiguous prefix, or none.
type nameMatch struct {
	found     int   // -1 when none was decided
	ambiguous []int // entries a prefix fits, when more than one
}

// matchName runs the three steps over entries.
func matchName(entries []nameEntry, typed string) nameMatch {
	t := indicators.NameKey(typed)
	if t == "" {
		return nameMatch{found: -1}
	}
	// 1. Exact code or id.
	for i, e := range entries {
		if e.keys[0] == t {
			return nameMatch{found: i}
		}
	}
	// 2. Exact name (or code, ignoring case), case-insensitive for Latin.
	var exact []int
	for i, e := range entries {
		for _, k := range e.keys {
			if k != "" && strings.EqualFold(k, t) {
				exact = append(exact, i)
				break
			}
		}
	}
	if len(exact) == 1 {
		return nameMatch{found: exact[0]}
	}
	if len(exact) > 1 {
		return nameMatch{found: -1, ambiguous: exact}
	}
	// 3. Unique prefix.
	var prefix []int
	for i, e := range entries {
		for _, k := range e.keys {
			if k != "" && nameHasPrefixFold(k, t) {
				prefix = append(prefix, i)
				break
			}
		}
	}
	if len(prefix) == 1 {
		return nameMatch{found: prefix[0]}
	}
	if len(prefix) > 1 {
		return nameMatch{found: -1, ambiguous: prefix}
	}
	return nameMatch{found: -1}
}

// nameHasPrefixFold reports whether s starts with prefix, ignoring case
// (rune by rune, since case folding may change byte lengths).
func nameHasPrefixFold(s, prefix string) bool {
	sr, pr := []rune(s), []rune(prefix)
	if len(pr) > len(sr) {
		return false
	}
	return strings.EqualFold(string(sr[:len(pr)]), prefix)
}

// nameClosest lists the entries closest to typed, at most nameSuggestions:
// first those with a key that contains it, then by the smallest edit
// distance between it and a key (ignoring case); entries sharing no
// character with it come last. Ties keep the entries' order.
func nameClosest(entries []nameEntry, typed string) []int {
	t := strings.ToLower(indicators.NameKey(typed))
	const unrelated = math.MaxInt
	type scored struct{ i, d int }
	list := make([]scored, 0, len(entries))
	for i, e := range entries {
		best := unrelated
		for _, k := range e.keys {
			if k == "" {
				continue
			}
			lk := strings.ToLower(k)
			d := unrelated
			switch {
			case t != "" && strings.Contains(lk, t):
				d = 0
			case strings.ContainsAny(lk, t):
				d = nameDistance(lk, t)
			}
			best = min(best, d)
		}
		list = append(list, scored{i, best})
	}
	slices.SortStableFunc(list, func(a, b scored) int { return cmp.Compare(a.d, b.d) })
	out := make([]int, 0, nameSuggestions)
	for _, s := range list[:min(len(list), nameSuggestions)] {
		out = append(out, s.i)
	}
	return out
}

// nameDistance is the Levenshtein distance between a and b, in runes.
func nameDistance(a, b string) int {
	ar, br := []rune(a), []rune(b)
	prev := make([]int, len(br)+1)
	cur := make([]int, len(br)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ar); i++ {
		cur[0] = i
		for j := 1; j <= len(br); j++ {
			cost := 1
			if ar[i-1] == br[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(br)]
}

// nameLabels joins the labels of the entries at idx for a message.
func nameLabels(entries []nameEntry, idx []int) string {
	parts := make([]string, len(idx))
	for k, i := range idx {
		parts[k] = entries[i].label
	}
	return strings.Join(parts, ", ")
}

// nameKeys returns the NameKey forms of texts, for nameEntry.keys.
func nameKeys(texts ...string) []string {
	for i, t := range texts {
		texts[i] = indicators.NameKey(t)
	}
	return texts
}

// regionEntries are the names regions can be typed by; labels name them
// in lang.
func regionEntries(rs []*indicators.Region, lang string) []nameEntry {
	out := make([]nameEntry, len(rs))
	for i, r := range rs {
		label := r.Code
		if n := reports.PickName(lang, r.Name, r.NameEn); n != "" && n != r.Code {
			label += " " + n
		}
		out[i] = nameEntry{keys: nameKeys(r.Code, r.Name, r.NameEn), label: label}
	}
	return out
}

// matchRegion finds the region a user typed: its code, its exact name or
// English name (Latin letters in any case), or a prefix of one of them that
// fits no other region. An unknown or ambiguous name is a usage error (exit
// 2) listing the candidates.
func matchRegion(rs []*indicators.Region, typed, lang string) (*indicators.Region, error) {
	entries := regionEntries(rs, lang)
	m := matchName(entries, typed)
	switch {
	case m.found >= 0:
		return rs[m.found], nil
	case len(m.ambiguous) > 0:
		return nil, usagef("type more of the name, or the region's code",
			"%q fits %d regions: %s", typed, len(m.ambiguous), nameLabels(entries, m.ambiguous))
	case indicators.NameKey(typed) == "":
		return nil, usagef("give a region's code or name", "the region name is empty")
	}
	return nil, usagef("give a region's code, its name, or the start of its name (govindex rate lists the regions)",
		"unknown region %q; the closest are: %s", typed, nameLabels(entries, nameClosest(entries, typed)))
}

// indicatorEntries are the names indicators can be typed by; labels name
// them in lang.
func indicatorEntries(def *indicators.Definition, lang string) []nameEntry {
	out := make([]nameEntry, len(def.Indicators))
	for i, ind := range def.Indicators {
		label := ind.ID
		if n := reports.PickName(lang, ind.Name, ind.NameEn); n != "" {
			label += " " + n
		}
		out[i] = nameEntry{keys: nameKeys(ind.ID, ind.Name, ind.NameEn), label: label}
	}
	return out
}

// matchIndicator finds the indicator a user typed: its id, its exact name
// or English name (Latin letters in any case), or a prefix of one of them
// that fits no other indicator. An unknown or ambiguous name is a usage
// error (exit 2) listing the candidates.
func matchIndicator(def *indicators.Definition, typed, lang string) (*indicators.Indicator, error) {
	entries := indicatorEntries(def, lang)
	m := matchName(entries, typed)
	switch {
	case m.found >= 0:
		return def.Indicators[m.found], nil
	case len(m.ambiguous) > 0:
		return nil, usagef("type more of the name, or the indicator's id",
			"%q fits %d indicators: %s", typed, len(m.ambiguous), nameLabels(entries, m.ambiguous))
	case indicators.NameKey(typed) == "":
		return nil, usagef("give an indicator's id or name", "the indicator name is empty")
	}
	return nil, usagef("give an indicator's id, its name, or the start of its name (see index.toml)",
		"unknown indicator %q; the closest are: %s", typed, nameLabels(entries, nameClosest(entries, typed)))
}
