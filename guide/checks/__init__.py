"""Checks of the sources: plain functions that return one line per problem (`file:line: what to do`).

`python -m guide.checks` (make check) runs every check below without building; the build runs `content`
through one hook (guide/mkdocs_hooks/checks.py), so both print the same messages.

content          everything the build refuses: hygiene, page pairs, nav, front matter, facts, labels, links
source_hygiene   bytes an editor adds silently (BOM, tabs in YAML, invisible spaces), heading ids, the nav
page_pairs       a page in one language only
nav_translations a menu title without its translation
front_matter     a page's front matter block
mail_items       the e-mail's items against the label table
source_citing    a page that cites its own source
copy_lint        spelling, Chinese typography, Markdown style, label marks (label_marks)
budgets          words and phone screens per page
parity/          the two languages say the same things (headings, steps, facts, pictures)
"""
