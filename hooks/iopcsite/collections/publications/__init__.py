"""Publications: Focus, Learning the Lessons, consultation responses and reports (docs/_data/publications/)."""
