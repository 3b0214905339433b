"""Benchmarks: seeded generators and one command that runs them all (``python -m benchmarks.run``)."""
