"""The link checker (make links; `python -m guide.linkcheck`): see cli.py, and records/link-checker.md."""
