"""News: short dated items written as Markdown with front matter in docs/_data/news/."""
