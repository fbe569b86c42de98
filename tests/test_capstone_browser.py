"""The partnership brief in Chromium: one printed page on A4 and on US Letter, and the sample
briefs the capstone chapter links to."""

import re

import pytest
from conftest import SITE

from leadership_lab.capstone.examples import WORKED_CITY, sample_brief
from leadership_lab.capstone.render import brief_html
from leadership_lab.data import load_sample

pytestmark = pytest.mark.browser


def printed_pages(page, paper: str) -> int:
    pdf = page.pdf(format=paper, prefer_css_page_size=True)
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("city", [WORKED_CITY, "grantham"])
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_brief_prints_on_one_page(page, tmp_path, city, paper):
    path = tmp_path / "brief.html"
    path.write_text(brief_html(sample_brief(load_sample(), city)), encoding="utf-8")
    page.goto(path.as_uri())
    assert printed_pages(page, paper) == 1


def test_the_capstone_links_every_sample_brief_and_each_opens_offline(page, site_url):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + "chapters/06_your_city.html")
    links = page.locator("ul.lab-briefs a")
    assert links.count() == 8
    links.filter(has_text="Easton Ridge").click()
    page.wait_for_load_state("load")
    assert page.title() == "Partnership brief: Easton Ridge"
    assert "Synthetic data for teaching" in page.locator(".synthetic").inner_text()
    assert all(url.startswith(site_url) for url in requests)
    for link in re.findall(
        r'href="\.\./(briefs/\w+\.html)"', (SITE / "chapters" / "06_your_city.html").read_text()
    ):
        assert (SITE / link).is_file()
