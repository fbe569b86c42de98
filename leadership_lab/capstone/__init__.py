"""Capstone: all four tools on one city, ending in a one-page partnership brief."""
