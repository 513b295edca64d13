"""`python -m guide.screencheck`: see guide/screencheck/check.py."""
from guide.screencheck.check import main

raise SystemExit(main())
