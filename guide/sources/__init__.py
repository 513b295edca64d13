"""The project's data files, read into records: one module per file, and the only place that parses it.

facts            includes/facts.yml: addresses, hotlines, the e-mail to CHSI; `{{ name }}` in pages
ui_labels        includes/ui-labels.yml: CHSI's Chinese labels and their glosses, checked and applied to pages
screens          includes/screens.yml: the CHSI pages the screen check reads, and which labels they show
site_address     SITE_URL: the one public address, and what a build without one leaves out
published_links  published-links.yml: the addresses printed and e-mailed, which must keep working
"""
