"""The MkDocs side of the build: thin hooks that call the rooms, and fixes for MkDocs and its i18n plugin.

Only this folder and mkdocs.yml know MkDocs' events; moving to another generator means replacing them.
"""
