"""Helpers of guide/linkcheck/cli.py, one job per module.

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
