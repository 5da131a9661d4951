package reports

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govindex/govindex/scoring"
)

// htBrowserTimeout bounds each step of the browser test: starting
// Chromium, and checking one page (load, draw, checks, screenshot).
const htBrowserTimeout = 60 * time.Second

// htChromium finds Debian's chromium. Without it the test is skipped on a
// developer machine and fails in CI (CI set), where .ci/run installs it.
func htChromium(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err == nil {
		return path
	}
	if _, ci := os.LookupEnv("CI"); ci {
		t.Fatalf("chromium not found in PATH (%v): CI must install it (apt-get install chromium fonts-noto-cjk)", err)
	}
	t.Skipf("chromium not found in PATH (%v); install it (apt-get install chromium fonts-noto-cjk) to run the browser test", err)
	return ""
}

// htScreenshotDir is where screenshots go: $GOVINDEX_SCREENSHOT_DIR when
// set, else the test's temporary directory.
func htScreenshotDir(t *testing.T) string {
	t.Helper()
	if dir := os.Getenv("GOVINDEX_SCREENSHOT_DIR"); dir != "" {
		require.NoError(t, os.MkdirAll(dir, 0o755))
		return dir
	}
	return t.TempDir()
}

// htUserDataDir is a fresh Chromium profile, removed after the test; the
// browser's helpers can write to it for a moment after it stops, so the
// removal is retried.
func htUserDataDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "govindex-chromium-")
	require.NoError(t, err)
	t.Cleanup(func() {
		for range 50 {
			if os.RemoveAll(dir) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	return dir
}

// htCanvas is what the page reports about one chart container.
type htCanvas struct {
	ID      string `json:"id"`
	Canvas  bool   `json:"canvas"`
	Width   int    `json:"width"`
	Height  int    `json:"height"`
	Painted int    `json:"painted"` // pixels that are not fully transparent
}

// htCanvasJS lists every chart container with its first canvas and the
// number of its non-transparent pixels.
const htCanvasJS = `Array.from(document.querySelectorAll(".chart")).map(function (el) {
  var c = el.querySelector("canvas");
  var r = {id: el.id, canvas: !!c, width: c ? c.width : 0, height: c ? c.height : 0, painted: 0};
  if (c && c.width > 0 && c.height > 0) {
    var d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) { r.painted++; } }
  }
  return r;
})`

// htAllDrawn is truthy once every chart has a painted canvas.
const htAllDrawn = `(function () {
  var list = ` + htCanvasJS + `;
  return list.length > 0 && list.every(function (r) { return r.painted > 0; }) ? list : null;
})()`

// htBrowserPages is the number of pages TestHTMLInBrowser opens.
const htBrowserPages = 6

// htTipsJS shows the tooltip of every data item of every series of every
// chart on the page (ECharts' showTip action; for a chart whose tooltip is
// triggered by its axis this shows the tooltip of each axis index), and
// returns per chart what the tooltips held, with the texts drawn on its
// canvas. Every tooltip starts empty, so an item whose tooltip does not
// show adds nothing.
const htTipsJS = `(function () {
  return Array.from(document.querySelectorAll(".chart")).map(function (dom) {
    var r = {id: dom.id, items: 0, tips: [], html: [], canvas: []};
    var chart = echarts.getInstanceByDom(dom);
    if (!chart) { return r; }
    var tipEls = function () {
      return Array.from(dom.children).filter(function (c) { return !c.querySelector("canvas"); });
    };
    (chart.getOption().series || []).forEach(function (s, si) {
      var n = (s.data || []).length;
      for (var di = 0; di < n; di++) {
        r.items++;
        chart.dispatchAction({type: "hideTip"});
        tipEls().forEach(function (el) { el.innerHTML = ""; });
        chart.dispatchAction({type: "showTip", seriesIndex: si, dataIndex: di});
        var els = tipEls();
        var text = els.map(function (el) { return el.textContent; }).join("");
        if (text !== "") {
          r.tips.push(text);
          r.html.push(els.map(function (el) { return el.innerHTML; }).join(""));
        }
      }
    });
    chart.dispatchAction({type: "hideTip"});
    chart.getZr().storage.getDisplayList(true).forEach(function (el) {
      if (el.style && typeof el.style.text === "string" && el.style.text !== "") { r.canvas.push(el.style.text); }
    });
    return r;
  });
})()`

// htTips is what htTipsJS reports about one chart.
type htTips struct {
	ID     string   `json:"id"`
	Items  int      `json:"items"`
	Tips   []string `json:"tips"`
	HTML   []string `json:"html"`
	Canvas []string `json:"canvas"`
}

// htPwnedJS is what the hostile texts would have done had any run: set
// window.__pwned (parent.__pwned from a frame) or set the page title to
// PWNED.
const htPwnedJS = `window.__pwned === undefined && document.title !== "PWNED" ? "" : "pwned " + String(window.__pwned) + ", title " + document.title`

var htChartIDRe = regexp.MustCompile(`class="chart" id="([^"]+)"`)

// htPageEvents collects what the page did: requests, console errors,
// uncaught exceptions and dialogs.
type htPageEvents struct {
	mu         sync.Mutex
	requests   []string
	errors     []string
	exceptions []string
	dialogs    []string
}

func (e *htPageEvents) add(list *[]string, s string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	*list = append(*list, s)
}

func (e *htPageEvents) snapshot() (requests, errs, exceptions, dialogs []string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.requests...), append([]string(nil), e.errors...),
		append([]string(nil), e.exceptions...), append([]string(nil), e.dialogs...)
}

func TestHTMLInBrowser(t *testing.T) {
	chromium := htChromium(t)
	if _, ok := ECharts(); !ok {
		if _, ci := os.LookupEnv("CI"); ci {
			t.Fatal("this build has no ECharts: run make assets before the tests")
		}
		t.Skip("this build has no ECharts: run make assets to run the browser test")
	}
	shots := htScreenshotDir(t)

	// The browser lives under an outer deadline; starting it and each page
	// have htBrowserTimeout of their own (see htCheckPage).
	ctx, cancel := context.WithTimeout(context.Background(), htBrowserTimeout*time.Duration(htBrowserPages+1))
	defer cancel()
	allocCtx, cancel := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(htUserDataDir(t)),
		chromedp.WindowSize(1280, 900),
	)
	defer cancel()
	browserCtx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(browserCtx) }()
	select {
	case err := <-started:
		require.NoError(t, err, "start chromium")
	case <-time.After(htBrowserTimeout):
		cancel()
		t.Fatalf("chromium did not start within %v", htBrowserTimeout)
	}

	zh := HTMLOptions{Options: Options{Lang: "zh", Engine: testEngine}}
	en := HTMLOptions{Options: Options{Lang: "en", Engine: testEngine}}
	geo, geoEn := zh, en
	geo.GeoJSON, geoEn.GeoJSON = htGeoJSON(), htGeoJSON()
	hostile, robust := hxHostile()
	hostileZh := HTMLOptions{Options: Options{Lang: "zh", Engine: testEngine}, Robust: robust, GeoJSON: hxGeoJSON(t)}
	hostileEn := hostileZh
	hostileEn.Lang = "en"
	hostileShown := []string{htmlNoBidi(hxIndex), hxGuizhou, hxHongKong, htmlNoBidi(hxBeijing), hxTibet, hxTibetCode,
		htmlNoBidi(hxReason), hxLabel + "5", hxPolicy, htmlNoBidi(hxSharing)}
	// Texts each chart's tooltips must show as they are; every chart must
	// show some tooltip.
	rated := []string{hxGuizhou, hxHongKong, htmlNoBidi(hxBeijing)}
	hostileTips := map[string][]string{
		"chart-ranking":          rated,
		"chart-rank-intervals":   rated,
		"chart-star-probability": rated,
		"chart-trends":           rated,
		"chart-dimensions":       append([]string{hxPolicy, htmlNoBidi(hxSharing)}, rated...),
		"chart-radar-all":        append([]string{hxDocs, hxPlatforms, hxDatasets}, rated...),
		"chart-weights":          {hxDocs, hxPlatforms, hxDatasets, hxPolicy, htmlNoBidi(hxSharing)},
		"chart-map":              {hxHongKong},
		"chart-choropleth":       append([]string{hxTibet}, rated...),
	}
	cases := []struct {
		name string
		r    *scoring.Result
		o    HTMLOptions
		// text that must be shown as text
		shown []string
		// charts that must be among those drawn
		charts []string
		// texts each chart's tooltips must show as they are
		tips map[string][]string
	}{
		{name: "edition_zh", r: htEdition(t), o: zh, shown: []string{"政府数据融合共享应用指数", "贵州省", "广州市"}},
		{name: "small_geojson_en", r: testResult(), o: geoEn, shown: []string{"Government Data Sharing Index", "Guizhou", "Hong Kong"}},
		{name: "series_zh", r: testSeriesResult("pooled")(), o: zh, shown: []string{"较 2016 年变化", "跨年趋势", "↑1", "新"},
			charts: []string{"chart-trends"}},
		{name: "escaping", r: htEvil(), o: geo, shown: []string{
			`指数</script><script>alert("name")</script>`,
			`</script><script>alert(1)</script>`,
			`<img src=x onerror=alert(1)>`,
			`<b onmouseover=alert(2)>desc</b>`,
		}},
		{name: "hostile_zh", r: hostile, o: hostileZh, shown: hostileShown, tips: hostileTips},
		{name: "hostile_en", r: hostile, o: hostileEn, shown: hostileShown, tips: hostileTips},
	}
	require.Len(t, cases, htBrowserPages)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, WriteHTML(&buf, tc.r, tc.o))
			path := filepath.Join(t.TempDir(), "index.html")
			require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
			var ids []string
			for _, m := range htChartIDRe.FindAllStringSubmatch(string(htStrip(t, buf.Bytes())), -1) {
				ids = append(ids, m[1])
			}
			require.NotEmpty(t, ids)
			for _, c := range tc.charts {
				require.Contains(t, ids, c)
			}
			htCheckPage(t, browserCtx, path, filepath.Join(shots, "report_"+tc.name+".png"), ids, tc.shown, tc.tips)
		})
	}
}

