"""Benchmarks: what a class costs, as ratios against the bare stack measured in the same run."""
