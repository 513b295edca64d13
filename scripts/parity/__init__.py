"""Translation parity: every language's page says the same things in the same places (scripts/check_parity.py)."""