// htCheckPage opens the report at path in a new tab and checks it: no
// request but the page itself, no console error or exception, no dialog,
// every chart in ids drawn; the tooltip of every data item of every chart
// shown (for every chart some, and tips[id] among them as text), and
// after that no script from the data run, no element from the data, no
// bidirectional control in any text, and the texts shown as text; then it
// saves a full-page screenshot to shot.
func htCheckPage(t *testing.T, browserCtx context.Context, path, shot string, ids, shown []string, tips map[string][]string) {
	t.Helper()
	pageCtx, cancel := context.WithTimeout(browserCtx, htBrowserTimeout)
	defer cancel()
	tabCtx, cancel := chromedp.NewContext(pageCtx)
	defer cancel()

	pageURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
	ev := &htPageEvents{}
	require.NoError(t, chromedp.Listen(tabCtx, func(e any) {
		switch e := e.(type) {
		case *network.EventRequestWillBeSent:
			ev.add(&ev.requests, e.Request.URL)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				var args []string
				for _, a := range e.Args {
					if a.Value != nil {
						args = append(args, string(a.Value))
					} else {
						args = append(args, a.Description)
					}
				}
				ev.add(&ev.errors, strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := e.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			ev.add(&ev.exceptions, msg)
		case *page.EventJavascriptDialogOpening:
			ev.add(&ev.dialogs, string(e.Type)+": "+e.Message)
			// Listen's func must not run commands: dismiss from elsewhere.
			go func() {
				_, _ = chromedp.Call(tabCtx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
			}()
		}
	}))
	_, err := chromedp.Call(tabCtx, network.Enable, network.EnableParams{})
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(tabCtx, chromedp.Navigate(pageURL)))

	drawn, err := chromedp.Run(tabCtx, chromedp.Poll[[]htCanvas](htAllDrawn,
		chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(100*time.Millisecond)))
	if err != nil {
		state, _ := chromedp.Run(tabCtx, chromedp.Evaluate[[]htCanvas](htCanvasJS))
		t.Fatalf("charts not all drawn: %v; state: %+v", err, state)
	}
	got := map[string]htCanvas{}
	for _, c := range drawn {
		got[c.ID] = c
	}
	assert.Len(t, drawn, len(ids), "one container per chart")
	for _, id := range ids {
		c, ok := got[id]
		if assert.True(t, ok, "chart %s on the page", id) {
			assert.True(t, c.Canvas, "%s has a canvas", id)
			assert.Positive(t, c.Width, "%s canvas width", id)
			assert.Positive(t, c.Height, "%s canvas height", id)
			assert.Positive(t, c.Painted, "%s canvas has drawn pixels", id)
		}
	}

	pwned, err := chromedp.Run(tabCtx, chromedp.Evaluate[string](htPwnedJS))
	require.NoError(t, err)
	assert.Empty(t, pwned, "no script from the data ran while the page loaded")
	swept, err := chromedp.Run(tabCtx, chromedp.Evaluate[[]htTips](htTipsJS))
	require.NoError(t, err)
	require.Len(t, swept, len(ids), "one container per chart")
	for _, c := range swept {
		assert.Positive(t, c.Items, "%s has data items", c.ID)
		assert.NotEmpty(t, c.Tips, "%s shows tooltips", c.ID)
		all := strings.Join(c.Tips, "\n")
		for _, s := range tips[c.ID] {
			assert.Contains(t, all, s, "%s: a tooltip shows the text as it is", c.ID)
		}
		for _, s := range append(c.Tips, c.Canvas...) {
			assert.False(t, hxHasBidi(s), "%s: bidi control in %q", c.ID, s)
		}
		for _, h := range c.HTML {
			assert.NotRegexp(t, `(?i)<(img|svg|iframe|script|object|embed|b|i)[\s>/]`, h, "%s: markup from the data in a tooltip", c.ID)
		}
		delete(tips, c.ID)
	}
	assert.Empty(t, tips, "charts with expected tooltips that are not on the page")
	if len(shown) > 0 && tips != nil {
		// Canvas labels are not templates: a name with {a|x} is drawn as is.
		var canvas []string
		for _, c := range swept {
			canvas = append(canvas, c.Canvas...)
		}
		assert.Contains(t, strings.Join(canvas, "\n"), "{a|x}", "a label with rich-text syntax drawn as text")
	}
	pwned, err = chromedp.Run(tabCtx, chromedp.Evaluate[string](htPwnedJS))
	require.NoError(t, err)
	assert.Empty(t, pwned, "no script from the data ran while the tooltips showed")

	// Markup from the data is shown as text and nothing was injected.
	text, err := chromedp.Run(tabCtx, chromedp.Evaluate[string](`document.title + "\n" + document.body.innerText`))
	require.NoError(t, err)
	for _, s := range shown {
		assert.Contains(t, text, s, "shown as text")
	}
	assert.False(t, hxHasBidi(text), "a bidi control in the page's text")
	injected, err := chromedp.Run(tabCtx, chromedp.Evaluate[int](
		`document.querySelectorAll("img, iframe, object, embed, svg, b, i, link, script[src]").length`))
	require.NoError(t, err)
	assert.Zero(t, injected, "no element from the data")
	scripts, err := chromedp.Run(tabCtx, chromedp.Evaluate[int](`document.scripts.length`))
	require.NoError(t, err)
	assert.Equal(t, 2, scripts, "the library and our own script")

	png, err := chromedp.Run(tabCtx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(shot, png, 0o644))
	t.Logf("screenshot: %s (%d bytes)", shot, len(png))

	requests, errs, exceptions, dialogs := ev.snapshot()
	require.NotEmpty(t, requests, "the page request itself is seen")
	for _, u := range requests {
		assert.Equal(t, pageURL, u, "no request but the page itself")
	}
	assert.Empty(t, errs, "console errors")
	assert.Empty(t, exceptions, "uncaught exceptions")
	assert.Empty(t, dialogs, "dialogs (alert) opened")
	if t.Failed() {
		t.Logf("requests: %s", fmt.Sprint(requests))
	}
}
