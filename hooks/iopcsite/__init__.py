"""The content pipeline of the police complaints watchdog site.

Plain Python: load author content (YAML and Markdown), validate it against typed
models, and render pages and downloads. MkDocs calls it through the thin adapters
in ``hooks/site_hooks.py``; tests and ``make check`` call it directly.
"""
