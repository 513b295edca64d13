"""Checks of the sources: plain functions that return one line per problem (`file:line: what to do`); make check
(__main__.py) runs them all, and the build runs content.py through one hook, so both print the same messages.

content          everything the build refuses: hygiene, pages in one language only, the nav and its titles, front
                 matter, facts, labels, the e-mail's items, a page citing its source, links
source_hygiene   bytes an editor adds silently (BOM, tabs in YAML, invisible spaces), heading ids
parity           each language says what the default one says (headings, steps, facts, pictures)
copy_lint        Chinese typography, English spelling, Markdown style, each screen label marked as its mark: says
budgets          words per page, and a long label bolded too often
guard_words      words CONTENT-QUESTIONS.md keeps off the pages
search_queries   includes/search-queries.yml: each query's page and section exist
item_lists       a page's typed list of the e-mail's items, against includes/facts.yml
next_step        a page's "Next:" line agrees with the footer's
published        every page listed in published-links.yml, every listed address served by the built site
rendered         the site built into .cache/check-site/ when a source changed, then the PDFs' sizes and pages,
                 published, phone_pages and search_ranking over it
phone_pages      each page in Chromium at 360 x 740: at most four screens tall, never wider than the screen
search_ranking   the office's queries typed into the built site: the answering section comes first
review_dates     the pages due a check against CHSI (a command of its own: the weekly workflow runs it)
review_issue     the one open issue that lists them (the weekly workflow's command)
"""
