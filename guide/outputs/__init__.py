"""Steps over a built site/: each reads and writes files under site/ only, and runs alone on a built site.

`python -m guide.outputs [STEP ...] [--site site]` runs steps alone (__main__.py); the build runs them all in order
after MkDocs (guide/mkdocs_hooks/outputs.py). `make build` is build.py; `make email-kit` adds email_kit.py.

steps                the steps by name, in the order the build runs them (search, not-found-pages, sitemaps,
                     qr-codes, redirects, headers)
built_site           what a step knows of its build: site folder, project, address, languages
search_per_language  one search index per language (step "search")
search_synonyms      the students' own words from includes/ui-labels.yml, added to the index before it is split
not_found_pages      a page-not-found page per language
sitemaps             no sitemap for a build without a public address
qr_codes             the QR codes of the guide's address
redirects            old addresses that keep working (redirects.yml)
security_headers     site/_headers: the headers and the Content-Security-Policy the pages satisfy (the last step)
build                the whole build (MkDocs, the PDFs, the e-mail kit) into a temporary folder, swapped in on success
email_kit            the e-mail snippet and QR codes for the office's messages (make email-kit)
"""
