"""What a web server needs: the archive (dist), the nginx configuration of deploy/ filled in for an address
(nginx_conf), its security headers (headers_snippet), the site served as production sends it (serve_nginx), and what
a page costs a phone on its first visit (page_budget)."""
