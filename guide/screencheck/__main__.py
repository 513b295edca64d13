"""`python -m guide.screencheck`: see guide/screencheck/check.py."""
import sys

from guide.screencheck.check import main

sys.exit(main())
