"""Reuse: the licenses, the citation file and the changelog agree with each other and with the
package's version, and CITATION.cff is valid Citation File Format 1.2.0.

cffconvert 2.0.0 (the current release) requires jsonschema<4, which the notebooks' jsonschema 4
excludes from this environment, so the test validates against the schema cffconvert 2.0.0 ships
(`tests/schemas/citation-cff-1.2.0.json`, copied from its wheel) with jsonschema's Draft 7
validator, exactly as `cffconvert --validate` does.
"""

import json
import re
import tomllib

import jsonschema
import pytest
import yaml
from conftest import ROOT

SCHEMA = json.loads((ROOT / "tests/schemas/citation-cff-1.2.0.json").read_text(encoding="utf-8"))
CITATION = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def cff_errors(citation: dict) -> list[str]:
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    # The schema types dates as strings; YAML reads an unquoted date as a date object.
    as_json = json.loads(json.dumps(citation, default=str))
    return [e.message for e in validator.iter_errors(as_json)]


def test_citation_cff_is_valid_cff_1_2_0():
    assert CITATION["cff-version"] == "1.2.0"
    assert cff_errors(CITATION) == []


@pytest.mark.parametrize("broken", ["no authors", "bad license", "unknown key"])
def test_the_validation_rejects_a_broken_citation(broken):
    citation = dict(CITATION)
    if broken == "no authors":
        del citation["authors"]
    elif broken == "bad license":
        citation["license"] = ["Not-A-License"]
    else:
        citation["editor"] = "someone"
    assert cff_errors(citation)


def test_citation_changelog_and_package_name_the_same_version():
    assert CITATION["version"] == VERSION
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.search(rf"^## \[{re.escape(VERSION)}\] - (\d{{4}}-\d\d-\d\d)$", changelog, re.M)
    assert released, f"CHANGELOG.md has no '## [{VERSION}] - YYYY-MM-DD' entry"
    assert str(CITATION["date-released"]) == released.group(1)


def test_every_license_named_has_its_text_and_says_what_it_covers():
    files = {
        "MIT": "LICENSE",
        "CC-BY-4.0": "LICENSE-CC-BY-4.0.txt",
        "CC0-1.0": "LICENSE-CC0-1.0.txt",
    }
    assert set(CITATION["license"]) == set(files)
    texts = {k: (ROOT / f).read_text(encoding="utf-8") for k, f in files.items()}
    assert "Permission is hereby granted, free of charge" in texts["MIT"]
    assert "Creative Commons Attribution 4.0 International Public License" in texts["CC-BY-4.0"]
    assert "CC0 1.0 Universal" in texts["CC0-1.0"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for text in [*texts.values(), readme]:
        for folder in ("`leadership_lab/`", "`chapters/`", "`data/`"):
            assert folder in text
    package = json.loads((ROOT / "data/datapackage.json").read_text(encoding="utf-8"))
    assert [lic["name"] for lic in package["licenses"]] == ["CC0-1.0"]
