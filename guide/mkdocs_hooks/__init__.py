"""The MkDocs side of the build: thin hooks that call the rooms, and fixes for MkDocs and its i18n plugin.

Only this folder and mkdocs.yml know MkDocs' events; moving to another generator means replacing them.
mkdocs.yml lists the hooks; each calls functions of the other rooms.

checks            the checks of the sources (guide/checks/content.py), once, before anything is rendered
rendering         each page handed to the rendering functions in order (facts, glosses, e-mail form, names, buttons)
outputs           the output steps of guide/outputs/steps.py over site/, after every language is built
serve_pdfs        under make serve, the PDFs exported in the background after each build
serve_watch       under make serve, a rebuild when a file the build reads outside docs/ changes
warning_lines     MkDocs' link warnings given the file and line to fix
i18n_failed_build after a failed build, the next one starts from an empty folder (mkdocs-static-i18n 1.3.1)
hook_support      what the hooks share: the project on sys.path, and "is this static-i18n's inner build?"
"""
