"""Cohorts and peer networks: who learns from whom, across sectors and cities."""
