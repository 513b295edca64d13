"""The link checker (make links; `python -m guide.linkcheck`).

cli       the command: what to check, the cache and history, the reports (text, json, markdown)
internal  internal links and #fragments, offline, in the built site and in the Markdown sources (mdsource)
fetch     the polite HTTP client for remote addresses; classify turns its answers into verdicts
config    the settings, from pyproject.toml [tool.check-links]; model the records every module shares
"""
