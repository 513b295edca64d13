"""The one error for a source the office edits that cannot be used as written.

Its message is the whole report: `file:line: what is wrong: what to do`, in words the office can act on. The
sources raise it, every command prints it as it is, and the MkDocs hooks turn it into MkDocs' own error
(guide/mkdocs_hooks/hook_support.py), so no room below the hooks knows MkDocs' exceptions.
"""


class SourceError(ValueError):
    """A source file is wrong; str(error) names the file (and line) and says what to do."""
