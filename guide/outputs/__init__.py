"""Steps over a built site/: each reads and writes files under site/ only, and runs alone on a built site.

`python -m guide.outputs STEP [--site site]` runs one step; the build runs them in order after MkDocs
(guide/mkdocs_hooks/outputs.py). build.py runs the whole build into a temporary folder.

search_per_language  one search index per language, with the students' own words (search_synonyms)
not_found_pages      a page-not-found page per language
site_address         what a build without a public address leaves out
qr_codes             the QR codes of the guide's address
redirects            old addresses that keep working
security_headers     site/_headers: the headers and the Content-Security-Policy the pages satisfy
email_kit            the e-mail snippet and QR codes for the office's messages (make email-kit)
"""
