# The README's commands. Each target sets up what it needs on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test golden lint clean bench bench-import bench-search import-report judge-topics fit-relevance

# The virtual environment with the pinned dependencies (constraints.txt pins every package).
$(BIN)/transcripts: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	touch $@

$(VENV)/.test-deps: $(BIN)/transcripts
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	@# Browser tests drive a chromium through Playwright: the system's if there is one; as
	@# root, Debian's (apt); as a user (GitHub's runners), the one Playwright installs.
	command -v chromium >/dev/null || \
	  if [ "$$(id -u)" = 0 ]; then \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium || \
	    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium); \
	  elif sudo -n true 2>/dev/null; then \
	    $(BIN)/python -m playwright install --with-deps chromium; \
	  else \
	    $(BIN)/python -m playwright install chromium; \
	  fi
	touch $@

site: $(BIN)/transcripts  ## Build the site from content/ into site/
	$(BIN)/transcripts build --content content --out site
	@echo "Open site/index.html through a web server, or run 'make serve' for a live preview at http://127.0.0.1:8000/"

serve: $(BIN)/transcripts  ## Live preview; editing content/ rebuilds
	$(BIN)/transcripts serve --content content

test: $(VENV)/.test-deps  ## Run the whole test suite
	$(BIN)/python -m pytest

golden: $(VENV)/.test-deps  ## Refresh the golden files after an intended change of output
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/test_golden.py tests/test_corpus_families.py -k "golden"

bench: $(BIN)/transcripts  ## Benchmark: build (a) the sample, (b) the corpus, (c) 10,000 synthetic transcripts
	$(BIN)/python benchmarks/bench_build.py

bench-search: $(VENV)/.test-deps  ## Benchmark: bytes one search downloads on the full corpus
	$(BIN)/python benchmarks/bench_search.py

bench-import: $(BIN)/transcripts  ## Benchmark: import the 1,151 briefings, print files per second
	$(BIN)/python benchmarks/bench_import.py

import-report: $(BIN)/transcripts  ## Every corpus file imported: turns, label leaks, doubts by kind, per family
	$(BIN)/python benchmarks/import_report.py

judge-topics: $(BIN)/transcripts  ## The tagger on the judged topic tags: wrong and about among the tags it makes
	$(BIN)/python benchmarks/judge_topics.py

fit-relevance: $(BIN)/transcripts  ## Fit the relevance weights to the judged topic tags again (prints them)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[fit]'
	$(BIN)/python benchmarks/judge_topics.py --fit

lint: $(VENV)/.test-deps
	$(BIN)/ruff check generator tests

clean:
	rm -rf site .build
