"""What a web server needs.

dist             the archive for the university's server (make dist)
nginx_conf       the nginx configuration of deploy/, filled in for an address
headers_snippet  deploy/nginx-security-headers.conf from a build's headers (make headers)
serve_nginx      the built site served by Debian's nginx as production sends it (make serve-nginx)
"""
