"""Accuracy and speed: gold encodings compared atom by atom and on generated patients,
corpus readers (Chia, LCT) for benchmarks, throughput."""
