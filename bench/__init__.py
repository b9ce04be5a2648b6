"""Benchmarks that print figures: answer quality, speed and resources."""
