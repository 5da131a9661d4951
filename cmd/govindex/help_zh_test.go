package main

import (
	"bytes"
	"cmp"
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// helpTree builds the command tree as execute does, with cobra's help and
// completion commands and help flags added, and lists its commands.
func helpTree(t *testing.T) (*cobra.Command, []*cobra.Command) {
	t.Helper()
	root := newRootCommand(context.Background(), &globalOptions{})
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	initHelp(root)
	var cmds []*cobra.Command
	walkCommands(root, func(c *cobra.Command) { cmds = append(cmds, c) })
	require.Greater(t, len(cmds), 10, "the command tree")
	return root, cmds
}

// localFlags lists c's own flags (its local and persistent ones).
func localFlags(c *cobra.Command) []*pflag.Flag {
	var flags []*pflag.Flag
	c.LocalFlags().VisitAll(func(f *pflag.Flag) { flags = append(flags, f) })
	return flags
}

// TestHelpZhCoverage: every command has its Chinese Short and Long (and
// Example when it has one), and every flag its Chinese usage; a command or
// flag added without them fails here, by name.
func TestHelpZhCoverage(t *testing.T) {
	_, cmds := helpTree(t)
	for _, c := range cmds {
		path := c.CommandPath()
		t.Run(path, func(t *testing.T) {
			zh, ok := helpZh[path]
			require.True(t, ok, "command %q has no Chinese help: add it to helpZh in help_zh.go", path)
			assert.NotEmpty(t, zh.short, "command %q has no Chinese Short in helpZh", path)
			assert.NotEqual(t, c.Short, zh.short, "the Chinese Short of %q is the English", path)
			if c.Long != "" {
				assert.NotEmpty(t, zh.long, "command %q has no Chinese Long in helpZh", path)
				assert.NotEqual(t, c.Long, zh.long, "the Chinese Long of %q is the English", path)
			} else {
				assert.Empty(t, zh.long, "command %q has a Chinese Long but no English one", path)
			}
			if c.Example != "" {
				assert.NotEmpty(t, zh.example, "command %q has no Chinese Example in helpZh", path)
			} else {
				assert.Empty(t, zh.example, "command %q has a Chinese Example but no English one", path)
			}
			for _, f := range localFlags(c) {
				usage, ok := zhFlagUsage(c, f)
				assert.True(t, ok, "flag --%s of %q has no Chinese usage: add it to help_zh.go", f.Name, path)
				if ok {
					assert.NotEqual(t, f.Usage, usage, "the Chinese usage of --%s of %q is the English", f.Name, path)
				}
			}
			for name := range zh.flags {
				assert.NotNil(t, c.LocalFlags().Lookup(name), "helpZh[%q] has the usage of --%s, which %q does not have", path, name, path)
			}
		})
	}
}

// TestHelpZhNoStaleEntries: the catalogue names only commands and flags
// that exist.
func TestHelpZhNoStaleEntries(t *testing.T) {
	root, cmds := helpTree(t)
	paths := map[string]bool{}
	for _, c := range cmds {
		paths[c.CommandPath()] = true
	}
	for path := range helpZh {
		assert.True(t, paths[path], "helpZh has %q, which is no command", path)
	}
	for name := range helpZhGlobalFlags {
		assert.NotNil(t, root.PersistentFlags().Lookup(name), "helpZhGlobalFlags has --%s, which is no global flag", name)
	}
}

var (
	han       = regexp.MustCompile(`\p{Han}`)
	backquote = regexp.MustCompile("`[^`]*`")
	word      = regexp.MustCompile(`^[A-Za-z]+(?:'[a-z]+)?[,.;:!?]?$`)
)

// englishRun returns the first run of four or more English words in s,
// outside backquotes and outside lines indented with a tab (commands to
// type), or "".
func englishRun(s string) string {
	for line := range strings.SplitSeq(backquote.ReplaceAllString(s, " "), "\n") {
		if strings.HasPrefix(line, "\t") {
			continue
		}
		var run []string
		for _, tok := range append(strings.Fields(line), "") {
			if word.MatchString(tok) {
				run = append(run, tok)
				continue
			}
			if len(run) >= 4 {
				return strings.Join(run, " ")
			}
			run = run[:0]
		}
	}
	return ""
}

func TestEnglishRun(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Help about any command", "Help about any command"},
		{"显示任一命令的帮助", ""},
		{"index.toml 用 minmax 标准化到 [1, 100]", ""},
		{"（Debian：apt-get install fonts-noto-cjk）", ""},
		{"\tsource <(govindex completion bash)", ""},
		{"见 `go run this very command` 的输出", ""},
		{"中文 and then some English words", "and then some English words"},
		{"rate、report、audit 和 robust", ""},
	} {
		assert.Equal(t, tt.want, englishRun(tt.in), "englishRun(%q)", tt.in)
	}
}

