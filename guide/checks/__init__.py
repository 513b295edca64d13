"""Checks of the sources: plain functions that return one line per problem (`file:line: what to do`).

`python -m guide.checks` (make check; `--only STAGE` for some stages, __main__.py) runs them all: first over the
sources, then, in its rendered stage (rendered.py), over the site built into .cache/check-site/. The build runs
content.py through one hook (guide/mkdocs_hooks/checks.py), so both print the same messages. Each module's first
lines say the rule it keeps and why.
"""
