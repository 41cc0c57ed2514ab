"""Learning: the learning hub, the key areas of work and our strategy, from YAML in docs/_data/learning/."""
