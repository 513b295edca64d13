"""The MkDocs side of the build: thin hooks (listed in mkdocs.yml) that call the other rooms, and fixes for MkDocs and
mkdocs-static-i18n. Only this folder and mkdocs.yml know MkDocs' events."""
