"""Sample city data and the one validated path for loading a city's own tables."""

from .cities import City, UnknownCityError, city, city_names
from .loader import SYNTHETIC_NOTE, load_folder, load_sample, load_table
from .series import indicator_series
from .validation import DataValidationError, Problem

__all__ = [
    "SYNTHETIC_NOTE",
    "City",
    "UnknownCityError",
    "city",
    "city_names",
    "DataValidationError",
    "Problem",
    "indicator_series",
    "load_folder",
    "load_sample",
    "load_table",
]
