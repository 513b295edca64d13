"""Checks of the sources: plain functions that return one line per problem (`file:line: what to do`); make check
(__main__.py) runs them all, and the build runs content.py through one hook, so both print the same messages."""
