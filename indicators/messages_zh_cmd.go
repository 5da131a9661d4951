package indicators

// Chinese for the messages of commands added after messages_zh.go.
func init() {
	for k, v := range map[string]string{
		"collect writes csv or json, not md": "collect 只输出 csv 或 json，不输出 md",
	} {
		if _, ok := zhMessages[k]; !ok {
			zhMessages[k] = v
		}
	}
	for k, v := range map[string]string{
		"use --format csv or --format json": "请使用 --format csv 或 --format json",
	} {
		if _, ok := zhHints[k]; !ok {
			zhHints[k] = v
		}
	}
}
