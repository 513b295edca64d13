"""The link checker (make links; `python -m guide.linkcheck`), one job per module.

cli       the command: inputs, the offline and online checks, the cache and history, the reports, the exit status
model     the records every module shares (a link, its source, a result)
config    settings from pyproject.toml [tool.check-links]
mdsource  links, reference definitions and anchors in Markdown sources
internal  the offline check: internal links and #fragments in Markdown and in the built site
classify  pure rules: status and body -> verdict (soft 404, challenge pages)
fetch     the polite HTTP client: per-host turns, retries, bounded reads
"""
