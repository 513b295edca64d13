"""Steps over a built site/ (steps.py names them, in order), the build (build.py) and the e-mail kit (email_kit.py)."""
