"""Turn the built site into print documents: one guide and one checklist PDF per language (make pdf; make build).

export     the command (`python -m guide.pdf`): every PDF into site/downloads/, with the size and page checks
site_pages  what the export reads from the built site: languages, nav order, page articles and metadata
compose    one print document (HTML) from built pages: cover, contents, chapters; or the one-page checklist
fonts      the fonts pdf.css names are installed, checked before anything is rendered
render     WeasyPrint, and the PDF written to a temporary file renamed into place
tree       small ElementTree helpers the composer uses
"""
