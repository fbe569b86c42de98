"""Developer tools: benchmarks and a compressed local server."""
