"""The screen check: CHSI's public pages still show the labels the guide quotes (make screens; check.py)."""
