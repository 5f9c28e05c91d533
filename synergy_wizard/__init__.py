"""synergy-wizard: prepare commune–CPAS synergy projects from YAML check-lists."""

__version__ = "0.1.0"
