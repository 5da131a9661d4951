// Package data embeds the editions govindex ships with — the 2017
// 政府数据融合共享应用指数 edition, rated when no --config is given — and the
// template that `govindex init` writes. It holds files only; the
// indicators package loads them.
package data

import "embed"

// FS holds the embedded editions under editions/<name>/ and the project
// template under template/.
//
//go:embed editions template
var FS embed.FS

// DefaultEdition is the edition rated when no --config is given.
const DefaultEdition = "2017"

// EditionPath returns the path of an edition's index.toml inside FS.
func EditionPath(name string) string { return "editions/" + name + "/index.toml" }

// Template is the directory inside FS that `govindex init` copies.
const Template = "template"
