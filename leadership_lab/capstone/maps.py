"""A starting systems map for each kind of partnership result: a few signed links that a learner
edits into their own. Built with the systems chapter's CausalLoopDiagram, so its loops are found
and labelled the same way."""

from __future__ import annotations

from ..systems.model import CausalLoopDiagram

STARTING_MAPS: dict[str, tuple[tuple, ...]] = {  # (source, target, sign[, delay])
    "workforce": (
        ("Skilled residents", "Employer hiring", "+"),
        ("Employer hiring", "Household income", "+"),
        ("Household income", "Training enrolment", "+"),
        ("Training enrolment", "Skilled residents", "+", True),  # training takes a year or more
        ("Employer hiring", "Unfilled jobs", "-"),
        ("Unfilled jobs", "Employer hiring", "+"),
    ),
    "education_and_health": (
        # The loop closes only across a generation: today's graduates become the parents whose
        # income pays for their own children's care, years later (the delay).
        ("Kindergarten readiness", "Third-grade reading", "+"),
        ("Third-grade reading", "Graduation", "+"),
        ("Graduation", "Family income, next generation", "+", True),
        ("Family income, next generation", "Child health visits", "+"),
        ("Child health visits", "Kindergarten readiness", "+"),
    ),
    "transit_oriented_development": (
        ("Transit service", "Homes near stations", "+", True),  # homes take years to build
        ("Homes near stations", "Riders", "+"),
        ("Riders", "Transit service", "+"),
        ("Homes near stations", "Land prices", "+"),
        ("Land prices", "Affordable homes near stations", "-"),
        ("Affordable homes near stations", "Riders", "+"),
    ),
    "economic_inclusion": (
        ("Local hiring", "Neighbourhood income", "+"),
        ("Neighbourhood income", "Local business sales", "+"),
        ("Local business sales", "Local hiring", "+"),
        ("Neighbourhood income", "Rents", "+"),
        ("Rents", "Residents displaced", "+"),
        ("Residents displaced", "Neighbourhood income", "-"),
    ),
    "housing_stability": (
        ("Rents", "Evictions", "+"),
        ("Evictions", "Family stability", "-"),
        ("Family stability", "School attendance", "+"),
        ("Rents", "New construction", "+"),
        ("New construction", "Vacant units", "+", True),  # years from permit to keys
        ("Vacant units", "Rents", "-"),
    ),
}


def starting_map(focus: str) -> CausalLoopDiagram:
    """The starting map for a partnership's focus; a city's own focus with no template gets the
    workforce map, the most general of them."""
    return CausalLoopDiagram(list(STARTING_MAPS.get(focus, STARTING_MAPS["workforce"])))
