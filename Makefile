# Two commands do all the set-up on a fresh Debian machine (as root, or with sudo):
#   make demo   install what is missing, then run the pipeline on data/samples
#   make test   install what is missing, then run the test suite
#   (make test-archive: the slow tests over the whole archive)
# Both are idempotent and fast when everything is already installed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := tesseract-ocr tesseract-ocr-fra tesseract-ocr-osd
# headless Chromium and its WebDriver, for the browser tests of delib review
BROWSER_PACKAGES := chromium chromium-driver

.PHONY: demo test test-archive install system-deps python-deps clean

demo: install
	$(BIN)/delib extract data/samples -o data/out --force
	$(BIN)/delib eval data/out --gold data/samples --tables-only
	$(BIN)/delib export scdl data/out

test: install
	$(BIN)/pytest -q

# the tests over the whole Chéméré archive (persons and terms across 78 meetings, notebook 04):
# about 7 minutes on 2 cores, so kept out of make test
test-archive: install
	$(BIN)/pytest -q -m archive

install: system-deps python-deps

# Tesseract with its French and orientation data, and Chromium with its driver (browser
# tests), from Debian's packages, only if missing.
system-deps:
	@if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx fra \
	    || ! tesseract --list-langs 2>/dev/null | grep -qx osd; then \
	  echo "installing $(APT_PACKAGES) with apt-get"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  echo "installing $(BROWSER_PACKAGES) with apt-get (browser tests of delib review)"; \
	  { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(BROWSER_PACKAGES); } \
	    || echo "could not install $(BROWSER_PACKAGES): the browser tests will be skipped"; \
	fi
	@$(PYTHON) -c "import venv, ensurepip" 2>/dev/null || { \
	  echo "installing python3-venv with apt-get"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv; }

# The virtual environment, rebuilt only when pyproject.toml changes.
python-deps: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,scale,export,notebooks,review]'
	@touch $(STAMP)

clean:
	rm -rf data/out .pytest_cache
