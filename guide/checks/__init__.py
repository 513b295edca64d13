"""Checks of the sources: plain functions that return one line per problem (`file:line: what to do`).

`python -m guide.checks` (make check) runs every check below: first over the sources, then, in its rendered stage,
over the site built into .cache/check-site/; the build runs `content` through one hook
(guide/mkdocs_hooks/checks.py), so both print the same messages.

content          everything the build refuses: hygiene, page pairs, nav, front matter, facts, labels, links
source_hygiene   bytes an editor adds silently (BOM, tabs in YAML, invisible spaces), heading ids, the nav
page_pairs       a page in one language only
nav_translations a menu title without its translation
front_matter     a page's front matter block
mail_items       the e-mail's items against the label table
source_citing    a page that cites its own source
copy_lint        spelling, Chinese typography, Markdown style, a page citing its source
label_marks      a Chinese page marks each screen label as its mark: in includes/ui-labels.yml says (run by copy_lint)
budgets          words per page, and a long label bolded too often
parity/          the two languages say the same things (headings, steps, facts, pictures)
guard_words      words CONTENT-QUESTIONS.md keeps off the pages (a guess at an open question, unsupported words)
search_queries   includes/search-queries.yml: each query's page and section exist
item_lists       a page's typed list of the e-mail's items, against includes/facts.yml
next_step        a page's "Next:" line agrees with the footer's, while the theme shows one
published        every page listed in published-links.yml, every listed address served by the built site
rendered         make check's rendered stage: the site built into .cache/check-site/ when a source changed, then
                 published, phone_pages and paper over it
phone_pages      each page in Chromium at 360 x 740: at most four screens tall, never wider than the screen
paper            the PDFs exported from the check's own build: their size and page counts, as make build exports them
"""
