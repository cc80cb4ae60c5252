# One task runner for people and CI. `make build` and `make test` are the README's two commands.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell sha256sum requirements.txt | cut -c1-12)

.PHONY: build publish packages test check serve bench lint extract extract-eval draft browser clean screenshots help

ifneq ($(filter --help -h,$(ARGS)),)
# ARGS=--help: each target says what it does (and its tool's own --help), needing no FILE= and building nothing.
build publish packages test check serve bench lint extract extract-eval draft browser clean screenshots:
	@grep -E '^## $@:' Makefile | sed 's/^## /make /'
	@case "$@" in build|packages|publish) $(PY) -m scripts.build --help;; extract) $(PY) -m scripts.extract --help;; \
	  draft) $(PY) -m scripts.draft --help;; bench) $(PY) -m scripts.bench --help;; test|check) echo "pytest options: ARGS is not passed to pytest; run .venv/bin/python -m pytest --help";; esac
else

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $(STAMP)

## build: check every curated request, write build/datapackages and build/site
build: $(STAMP)
	$(PY) -m scripts.build

## publish: the build to publish: as `make build`, but it refuses placeholder addresses (site_url, the corrections address)
publish: $(STAMP)
	$(PY) -m scripts.build --publish

## packages: the data packages only (no site)
packages: $(STAMP)
	$(PY) -m scripts.build --no-site

## test: build, then run every test (browser tests use Debian's chromium, installed if missing)
test: build browser
	$(PY) -m pytest

## check: the fast tier, while you work: lint and every test that needs neither Chromium nor a site build (under a minute)
check: lint
	$(PY) -m pytest -q -m "not slow"

## browser: install Debian's chromium for the browser tests, if it is missing
browser:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## serve: serve the built site on http://127.0.0.1:8000/
serve: build
	$(PY) -m http.server --directory build/site --bind 127.0.0.1 8000

## extract: propose tidy tables from a response, e.g. make extract FILE=datapackages/<id>/response.txt ARGS=--dry-run
extract: $(STAMP)
	@test -n "$(FILE)" || { echo "usage: make extract FILE=datapackages/<id>/response.txt [ARGS='--dry-run|--out DIR|--overwrite']"; exit 2; }
	$(PY) -m scripts.extract $(FILE) $(ARGS)

## extract-eval: measure the extractor on the real corpus (tests/corpus): recall, labels right, false values, per text and pooled, for tune/ and check/
extract-eval: $(STAMP)
	$(PY) -m scripts.extract.evaluate $(ARGS)

## draft: write a draft request.yaml (never over a file), e.g. make draft FILE=datapackages/<id>/response.txt URL=https://...
draft: $(STAMP)
	@test -n "$(FILE)" || { echo "usage: make draft FILE=datapackages/<id>/response.txt [URL=<address it was published at>]"; exit 2; }
	$(PY) -m scripts.draft $(FILE) $(if $(URL),--url '$(URL)') $(filter-out --help,$(ARGS))

## screenshots: full-page PNGs of every page type at 390 and 1280 px wide, into build/screenshots/
screenshots: build browser
	$(PY) -m scripts.screenshots

## bench: time the build on synthetic corpora (scripts/synth), write build/bench.md; e.g. make bench ARGS="--sizes 20,50 --repeat 1"
bench: $(STAMP)
	$(PY) -m scripts.bench $(ARGS)

## lint: static checks of the code
lint: $(STAMP)
	$(PY) -m ruff check scripts tests

## clean: remove build/ and the generated pages
clean:
	rm -rf build docs/generated

endif

## help: what each target does (any target with ARGS=--help says what it does and runs nothing)
help:
	@grep -E '^## ' Makefile | sed 's/^## /make /'
