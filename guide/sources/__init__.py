"""The project's data files, each parsed by its one module here; markup.py splits a page's Markdown for every room."""
