# The README's two commands: `make run` (set up and open the app), `make test` (set up and run the tests).
VENV   := .venv
PYTHON := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

LOCK   := requirements.lock
PIP    := $(PYTHON) -m pip install --quiet --quiet --disable-pip-version-check

# The UI's translations: sources (.ts) in the repository, compiled (.qm) here, never committed.
CATALOGUES := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))

.PHONY: run test lock qt-libs site-servers package release strings

run: $(STAMP) qt-libs $(CATALOGUES)
	$(VENV)/bin/moderator

# The checks first (rules in pyproject.toml: ruff's rule set; mypy strict for the core, default
# mode for the GUI), then the suite: a lint or type error fails the run like a failing test.
test: $(STAMP) qt-libs site-servers $(CATALOGUES)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest

# Exactly the lock (every package pinned, torch the 2.13.0 CPU build: on these machines a
# local wheel), then the app itself, editable, with no dependency resolution at all.
$(STAMP): pyproject.toml $(LOCK)
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PIP) --no-deps -r $(LOCK)
	$(PIP) --no-deps --no-build-isolation -e .
	$(PYTHON) -m pip check --disable-pip-version-check >/dev/null || $(PYTHON) -m pip check
	touch $(STAMP)

%.qm: %.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# The catalogues' sources brought up to date with the strings in the code and forms, the
# window's and the core's sentences marked with moderator.i18n (then
# translate the new ones, e.g. in pyside6-linguist, and commit the .ts).
strings: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none $$(grep -rlE 'translate|QT_TRANSLATE_NOOP' moderator --include='*.py' | sort) ui/*.ui \
	  -source-language en -ts $(wildcard resources/translations/*.ts)

# Re-resolve the dependencies on purpose (scripts/lock.sh); commit the diff on its own.
lock:
	scripts/lock.sh

qt-libs:
	@scripts/qt-system-libs.sh

# WordPress, PHP and MariaDB from Debian's packages, for the connector tests' real servers, and
# PostgreSQL for the tests that run on both databases.
site-servers:
	@scripts/site-servers.sh

# The installer (packaging/README.md): a frozen bundle built from a clean virtual
# environment, checked, and a Debian package, into dist/. `package` compresses fast
# (zstd -3: seconds; for CI); `release` uses xz -6 (minutes; about 20% smaller).
package: qt-libs
	packaging/build.sh zstd 3

release: qt-libs
	packaging/build.sh xz 6
