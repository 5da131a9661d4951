package indicators

// Chinese for the messages of the hidden profiling flags
// (cmd/govindex/profile.go).
func init() {
	zhMessages["--cpuprofile: %v"] = "--cpuprofile：%v"
	zhHints["name a file in a folder you can write to"] = "请指定一个可写文件夹中的文件"
}
