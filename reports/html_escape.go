package reports

import (
	"maps"
	"reflect"
	"slices"
	"strings"
)

// How text from the input reaches the HTML report safely.
//
// The page has four contexts: HTML markup, the JSON of the chart options
// inside a <script> element, ECharts' tooltips (HTML: ECharts sets the
// tooltip's innerHTML) and ECharts' canvas labels. The rules:
//
//   - Markup is written by html/template, which escapes for the context.
//   - Chart options and the GeoJSON are JSON written by encoding/json with
//     <, >, & and U+2028/U+2029 escaped, so no text can close the <script>
//     element or end a string.
//   - No text from the input is ever part of an ECharts string template
//     (formatter "{b}: …"): ECharts does not escape the template itself,
//     reads {a}…{g} and rich-text {style|…} in it, and replaces with
//     String.replace, which reads $&, $' and $` in the text. Where a chart
//     needs its own label or tooltip text, the option holds a formatter
//     object (htmlFormatter) that the page's script turns into one of a few
//     fixed functions: tooltips HTML-escape every dynamic piece with
//     echarts.format.encodeHTML; labels return the text as is (canvas text
//     is not markup, and no label sets rich styles, so {a|x} stays text).
//     Go writes no JavaScript function body at all.
//   - ECharts' own default tooltips escape names and values (see
//     tooltipMarkup in ECharts 5), so charts without a formatter are safe.
//   - Bidirectional controls are removed from every text of the page, so
//     no input can reorder what is shown around it (htmlNoBidi).

// htmlFormatterKey is the property of a formatter object that names the
// page's function (see htmlFormattersJS).
const htmlFormatterKey = "govindexFormatter"

// The functions a formatter object can name.
const (
	// htmlFmtText: a label showing the object's "text" as is.
	htmlFmtText = "text"
	// htmlFmtTip: a tooltip showing the object's "text", HTML-escaped, with
	// its line breaks kept.
	htmlFmtTip = "tip"
	// htmlFmtName: a label showing the data item's name as is.
	htmlFmtName = "name"
	// htmlFmtNameTip: a tooltip showing the data item's name, HTML-escaped,
	// with its line breaks kept.
	htmlFmtNameTip = "nameTip"
)

// htmlFormatter is the option value of a formatter that runs the page's
// function fn (one of htmlFmt…), with text for htmlFmtText and htmlFmtTip.
func htmlFormatter(fn, text string) map[string]any {
	m := map[string]any{htmlFormatterKey: fn}
	if fn == htmlFmtText || fn == htmlFmtTip {
		m["text"] = text
	}
	return m
}

// htmlFormattersJS is the part of the page's script that replaces every
// formatter object of an option by its function before setOption. Only a
// "formatter" property whose value is an object is replaced, and only by a
// function of the fixed table: data texts are strings, so they can never
// turn into a function, and an unknown name becomes no formatter (ECharts'
// escaped default).
const htmlFormattersJS = `
  var encode = echarts.format.encodeHTML;
  function tipHTML(s) { return encode(String(s == null ? "" : s)).replace(/\r\n|\r|\n/g, "<br>"); }
  var formatters = {
    ` + htmlFmtText + `: function (f) { var s = String(f.text); return function () { return s; }; },
    ` + htmlFmtTip + `: function (f) { var h = tipHTML(f.text); return function () { return h; }; },
    ` + htmlFmtName + `: function () { return function (p) { return String(p.name); }; },
    ` + htmlFmtNameTip + `: function () { return function (p) { return tipHTML(p.name); }; }
  };
  function bindFormatters(v) {
    if (v === null || typeof v !== "object") { return; }
    Object.keys(v).forEach(function (k) {
      var x = v[k];
      if (k === "formatter" && x !== null && typeof x === "object" && !Array.isArray(x)) {
        var name = x.` + htmlFormatterKey + `;
        v[k] = Object.prototype.hasOwnProperty.call(formatters, name) ? formatters[name](x) : undefined;
        return;
      }
      bindFormatters(x);
    });
  }`

// htmlIsBidiControl reports whether c is a bidirectional formatting
// character: the embeddings and overrides U+202A–U+202E, the isolates
// U+2066–U+2069, and the marks U+200E, U+200F and U+061C.
func htmlIsBidiControl(c rune) bool {
	switch {
	case c >= '\u202a' && c <= '\u202e', c >= '\u2066' && c <= '\u2069':
		return true
	case c == '\u200e', c == '\u200f', c == '\u061c':
		return true
	}
	return false
}

// htmlNoBidi is s without its bidirectional formatting characters, so a
// text from the input cannot reorder what the page shows around it.
func htmlNoBidi(s string) string {
	if strings.IndexFunc(s, htmlIsBidiControl) < 0 {
		return s
	}
	return strings.Map(func(c rune) rune {
		if htmlIsBidiControl(c) {
			return -1
		}
		return c
	}, s)
}

// htmlCleanJSON removes bidirectional controls from every string of a
// decoded JSON value, object keys included, in place; it returns the
// cleaned value (a string is returned anew).
func htmlCleanJSON(v any) any {
	switch x := v.(type) {
	case string:
		return htmlNoBidi(x)
	case []any:
		for i := range x {
			x[i] = htmlCleanJSON(x[i])
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(x)) {
			e := htmlCleanJSON(x[k])
			if c := htmlNoBidi(k); c != k {
				delete(x, k)
				if _, taken := x[c]; taken {
					continue // keys the same but for controls: the clean one, else the first in order, stays
				}
				k = c
			}
			x[k] = e
		}
	}
	return v
}

// htmlStringType is the type of plain strings: the page's texts. Strings of
// other types (template.JS: options already cleaned, and the library) are
// left alone.
var htmlStringType = reflect.TypeFor[string]()

// htmlCleanText removes bidirectional controls from every plain string
// reachable from v (a pointer) through exported struct fields, slices and
// pointers, so every text of the page model is cleaned, including fields
// added later.
func htmlCleanText(v any) {
	htmlCleanValue(reflect.ValueOf(v), map[uintptr]bool{})
}

func htmlCleanValue(v reflect.Value, seen map[uintptr]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		htmlCleanValue(v.Elem(), seen)
	case reflect.Interface:
		if !v.IsNil() {
			htmlCleanValue(v.Elem(), seen)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				htmlCleanValue(v.Field(i), seen)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			htmlCleanValue(v.Index(i), seen)
		}
	case reflect.String:
		if v.Type() == htmlStringType && v.CanSet() {
			v.SetString(htmlNoBidi(v.String()))
		}
	}
}
