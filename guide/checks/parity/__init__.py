"""Translation parity: every language's page says the same things in the same places (guide/checks/parity/cli.py)."""
