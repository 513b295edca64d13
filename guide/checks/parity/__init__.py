"""Translation parity: every language's page says the same things in the same places (make check's parity stage).

report   the check over the project and its report
project  page files per language, link names, git history
facts    what a page says that must be the same in every language, read line by line from its Markdown
compare  a translation's facts against the default language's page, line by line
"""
