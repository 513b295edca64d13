"""Turn the built site into print documents: one guide and one checklist PDF per language (make pdf; make build)."""
