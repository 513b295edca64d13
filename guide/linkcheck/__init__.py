"""The link checker (make links; `python -m guide.linkcheck`), one job per module.

cli       the command: inputs, the offline and online checks, the report, the exit status (__main__ runs it)
model     the records every module shares (a link, its sources, a result)
config    settings from pyproject.toml [tool.check-links]
mdsource  links, reference definitions and anchors in Markdown sources
htmlpage  links and ids in built HTML pages
internal  the offline check: internal links and #fragments
classify  pure rules: status and body -> verdict (soft 404, challenge pages)
fetch     the polite HTTP client: per-host gates, retries, bounded reads
store     the cache of ok results and the history of unreachable links
report    text, json, markdown, sarif and github output
"""
