"""The project's data files, read into records: one module per file, and the only place that parses it; markup.py
is how every room splits a page's Markdown."""
