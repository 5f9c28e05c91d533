"""Benchmark of synergy-wizard (see bench/README.md): ``python bench/run.py``."""
