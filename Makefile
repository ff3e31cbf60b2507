# jobspec: `make demo` parses the bundled examples, `make test` runs the checks.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CORPUS ?= ../shared/corpus

.PHONY: demo docs test lint venv venv-test clean system-deps

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# installs the package (editable) when pyproject.toml changes
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

venv: $(VENV)/.installed
venv-test: $(VENV)/.installed-test

demo: venv
	$(BIN)/jobspec parse examples -o specs
	$(BIN)/jobspec export specs -o specs/posts.xlsx

# the README's command examples rerun on committed files, and its layout-rule table from the registry
docs: venv
	$(BIN)/python scripts/readme_examples.py --write
	$(BIN)/python scripts/readme_rules.py --write

lint: venv-test
	$(BIN)/ruff check src tests examples
	$(BIN)/lint-imports

# Debian packages the tests drive: Chromium (HTML reports, browser-printed PDFs), LibreOffice Writer
# (.doc/.rtf/.odt conversion, PDFs of DOCX, spreadsheet screenshots), tesseract and Ghostscript (OCR),
# poppler-utils (pdftoppm); Liberation fonts, so Arial and Times New Roman in the layout zoo (tests/zoo) render
# with the same metrics everywhere. Installed only under CI=true; elsewhere the tests that need one skip, saying so.
SYSTEM_PACKAGES := chromium libreoffice-writer-nogui libreoffice-calc-nogui tesseract-ocr tesseract-ocr-eng ghostscript poppler-utils fonts-dejavu-core fonts-liberation2

system-deps:
	@if [ -n "$$CI" ]; then \
		missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
		if [ -n "$$missing" ]; then echo "installing: $$missing"; apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; fi; fi

test: lint system-deps
	$(BIN)/python -m pytest
	$(BIN)/jobspec lint specs

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info src/*.egg-info

# Not part of `make test`: hypothesis' long "fuzz" profile, then each atheris harness (tests/fuzz/)
# for FUZZ_TIME seconds, then inputs tried and failures per target. Work files go to build/fuzz/.
FUZZ_TIME     ?= 60
FUZZ_EXAMPLES ?= 5000

.PHONY: fuzz
fuzz: venv-test
	$(BIN)/python tests/fuzz/run.py --time $(FUZZ_TIME) --examples $(FUZZ_EXAMPLES)

# Not part of `make test`: generate the synthetic corpus under .bench/ (git-ignored), time parsing,
# compare, export and memory, and write BENCHMARKS.md (bench/run.py; about five minutes on two cores).
# BENCH_ARGS=--quick is a one-minute smoke run that leaves BENCHMARKS.md alone.
BENCH_ARGS ?=

.PHONY: bench
bench: venv
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Not part of `make test`: LibreOffice conversion and OCR time per page, and how close what jobspec
# reads from converted files and scans comes to the originals (scripts/bench_formats.py; needs
# LibreOffice, pdftoppm and Tesseract; a few minutes). Writes BENCHMARKS-formats.md.
.PHONY: bench-formats
bench-formats: venv-test
	$(BIN)/python scripts/bench_formats.py --corpus $(CORPUS) --out BENCHMARKS-formats.md
