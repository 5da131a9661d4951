package indicators

import "fmt"

// Bounds on the lists of index.toml, each set by what the list means, so
// that a list far longer than any meaning allows is refused before it is
// used (100,000 star thresholds made report run out of memory). They are
// fixed: an index within them is already far beyond a real one. Lists
// with a [limits] key (years) follow it instead.
const (
	// MaxStarClasses is the most star classes: 10, as classes allows; so
	// at most 9 thresholds and 10 labels.
	MaxStarClasses = 10
	// MaxDataFiles is the most observation tables in [index] data; one
	// table per indicator and year of a large index is fewer.
	MaxDataFiles = 1000
	// MaxSourceFiles is the most evidence files of one [[source]], and
	// MaxSources the most [[source]] entries (a collector per kind of
	// evidence, a source per region at most).
	MaxSourceFiles = 1000
	MaxSources     = 1000
	// MaxCaps is the most [[cap]] entries: a cap per dimension and class
	// of a large framework is fewer.
	MaxCaps = 1000
	// MaxMethodChoices is the most methods an [uncertainty] list may name:
	// there are fewer methods of each kind.
	MaxMethodChoices = 32
	// MaxAHPSize is the largest [[ahp]] matrix side: AHP compares at most
	// 10 children (Saaty's random index stops at 10).
	MaxAHPSize = 10
	// MaxDimensionDepth is how deep dimensions may nest (a top-level
	// dimension is level 1): real frameworks have 2 to 4 levels, and
	// every level costs every indicator a step in scoring.
	MaxDimensionDepth = 10
)

// fixedListHint is the fix for a list over a fixed bound.
const fixedListHint = "shorten the list: the limit is fixed, set by what the list means (see the README's limits section)"

// checkListLimits refuses lists longer than their meaning allows. It
// returns the errors, and whether per-element checks may run (they are
// skipped after a refusal, so a list of a million bad values gives one
// error, not a million).
func (d *Definition) checkListLimits() (ErrorList, bool) {
	var errs ErrorList
	fixed := func(pos Pos, what string, n, max int) {
		errs = append(errs, Errorf(pos, fixedListHint, "%s has %d entries, over the limit of %d", what, n, max))
	}
	if n, max := len(d.Index.Years), d.Limits.Years(); n > max {
		errs = append(errs, Errorf(d.KeyPos("index", 0, "years"), raiseHint("max_years", n),
			"years lists %d years, over the limit of %d (max_years)", n, max))
	}
	if n := len(d.Index.Data); n > MaxDataFiles {
		fixed(d.KeyPos("index", 0, "data"), "data", n, MaxDataFiles)
	}
	if n := len(d.Stars.Thresholds); n > MaxStarClasses-1 {
		errs = append(errs, Errorf(d.KeyPos("stars", 0, "thresholds"),
			fmt.Sprintf("give at most %d thresholds (%d classes, as classes allows), e.g. [20, 40, 60, 80]", MaxStarClasses-1, MaxStarClasses),
			"thresholds has %d entries, over the limit of %d", n, MaxStarClasses-1))
	}
	if n := len(d.Stars.Labels); n > MaxStarClasses {
		errs = append(errs, Errorf(d.KeyPos("stars", 0, "labels"),
			fmt.Sprintf("give one label per class, at most %d", MaxStarClasses),
			"labels has %d entries, over the limit of %d", n, MaxStarClasses))
	}
	if n := len(d.Sources); n > MaxSources {
		fixed(d.KeyPos("source", MaxSources, ""), "[[source]]", n, MaxSources)
	}
	for i, s := range d.Sources {
		if i >= MaxSources {
			break
		}
		if n := len(s.Files); n > MaxSourceFiles {
			fixed(d.KeyPos("source", i, "files"), "files", n, MaxSourceFiles)
		}
	}
	if n := len(d.Caps); n > MaxCaps {
		fixed(d.KeyPos("cap", MaxCaps, ""), "[[cap]]", n, MaxCaps)
	}
	if n, max := len(d.Dimensions), d.Limits.Indicators(); n > max {
		errs = append(errs, Errorf(d.KeyPos("dimension", max, ""), raiseHint("max_indicators", n),
			"%d dimensions, over the limit of %d (max_indicators: a dimension groups indicators)", n, max))
	}
	if u := d.Uncertainty; u != nil {
		for _, l := range []struct {
			key  string
			list []string
		}{{"normalise", u.Normalise}, {"aggregate", u.Aggregate}, {"impute", u.Impute}} {
			if n := len(l.list); n > MaxMethodChoices {
				fixed(d.KeyPos("uncertainty", 0, l.key), l.key, n, MaxMethodChoices)
			}
		}
	}
	for i, a := range d.AHP {
		n := len(a.Matrix)
		for _, row := range a.Matrix {
			n = max(n, len(row))
		}
		if n > MaxAHPSize {
			errs = append(errs, Errorf(d.KeyPos("ahp", i, "matrix"),
				"group the children into sub-dimensions of at most 10 each, or use manual weights",
				"the [[ahp]] matrix has %d rows or columns, but AHP compares at most %d (Saaty's random index stops at 10)", n, MaxAHPSize))
		}
	}
	return errs, len(errs) == 0
}

