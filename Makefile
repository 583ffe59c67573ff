# Two commands for a newcomer: `make serve` (or `make build`) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints a banner about MkDocs 2.0 on every build; keep logs quiet.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup build serve zensical test fuzz load browser bench compare score train clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

build: setup
	$(BIN)/mkdocs build --strict

# The preview: --dirty rebuilds only what a change touches (our plugin picks
# the lists, feed and deletions that go with it), so a dropped dump is on
# the front page in a second or two even on a large digest.
serve: setup
	$(BIN)/mkdocs serve --livereload --dirty

# The same site built by Zensical, Material's successor, which runs no MkDocs
# plugin: convert the dumps, then build with the pinned Zensical (the
# `zensical` extra, part of `test`), which brings its own search; then add
# the edition feeds and emails the plugin would have written.
zensical: setup
	$(BIN)/digest convert --quiet
	$(BIN)/zensical build --strict
	$(BIN)/digest editions --site-dir site

# Debian's Chromium for the browser tests (playwright drives it; it never downloads a browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The slowest ten tests are listed on every run. Any pytest failure status fails
# make, 5 ("no tests collected") included: a run that tested nothing is not green.
# Two worker processes (CI has two cores), each given whole test files: a module's
# own site is built once; the session-wide sites and Chromium once per worker.
# TEST_WORKERS=0 runs everything in one process.
TEST_WORKERS ?= 2
test: setup browser
	$(BIN)/python -m pytest -q --durations=10 -n $(TEST_WORKERS) --dist loadfile || { status=$$?; \
	  [ $$status -ne 5 ] || echo "make test: pytest collected no tests" >&2; exit $$status; }

# A long fuzzing run (thousands of examples per reader); CI runs a short one.
fuzz: setup
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest -q tests/test_fuzz.py tests/test_fast_dates.py tests/test_fast_words.py tests/test_fast_header.py tests/test_fast_line_model.py

# 5,000 varied real pages plus bad dumps: convert and build, peak RSS, error lines, --strict.
load: setup
	$(BIN)/python -m bench.load --count 5000

# The performance benchmark: the readers' ms per corpus page (bench/reading.py), then
# bench/run.py: N = 100, 1,000 and 5,000 articles;
# `make bench SIZES=100,1000` skips the largest. Writes bench/results.md.
SIZES ?= 100,1000,5000
REPEAT ?= 3
bench: setup browser
	$(BIN)/python -m bench.reading
	$(BIN)/python -m bench.run --sizes $(SIZES) --repeat $(REPEAT) --out bench/results.md

# Both development corpora: text dumps, then saved HTML beside trafilatura (same pages, same run).
score: setup
	for corpus in corpus corpus2; do \
	  echo "== $$corpus: text dumps"; \
	  $(BIN)/python ../shared/corpus/score.py ../shared/$$corpus --mode text --system project || exit 1; \
	  echo "== $$corpus: saved HTML, ours and trafilatura"; \
	  $(BIN)/python bench/compare_html.py ../shared/$$corpus || exit 1; \
	done

# Our HTML reader beside trafilatura (a runtime dependency) on both corpora, with the time ratio.
compare: setup
	$(BIN)/python bench/compare_html.py ../shared/corpus
	$(BIN)/python bench/compare_html.py ../shared/corpus2

# Retrain the line model from ../shared's corpora; prints leave-site-out scores first.
train: setup
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test,train]'
	$(BIN)/python -m training.train

clean:
	rm -rf site .pytest_cache
