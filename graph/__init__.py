"""actorgraph: a graph database of political actors and the relations between them."""

__version__ = "0.1.0"
