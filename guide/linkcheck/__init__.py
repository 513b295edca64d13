"""The link checker (make links; `python -m guide.linkcheck`): the command and its reports are cli.py."""
