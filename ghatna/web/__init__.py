"""Server-rendered web pages, templates and static files for the ghatna UI."""
