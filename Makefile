# The README's two commands: `make run` (set up and open the app), `make test` (set up and run the tests).
VENV   := .venv
PYTHON := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test qt-libs package release

run: $(STAMP) qt-libs
	$(VENV)/bin/moderator

test: $(STAMP) qt-libs
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest

# torch first and pinned: on these machines 2.13.0 is a local CPU wheel, and letting a
# dependency choose would pull multi-GB CUDA builds.
$(STAMP): pyproject.toml
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check torch==2.13.0
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

qt-libs:
	@scripts/qt-system-libs.sh

# The installer (packaging/README.md): a frozen bundle built from a clean virtual
# environment, checked, and a Debian package, into dist/. `package` compresses fast
# (zstd -3: seconds; for CI); `release` uses xz -6 (minutes; about 20% smaller).
package: qt-libs
	packaging/build.sh zstd 3

release: qt-libs
	packaging/build.sh xz 6
