"""`python -m guide.linkcheck`: see guide/linkcheck/cli.py."""
import sys

from guide.linkcheck.cli import main

sys.exit(main())