// dimensionTree checks the parent links of the dimensions in time
// proportional to their number: unknown parents, cycles (each reported
// once, where it closes) and nesting deeper than MaxDimensionDepth. It
// reports whether the tree is broken.
func (d *Definition) dimensionTree(add func(pos Pos, hint, format string, args ...any)) (broken bool) {
	const (
		unvisited = iota
		onPath
		done
	)
	state := make(map[string]int, len(d.Dimensions))
	depth := make(map[string]int, len(d.Dimensions)) // levels from the top, for dimensions done
	for _, x := range d.Dimensions {
		if state[x.ID] != unvisited {
			continue
		}
		var chain []string
		p := x.ID
		base := 0 // the depth above the chain
		for {
			if state[p] == done {
				base = depth[p]
				break
			}
			if state[p] == onPath {
				broken = true
				loop := chain[indexOf(chain, p):]
				add(d.KeyPos("dimension", d.dims[p].Index, "parent"), "make the dimensions a tree: one of them must have no parent or a parent outside the loop",
					"dimensions form a cycle: %s → %s", joinArrow(loop), p)
				base = -1
				break
			}
			dim, ok := d.dims[p]
			if !ok { // unknown parent: reported by checkTree
				break
			}
			state[p] = onPath
			chain = append(chain, p)
			if dim.Parent == "" {
				break
			}
			p = dim.Parent
		}
		for k := len(chain) - 1; k >= 0; k-- {
			state[chain[k]] = done
			if base < 0 {
				depth[chain[k]] = -1 // in or under a cycle
				continue
			}
			base++
			depth[chain[k]] = base
		}
	}
	// The first dimension past the limit stands for all below it.
	for i, x := range d.Dimensions {
		if depth[x.ID] == MaxDimensionDepth+1 {
			deepest := 0
			for _, n := range depth {
				deepest = max(deepest, n)
			}
			add(d.KeyPos("dimension", i, "parent"), "make the framework flatter: real frameworks have 2 to 4 levels (the limit is fixed)",
				"dimension %q is nested %d levels deep (dimensions nest %d levels), over the limit of %d levels", x.ID, MaxDimensionDepth+1, deepest, MaxDimensionDepth)
			return true
		}
	}
	return broken
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func joinArrow(list []string) string {
	out := ""
	for i, s := range list {
		if i > 0 {
			out += " → "
		}
		out += s
	}
	return out
}

// dimensionsWithIndicators is the set of dimensions with an indicator in
// their subtree, found in one pass over the indicators.
func (d *Definition) dimensionsWithIndicators() map[string]bool {
	has := map[string]bool{}
	for _, x := range d.Indicators {
		for p := x.Dimension; p != "" && !has[p]; {
			has[p] = true
			dim, ok := d.dims[p]
			if !ok {
				break
			}
			p = dim.Parent
		}
	}
	return has
}
