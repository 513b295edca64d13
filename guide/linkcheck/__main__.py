"""`python -m guide.linkcheck`: see guide/linkcheck/cli.py."""
from guide.linkcheck.cli import main

raise SystemExit(main())
