package reports

import _ "embed"

// echartsJS is Apache ECharts (dist/echarts.min.js of the npm package
// pinned in package-lock.json), committed in reports/assets with its
// licence and notice so that `go build` and `go install` embed it: a
// checkout without it does not compile. `make verify-assets` proves it
// byte for byte against the pinned package.
//
//go:embed assets/echarts.min.js
var echartsJS []byte

// ECharts returns the ECharts library (echarts.min.js) embedded in this
// build, which the HTML report inlines. ok is false only for an empty
// embedded file (a damaged checkout).
func ECharts() (lib []byte, ok bool) {
	return echartsJS, len(echartsJS) > 0
}
