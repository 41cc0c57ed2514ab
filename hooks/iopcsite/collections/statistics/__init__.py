"""The complaints statistics (docs/_data/statistics/*.csv): tables by force and national figures."""
