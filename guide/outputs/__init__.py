"""Steps over a built site/, each reading and writing files under site/ only (steps.py names them, in the build's
order); the build runs them after MkDocs (guide/mkdocs_hooks/outputs.py), `python -m guide.outputs` runs them alone.
`make build` is build.py; the e-mail kit (make email-kit) is email_kit.py.
"""
