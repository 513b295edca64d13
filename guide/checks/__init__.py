"""make check's rules: plain functions returning one `file:line: what to do` line per problem, so make check, the
build and the pull request's summary print the same words (records/checks.md says what each module looks at)."""
