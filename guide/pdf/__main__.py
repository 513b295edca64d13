"""`python -m guide.pdf`: see guide/pdf/export.py."""
import sys

from guide.pdf.export import main

sys.exit(main())