// TestHelpZhReadsAsChinese: every Chinese text has Chinese in it and no
// English sentence left over; the English texts, by the same test, have.
func TestHelpZhReadsAsChinese(t *testing.T) {
	type text struct{ what, zh string }
	var texts []text
	for path, h := range helpZh {
		texts = append(texts, text{path + " Short", h.short}, text{path + " Long", h.long})
		if h.example != "" {
			texts = append(texts, text{path + " Example", h.example})
		}
		for name, usage := range h.flags {
			texts = append(texts, text{path + " --" + name, usage})
		}
	}
	for name, usage := range helpZhGlobalFlags {
		texts = append(texts, text{"global --" + name, usage})
	}
	slices.SortFunc(texts, func(a, b text) int { return strings.Compare(a.what, b.what) })
	for _, tt := range texts {
		if tt.zh == "" {
			continue // an omitted Long, checked by TestHelpZhCoverage
		}
		t.Run(tt.what, func(t *testing.T) {
			assert.Regexp(t, han, tt.zh, "%s has no Chinese", tt.what)
			assert.Empty(t, englishRun(tt.zh), "%s has English left in it", tt.what)
			assert.NotContains(t, tt.zh, "`", "%s: pflag takes a backquoted word in a usage for the value's name", tt.what)
		})
	}

	// The check would see English: every English Long fails it.
	_, cmds := helpTree(t)
	for _, c := range cmds {
		if c.Long != "" {
			assert.NotEmpty(t, englishRun(c.Long), "%s: englishRun misses the English Long", c.CommandPath())
		}
	}
}

var templateAction = regexp.MustCompile(`\{\{.*?\}\}`)

// TestUsageTemplateZh: the Chinese usage template is cobra's, action for
// action, with the words between them in Chinese.
func TestUsageTemplateZh(t *testing.T) {
	en := (&cobra.Command{}).UsageTemplate()
	want := templateAction.FindAllString(en, -1)
	for i, a := range want {
		if zh, ok := zhTemplateActions[a]; ok {
			want[i] = zh
		}
	}
	assert.Equal(t, want, templateAction.FindAllString(usageTemplateZh, -1),
		"usageTemplateZh must keep every action of cobra's usage template (but those of zhTemplateActions)")
	literal := templateAction.ReplaceAllString(usageTemplateZh, "")
	for _, heading := range []string{"Usage:", "Aliases:", "Examples:", "Available Commands:", "Additional Commands:",
		"Flags:", "Global Flags:", "Additional help topics:", "for more information"} {
		assert.Contains(t, templateAction.ReplaceAllString(en, ""), heading, "cobra's usage template")
		assert.NotContains(t, literal, heading)
	}
	for _, heading := range []string{"用法：", "别名：", "示例：", "可用命令：", "其他命令：", "选项：", "全局选项：", "其他帮助主题："} {
		assert.Contains(t, literal, heading)
	}
}

// helpSnapshot lists every text of the help: each command's Short, Long,
// Example and flag usages, and the usage template.
func helpSnapshot(root *cobra.Command) []string {
	snap := []string{root.UsageTemplate()}
	walkCommands(root, func(c *cobra.Command) {
		snap = append(snap, c.CommandPath(), c.Short, c.Long, c.Example)
		for _, f := range localFlags(c) {
			snap = append(snap, "--"+f.Name, f.Usage)
		}
	})
	return snap
}

// TestLocalizeHelp: --lang en leaves every text as it is; Chinese, the
// default, changes every one.
func TestLocalizeHelp(t *testing.T) {
	english, _ := helpTree(t)
	want := helpSnapshot(english)
	for _, tt := range []struct {
		args    []string
		english bool
	}{
		{[]string{"--lang", "en"}, true},
		{[]string{"rate", "--help", "--lang=en"}, true},
		{[]string{"--lang", "zh"}, false},
		{[]string{"--help"}, false},
		{nil, false},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			root := newRootCommand(context.Background(), &globalOptions{})
			localizeHelp(root, langFromArgs(tt.args))
			initHelp(root)
			got := helpSnapshot(root)
			require.Len(t, got, len(want))
			if tt.english {
				assert.Equal(t, want, got)
				return
			}
			for i := range want {
				if want[i] != "" && !strings.HasPrefix(want[i], "--") && !strings.HasPrefix(want[i], "govindex") {
					assert.NotEqual(t, want[i], got[i], "still English after localizeHelp")
				}
			}
		})
	}
}

// TestHelpOutput runs --help on every command: with --lang en (or
// --lang=en) it prints exactly what cobra prints without govindex's
// Chinese; by default it prints the Chinese.
func TestHelpOutput(t *testing.T) {
	_, cmds := helpTree(t)
	for _, c := range cmds {
		path := strings.Fields(c.CommandPath())[1:]
		t.Run(c.CommandPath(), func(t *testing.T) {
			// What cobra prints on its own.
			ref := newRootCommand(context.Background(), &globalOptions{})
			var want bytes.Buffer
			ref.SetOut(&want)
			ref.SetErr(&want)
			ref.SetArgs(append(slices.Clone(path), "--help"))
			require.NoError(t, ref.ExecuteContext(context.Background()))
			require.Contains(t, want.String(), "Usage:")

			for _, lang := range [][]string{{"--lang", "en"}, {"--lang=en"}} {
				var stdout, stderr bytes.Buffer
				args := append(append(slices.Clone(path), "--help"), lang...)
				require.Equal(t, 0, execute(context.Background(), args, &stdout, &stderr), stderr.String())
				assert.Equal(t, want.String(), stdout.String(), "govindex %s", strings.Join(args, " "))
			}

			var stdout, stderr bytes.Buffer
			args := append(slices.Clone(path), "--help")
			require.Equal(t, 0, execute(context.Background(), args, &stdout, &stderr), stderr.String())
			out := stdout.String()
			assert.Contains(t, out, "用法：")
			zh := helpZh[c.CommandPath()]
			assert.Contains(t, out, strings.TrimSpace(cmp.Or(zh.long, zh.short)))
			for _, english := range []string{"Usage:", "Flags:", "Available Commands:", "for more information", "help for "} {
				assert.NotContains(t, out, english)
			}
		})
	}
}
