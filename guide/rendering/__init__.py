"""What changes a page on its way to HTML, as plain functions of text (the MkDocs events are in mkdocs_hooks/)."""
