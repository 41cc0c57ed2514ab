"""The police forces the watchdog oversees (docs/_data/forces.csv)."""
