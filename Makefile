# opcheck: every task a contributor runs. `make run` starts the playground,
# `make test` runs every test; the rest are their parts.

GO      ?= go
GOROOT  := $(shell $(GO) env GOROOT)
WASMDIR := $(GOROOT)/lib/wasm
ADDR    ?= 127.0.0.1:8080
# Core packages: pure Go, so their tests run natively and again under wasm.
CORE    := ./graph/... ./scan/... ./input/... ./check/... ./sdk/... ./format/... ./permalink/... ./redact/... ./internal/sizeclass/...
GOFLAGS_BUILD := -trimpath -ldflags=-s\ -w
# opcheck.wasm's download budget is 800 KB brotli. Inlining copies a
# function into every caller; for code off the hot path (fmt and reflect,
# which safejs brings, the JS bridge, the model's one-time setup, and input's
# form recognisers, which read each byte once before the checker reads it
# again) those copies cost bytes and save no time, so they are left out
# there. strings and strconv lose only the inlining inside their own
# functions (the checker still inlines their small ones), which measured
# within noise under Node and saves about 5 KB. The checker, the scanner and
# the runtime keep their inlining.
WASM_NOINLINE := $(foreach p,fmt reflect os time syscall syscall/js io/fs internal/fmtsort strings strconv github.com/hack-pad/safejs/... opcheck/graph opcheck/wasm/... opcheck/input,-gcflags=$(p)=-l)

.PHONY: run build web dist check sarif-schema test test-native test-wasm test-sdk bench loadtest fuzz clean

## run: build everything and serve the playground on $(ADDR)
run: build
	./bin/opcheck-server -addr $(ADDR)

## build: the CLI and the server (with the page, the wasm and the editor embedded) in bin/
build: web
	$(GO) build $(GOFLAGS_BUILD) -o bin/opcheck ./cmd/opcheck
	$(GO) build $(GOFLAGS_BUILD) -o bin/opcheck-server ./server

## web: the page's assets, hashed and precompressed, in web/dist/
web:
	rm -rf build/web && mkdir -p build/web
	GOOS=js GOARCH=wasm $(GO) build $(GOFLAGS_BUILD) $(WASM_NOINLINE) -o build/web/opcheck.wasm ./wasm
	GOOS=js GOARCH=wasm $(GO) build $(GOFLAGS_BUILD) -o build/web/opcheck-tools.wasm ./wasm/tools
	cp "$(WASMDIR)/wasm_exec.js" build/web/wasm_exec.js
	cd web && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build
	$(GO) run ./web/pack -in build/web -out web/dist

## dist: the page as a folder that a static host or CDN serves as it is, with its _headers, in dist/
dist: web
	rm -rf dist
	$(GO) run ./web/site -in web/dist -out dist

## check: the module builds, vets clean and is tidy (quick; test runs it first)
check:
	$(GO) build ./...
	$(GO) vet ./...
	$(GO) mod tidy -diff

## sarif-schema: the SARIF 2.1.0 schema and its validator, which the CLI's tests run under Node
sarif-schema:
	cd cmd/opcheck/testdata/sarif && npm ci --no-audit --no-fund --loglevel=error

## test: every test: native, the core and the adapter under wasm, and the browser tests
test: check sarif-schema build dist test-native test-wasm test-sdk

test-native:
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	$(GO) vet ./...
	$(GO) test ./...

## test-sdk: package sdk's model against the real Go and TypeScript Graph SDKs (a module of its own, sdk/realsdk)
test-sdk:
	cd sdk/realsdk && npm ci --no-audit --no-fund --loglevel=error && $(GO) test -count=1 ./...

test-wasm:
	GOOS=js GOARCH=wasm PATH="$(WASMDIR):$$PATH" $(GO) test $(CORE) ./wasm/...
	GOOS=js GOARCH=wasm PATH="$(WASMDIR):$$PATH" $(GO) test -tags opcheck_testhook ./wasm/

## bench: the core's benchmarks, then the page in headless Chromium beside ajv; writes BENCHMARKS.md (after make build)
bench:
	mkdir -p build
	$(GO) test -run '^$$' -bench . -benchmem ./check/ > build/bench-native.txt || { cat build/bench-native.txt; exit 1; }
	cat build/bench-native.txt
	GOOS=js GOARCH=wasm PATH="$(WASMDIR):$$PATH" $(GO) test -run '^$$' -bench '^Benchmark(Validate|Scan|GJSONValid)$$/.*/1MB/' -benchtime 10x -count 2 ./check/ > build/bench-wasm.txt || { cat build/bench-wasm.txt; exit 1; }
	cat build/bench-wasm.txt
	OPCHECK_LOADTEST=1 $(GO) test -count=1 -run '^TestLoad$$' -v ./server/ > build/loadtest.txt || { cat build/loadtest.txt; exit 1; }
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	OPCHECK_BROWSER_BENCH=1 $(GO) test -v -count=1 -timeout 9m -run '^TestBrowserBench$$' ./bench/ \
	  -args -report "$(CURDIR)/BENCHMARKS.md" -native "$(CURDIR)/build/bench-native.txt" -wasm "$(CURDIR)/build/bench-wasm.txt" -loadtest "$(CURDIR)/build/loadtest.txt"

## loadtest: a bounded load test of the server on loopback (20,000 requests, 30 s cap)
loadtest:
	OPCHECK_LOADTEST=1 $(GO) test -count=1 -run '^TestLoad$$' -v ./server/

## fuzz: each fuzz target for a short, fixed time (FUZZTIME=20s)
FUZZTIME ?= 20s
fuzz:
	@for pkg in $$($(GO) list $(CORE) ./server ./web/pack); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$t ($(FUZZTIME))"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -rf bin build dist web/node_modules
	find web/dist -mindepth 1 ! -name .keep -delete
