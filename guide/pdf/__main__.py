"""`python -m guide.pdf`: see guide/pdf/export.py."""
from guide.pdf.export import main

raise SystemExit(main())
