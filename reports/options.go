package reports

import "strings"

// Options control how a result is rendered.
type Options struct {
	// Lang is the language of the words printed: "zh" (the default) or
	// "en". Anything else is treated as "zh"; "en-US", "en_GB" and the like
	// count as "en".
	Lang string
	// Engine names the program and its version, e.g. "govindex v0.1.0"; it
	// is written to the JSON "index.engine" ("govindex" when empty).
	Engine string
}

// lang returns the normalised language: "en" or "zh".
func (o Options) lang() string { return normLang(o.Lang) }

func normLang(lang string) string {
	l := strings.ToLower(strings.TrimSpace(lang))
	if l == "en" || strings.HasPrefix(l, "en-") || strings.HasPrefix(l, "en_") {
		return "en"
	}
	return "zh"
}

func (o Options) engine() string {
	if o.Engine == "" {
		return "govindex"
	}
	return o.Engine
}
