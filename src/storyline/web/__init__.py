"""Server-rendered pages (Jinja2) and the static assets they use; no CDN."""
