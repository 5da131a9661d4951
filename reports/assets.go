package reports

import "embed"

// assetsFS holds the build-time assets of the HTML report. assets/echarts.min.js
// is copied there from the npm package pinned in package-lock.json by
// `make assets`; it is not committed, so a build made without running that
// target embeds only assets/README.md.
//
//go:embed assets
var assetsFS embed.FS

// echartsAsset is the path of the ECharts library inside assetsFS.
const echartsAsset = "assets/echarts.min.js"

// ECharts returns the ECharts library (echarts.min.js) embedded in this
// build, which the HTML report inlines. ok is false when the build did not
// include it (`make assets` was not run before `go build`).
func ECharts() (lib []byte, ok bool) {
	b, err := assetsFS.ReadFile(echartsAsset)
	if err != nil || len(b) == 0 {
		return nil, false
	}
	return b, true
}
