"""Where the package finds the files it reads at run time, in a checkout and once installed.

In a checkout (the book build, `make lab`, the tests) the sample data is the repository's own
`data/` folder and the site's files are `book/_static/`, so an edit there is what the package
reads. A wheel carries copies of both inside the package (`leadership_lab/sample_data` and
`leadership_lab/site_static`, mapped in pyproject.toml), found through importlib.resources, so
`pip install leadership_lab` works outside any checkout (Colab, a hub image, a facilitator's
laptop).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]


def _in_checkout() -> bool:
    """True when the package is imported from a clone of the course's repository."""
    return (CHECKOUT / "pyproject.toml").is_file() and (
        CHECKOUT / "data" / "datapackage.json"
    ).is_file()


def _packaged(folder: str) -> Path:
    # A wheel installs as plain files, so the traversable is a real folder on disk.
    return Path(str(resources.files("leadership_lab").joinpath(folder)))


def data_dir() -> Path:
    """The folder holding the synthetic sample cities' CSV files and datapackage.json."""
    return CHECKOUT / "data" if _in_checkout() else _packaged("sample_data")


def site_static_dir() -> Path:
    """The folder holding the site's figure script, styles and partial plotly.js."""
    return CHECKOUT / "book" / "_static" if _in_checkout() else _packaged("site_static")
