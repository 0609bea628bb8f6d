"""Helpers the tests (and the benchmarks that drive the real bot) share: a free port, running
`python -m bot` as an operator would, and real OASIS photos."""
