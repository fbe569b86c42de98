"""Adaptive leadership: diagnose, map stakeholders, regulate heat, outlast the political cycle."""
