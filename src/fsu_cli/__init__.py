"""fsu: the governance of a health community (helsefellesskap), kept as checked YAML in git."""

__version__ = "0.1.0"
