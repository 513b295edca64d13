"""The guide's own code: one room per capability, in the order the data flows through them.

sources/       the project's data files read into records (facts, UI labels, screen list, public address,
               published links), each refusing a bad file with its file and line
checks/        plain functions over the sources that return one line per problem; `python -m guide.checks`
               runs them all (make check) and the build runs the same functions through one hook
rendering/     what changes a page on its way to HTML (glosses, the glossary, the e-mail form, copy buttons,
               checkbox names); the only part besides mkdocs_hooks/ that a new site generator would replace
mkdocs_hooks/  the thin adapters that plug the rooms into MkDocs, and MkDocs' own fixes
outputs/       steps over a built site/ (per-language search, 404 pages, QR codes, redirects, headers), each
               runnable alone; build.py runs the whole build; email_kit.py the e-mail kit
pdf/           the PDFs, printed from the built pages
pictures/      the pictures: drawings and screenshots, their specs, OCR and the picture check
deploy/        what a web server needs: the archive, the nginx configuration, a local nginx
linkcheck/     the link checker (internal links offline, remote ones politely)
screencheck/   the weekly check that CHSI's pages still show the labels the guide quotes

Nothing here reads ../shared/ or the network unless its command says so.
"""
