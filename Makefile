# govindex — build and test. `make test` is the README's test command and what CI runs.

GO ?= go

.PHONY: all build test vet fmt bench clean update-assets verify-assets fuzz

all: build

# ECharts, which the offline HTML report inlines, is committed in
# reports/assets (Apache-2.0, with its LICENSE and NOTICE), so `go build`
# and `go install` alone make a complete binary. npm is needed only to
# update it (update-assets) or to prove the committed copy is the pinned
# npm package byte for byte (verify-assets, run by CI); both need the npm
# registry.
ECHARTS := reports/assets/echarts.min.js

update-assets:
	npm install --no-audit --no-fund
	cp node_modules/echarts/dist/echarts.min.js $(ECHARTS)
	cp node_modules/echarts/LICENSE reports/assets/LICENSE-echarts
	cp node_modules/echarts/NOTICE reports/assets/NOTICE-echarts

# npm ci checks the tarball against package-lock.json's integrity hash;
# cmp then checks the committed file against the tarball's.
verify-assets:
	npm ci --no-audit --no-fund
	cmp node_modules/echarts/dist/echarts.min.js $(ECHARTS)
	cmp node_modules/echarts/LICENSE reports/assets/LICENSE-echarts
	@echo "$(ECHARTS) is echarts@$$(node -p 'require("./node_modules/echarts/package.json").version') from package-lock.json, byte for byte"

build:
	$(GO) build -o bin/govindex ./cmd/govindex

# vet; every test with the race detector except the end-to-end scripts,
# which run the same code single-threaded per command and only compare
# text (under -race they took 277 s of a 7-minute run, without it 40 s;
# the concurrent engines are race-tested in their packages and through
# the interrupt tests); then the scripts; then each fuzz target briefly.
test: vet
	$(GO) test -race -count=1 -skip '^TestScripts$$' ./...
	$(GO) test -count=1 -run '^TestScripts$$' ./cmd/govindex
	$(MAKE) fuzz

# Every parser's fuzz target, briefly (FUZZTIME=5m for a long local run).
# Targets are found by name, so a new one runs without editing this file.
FUZZTIME ?= 5s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$f ($(FUZZTIME))"; \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 1s $$pkg > /tmp/govindex-fuzz.log 2>&1 || { cat /tmp/govindex-fuzz.log; exit 1; }; \
	  done; \
	done

vet:
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin node_modules
