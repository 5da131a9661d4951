// Package data embeds the editions govindex ships with — the 2017
// 政府数据融合共享应用指数 edition, rated when no --config is given — and the
// template that `govindex init` writes. It holds files only; the
// indicators package loads them.
package data

import "embed"

// FS holds the embedded editions under editions/<name>/ and the project
// template under template/ (template_en/ with English comments).
//
//go:embed editions template template_en
var FS embed.FS

// DefaultEdition is the edition rated when no --config is given.
const DefaultEdition = "2017"

// EditionPath returns the path of an edition's index.toml inside FS.
func EditionPath(name string) string { return "editions/" + name + "/index.toml" }

// Template is the directory inside FS that `govindex init` copies: the
// project with Chinese comments and notes.
const Template = "template"

// TemplateFor is the template directory for lang: "template_en" (English
// comments and notes) for "en", else Template. Both hold the same project.
func TemplateFor(lang string) string {
	if lang == "en" {
		return "template_en"
	}
	return Template
}
