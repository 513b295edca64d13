"""Turn the built site into print documents: one guide and one checklist PDF per language (make pdf; make build).

export (the command, python -m guide.pdf) reads the built site through site_pages, composes each document (compose),
checks the fonts first (fonts) and renders with WeasyPrint (render).
"""
