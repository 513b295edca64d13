"""The developer's tools around the guide, each run by path (scripts/NAME.py); tests import pr_summary from here."""
