"""Results-Based Accountability: baselines, turning the curve, headline indicators."""
