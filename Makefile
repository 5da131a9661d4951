# govindex — build and test. `make test` is the README's test command and what CI runs.

GO ?= go

.PHONY: all build test vet fmt bench clean assets fuzz

all: build

# ECharts comes from the npm package pinned in package-lock.json and is
# embedded into the binary for the offline HTML report.
ECHARTS := reports/assets/echarts.min.js

assets: $(ECHARTS)

$(ECHARTS): package.json package-lock.json
	npm ci --no-audit --no-fund
	cp node_modules/echarts/dist/echarts.min.js $@

build: assets
	$(GO) build -o bin/govindex ./cmd/govindex

# vet, then every test with the race detector (scoring and reports run in
# parallel in later releases), then each fuzz target briefly.
test: assets vet
	$(GO) test -race -count=1 ./...
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
	rm -rf bin node_modules $(ECHARTS)
