"""Systems thinking: causal loop diagrams, archetypes and stock-and-flow simulation."""
