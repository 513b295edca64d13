"""What a web server needs, and what a page costs a phone on its first visit (page_budget)."""
