"""Translation parity: every language's page says the same things in the same places.

`make check` runs it (guide/checks/__main__.py); alone: `python -m guide.checks.parity.cli`.

cli      the check over the project, its report and its command
project  the project as the check sees it: languages from mkdocs.yml, page files per language, link names, git history
facts    what a page says that must be the same in every language, read line by line from its Markdown
compare  a translation's facts against the default language's page, line by line
"""
