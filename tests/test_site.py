"""The built site as a reader meets it, in Debian's Chromium: every page, offline, accessible."""

from __future__ import annotations

from dataclasses import dataclass, field
from multiprocessing import get_context

import pytest
import yaml
from conftest import AXE, ROOT, SITE

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}


def toc_pages() -> list[str]:
    """Every page the table of contents promises, as site paths."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files.extend(chapter["file"] for chapter in part["chapters"])
    return [f"{file}.html" for file in files]


PAGES = [*toc_pages(), "genindex.html", "search.html"]
CHAPTERS = [page for page in PAGES if page.startswith("chapters/")]


# Every page is checked as a phone (390 px) and a laptop (1280 px) show it, light and dark.
VIEWS = [(390, "light"), (390, "dark"), (1280, "light"), (1280, "dark")]
SCREENSHOTS = ROOT / "_build" / "screenshots"
HELPER_TIMEOUT = 600  # seconds, after this process's own half, for the helper's half to finish


@dataclass
class Visit:
    console_errors: list[str] = field(default_factory=list)
    other_hosts: list[str] = field(default_factory=list)
    violations: list[dict] = field(default_factory=list)
    figures: int = 0
    drawn: int = 0
    overflow: int = 0
    overlaps: list[str] = field(default_factory=list)
    plotly_controls: int = 0
    clipped: list[str] = field(default_factory=list)
    illegible: list[str] = field(default_factory=list)


def scroll_past_every_chart(page) -> int:
    """Charts draw as a reader scrolls to them: scroll the page in half-screen steps, as a reader
    does, then bring each chart into view. Returns how many charts there are."""
    page.evaluate(
        """async () => {
            for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
                window.scrollTo(0, y);
                await new Promise(r => requestAnimationFrame(() => r()));
            }
        }"""
    )
    charts = page.locator(".lab-figure")
    for index in range(charts.count()):
        charts.nth(index).scroll_into_view_if_needed()
    return charts.count()


def chart_with_menus(page, url: str):
    """Open a page and return its first chart with menus, once drawn."""
    page.goto(url)
    scroll_past_every_chart(page)
    chart = page.locator(".lab-figure", has=page.locator(".lab-figure-controls select")).first
    chart.locator(".js-plotly-plot svg.main-svg").first.wait_for()
    return chart


# Text a chart draws past its own edges is cut off: list every label not wholly inside its chart.
CLIPPED = """() => {
    const found = [];
    const plots = document.querySelectorAll(".lab-figure[data-drawn='true'] .js-plotly-plot");
    plots.forEach((plot, i) => {
        const edge = plot.getBoundingClientRect();
        plot.querySelectorAll("svg.main-svg text").forEach(t => {
            const r = t.getBoundingClientRect();
            if (!r.width || !t.textContent.trim()) return;
            if (r.left < edge.left - 2 || r.right > edge.right + 2 ||
                r.top < edge.top - 2 || r.bottom > edge.bottom + 2)
                found.push(`chart ${i}: "${t.textContent.slice(0, 40)}"`);
        });
    });
    return found;
}"""


# For each chart: do its page controls (menus, sliders) or its notes sit on the title, the
# legend or the plotting area? Boxes that share more than one pixel overlap.
OVERLAPS = """() => {
    const box = el => el && el.getBoundingClientRect();
    const meet = (a, b) => a && b && a.width && b.width &&
        Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    const found = [];
    document.querySelectorAll(".lab-figure[data-drawn='true']").forEach((fig, i) => {
        const title = box(fig.querySelector(".lab-figure-title"));
        const legend = box(fig.querySelector(".legend"));
        const area = box(fig.querySelector(".nsewdrag"));
        fig.querySelectorAll(".lab-control, .lab-figure-note").forEach(c => {
            const control = box(c);
            const name = c.textContent.slice(0, 40);
            if (meet(control, title)) found.push(`chart ${i}: "${name}" on the title`);
            if (meet(control, legend)) found.push(`chart ${i}: "${name}" on the legend`);
            if (meet(control, area)) found.push(`chart ${i}: "${name}" on the plot`);
        });
        fig.querySelectorAll(".nsewdrag").forEach(drag => {
            if (meet(legend, box(drag))) found.push(`chart ${i}: the legend on the plot`);
        });
    });
    return found;
}"""


# For each chart: tick labels of one axis that run into each other, and a plotting area squeezed
# to under 45% of the chart's width by its labels (a phone's bars 60 px wide).
ILLEGIBLE = r"""() => {
    const found = [];
    const meet = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    const angle = t => {
        const m = /rotate\(\s*(-?[\d.]+)/.exec(t.getAttribute("transform") || "");
        return m ? Number(m[1]) : 0;
    };
    const centre = r => [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
    // Two labels collide if their boxes meet; labels turned by the same slanted angle are parallel
    // lines of text, which collide only when the gap across their lines is under the font size.
    const collide = (a, b) => {
        if (!meet(a.r, b.r)) return false;
        if (a.angle % 90 === 0 || a.angle !== b.angle) return true;
        const [ax, ay] = centre(a.r), [bx, by] = centre(b.r);
        const t = a.angle * Math.PI / 180;
        return Math.abs((bx - ax) * Math.sin(t) - (by - ay) * Math.cos(t)) < a.size * 0.9;
    };
    document.querySelectorAll(".lab-figure[data-drawn='true']").forEach((fig, i) => {
        // Tick labels of one axis that run into each other cannot be read.
        fig.querySelectorAll("g.xaxislayer-above, g.yaxislayer-above").forEach(layer => {
            const labels = [...layer.querySelectorAll("text")]
                .filter(t => t.textContent.trim() && getComputedStyle(t).display !== "none")
                .map(t => ({
                    text: t.textContent.slice(0, 30), r: t.getBoundingClientRect(), angle: angle(t),
                    size: parseFloat(getComputedStyle(t).fontSize) || 12,
                }))
                .filter(l => l.r.width);
            for (let a = 0; a < labels.length; a++)
                for (let b = a + 1; b < labels.length; b++)
                    if (collide(labels[a], labels[b]))
                        found.push(`chart ${i}: "${labels[a].text}" runs into "${labels[b].text}"`);
        });
        // The plotting area keeps at least 45% of the chart's width, so bars and lines get room.
        const plot = fig.querySelector(".js-plotly-plot");
        const areas = [...fig.querySelectorAll(".nsewdrag")]
            .map(d => d.getBoundingClientRect().width);
        if (plot && areas.length === 1 && !fig.querySelector(".polarlayer .polar")) {
            const share = areas[0] / plot.getBoundingClientRect().width;
            if (share < 0.45)
                found.push(`chart ${i}: plot only ${Math.round(share * 100)}% of the width`);
        }
    });
    return found;
}"""


def visit(browser, base: str, path: str, width: int = 1280, mode: str = "light") -> Visit:
    record = Visit()
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and record.console_errors.append(m.text))
    page.on("pageerror", lambda e: record.console_errors.append(str(e)))

    def route(route):
        if route.request.url.startswith(base):
            route.continue_()
        else:
            record.other_hosts.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    if mode != "light":
        page.add_init_script(f"localStorage.setItem('mode', '{mode}')")
    page.goto(base + path, wait_until="load")
    record.figures = scroll_past_every_chart(page)
    if record.figures:
        page.wait_for_function(
            """n => document.querySelectorAll('.lab-figure[data-drawn="true"]').length === n""",
            arg=record.figures,
            timeout=20_000,
        )
    record.drawn = page.locator(".js-plotly-plot svg.main-svg").count()
    record.overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    record.overlaps = page.evaluate(OVERLAPS)
    record.clipped = page.evaluate(CLIPPED)
    record.illegible = page.evaluate(ILLEGIBLE)
    record.plotly_controls = page.locator(".updatemenu-container, .slider-container").count()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = path.replace("/", "_").removesuffix(".html")
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}-{mode}.png"), full_page=True)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "o => axe.run(document, o)",
        {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    )
    record.violations = [v for v in result["violations"] if v["impact"] in BLOCKING_IMPACTS]
    context.close()
    return record


def visit_in_own_browser(
    launch_args: dict, base: str, views: list[tuple[str, int, str]]
) -> dict[tuple[str, int, str], Visit]:
    """`visit` each of `views` in a Chromium of this process's own (run in a helper process)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_args)
        try:
            return {view: visit(browser, base, *view) for view in views}
        finally:
            browser.close()


@pytest.fixture(scope="module")
def visits(browser, browser_type_launch_args, site_url) -> dict[tuple[str, int, str], Visit]:
    """Every page at every view. Two browsers share the work, one in a helper process, so both
    cores are busy: one page at a time took about 280 s of every `make test`."""
    views = [(path, width, mode) for path in PAGES for width, mode in VIEWS]
    helper = get_context("spawn").Pool(1)
    try:
        theirs = helper.apply_async(
            visit_in_own_browser, (browser_type_launch_args, site_url, views[1::2])
        )
        mine = {view: visit(browser, site_url, *view) for view in views[0::2]}
        # A helper that hangs fails these tests within minutes rather than holding the suite.
        return {**mine, **theirs.get(timeout=HELPER_TIMEOUT)}
    finally:
        helper.terminate()
        helper.join()


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in violations
    )


def view_id(view: tuple[int, str]) -> str:
    return f"{view[0]}px-{view[1]}"


def test_every_page_in_the_table_of_contents_was_built():
    missing = [page for page in PAGES if not (SITE / page).is_file()]
    assert not missing, f"pages in _toc.yml with no HTML: {missing}"


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
@pytest.mark.parametrize("path", PAGES)
def test_page_loads_with_no_console_error(visits, path, view):
    assert visits[path, *view].console_errors == []


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
@pytest.mark.parametrize("path", PAGES)
def test_page_requests_nothing_from_another_host(visits, path, view):
    assert visits[path, *view].other_hosts == []


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_or_critical_accessibility_violation(visits, path, view):
    assert not visits[path, *view].violations, describe(visits[path, *view].violations)


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
@pytest.mark.parametrize("path", PAGES)
def test_no_page_is_wider_than_the_screen(visits, path, view):
    overflow = visits[path, *view].overflow
    assert overflow == 0, f"the page scrolls sideways by {overflow}px at {view[0]}px"


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
@pytest.mark.parametrize("path", PAGES)
def test_every_chart_is_drawn_and_nothing_sits_on_its_title_legend_or_plot(visits, path, view):
    record = visits[path, *view]
    assert record.drawn >= record.figures
    assert record.overlaps == []
    assert record.clipped == [], "labels cut off at the chart's edge"
    assert record.illegible == [], "labels run into each other, or the plot is squeezed"
    assert record.plotly_controls == 0, "menus and sliders are page controls, not drawn in the plot"


@pytest.mark.parametrize("path", CHAPTERS)
def test_chapter_draws_every_one_of_its_charts(visits, path):
    record = visits[path, 390, "light"]
    assert record.figures >= 1, "a chapter teaches with at least one chart"
    assert record.drawn >= record.figures


def test_a_screenshot_of_every_page_at_both_widths_is_kept_for_review(visits):
    for path, width, mode in visits:
        name = path.replace("/", "_").removesuffix(".html")
        assert (SCREENSHOTS / f"{name}-{width}-{mode}.png").stat().st_size > 10_000


def test_a_notes_own_line_breaks_stay_and_plotlys_wrapping_reflows(page, site_url):
    """Chapter 1's exposure chart: the risk for each way of leading is one line each, as written;
    the line about the data, wrapped for plotly at 95 characters, is one paragraph on the page."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "chapters/01_public_sector_gap.html")
    scroll_past_every_chart(page)
    chart = page.locator(".lab-figure", has_text="Exposure to changes of mayor").first
    chart.locator(".js-plotly-plot svg.main-svg").first.wait_for()
    notes = chart.locator(".lab-figure-note")
    risk = notes.filter(has_text="Chance one change of mayor")
    lines = risk.evaluate("p => p.innerText.split('\\n').filter(l => l.trim())")
    assert len(lines) == 4 and lines[0].endswith("with these practices:"), lines
    assert all("(none:" in line for line in lines[1:]), lines
    texts = notes.all_text_contents()
    assert all("\u200b" not in t for t in texts)
    (about,) = [n for n in notes.all() if n.locator("br").count() == 0 and n.text_content()]
    assert "  " not in about.text_content()


def test_the_health_check_menu_switches_partnership_without_a_kernel(page, site_url):
    chart = chart_with_menus(page, site_url + "chapters/01_public_sector_gap.html")
    assert "Riverton jobs compact" in chart.locator(".lab-figure-title").text_content()
    choose(chart, 0, "Port Alder cradle-to-career")
    title = chart.locator(".lab-figure-title")
    page.wait_for_function(
        "el => el.textContent.includes('Port Alder')", arg=title.element_handle()
    )
    notes = chart.locator(".lab-figure-note").all_text_contents()
    assert any("Durability past one mayor is rated 1 of 5" in text for text in notes)
    assert any("not survey data" in text for text in notes)


def test_the_landing_address_opens_the_landing_page(page, site_url):
    page.goto(site_url)
    page.wait_for_url("**/book/intro.html")
    heading = page.get_by_role("heading", level=1, name="Cross-Sector Leadership Lab")
    assert heading.first.is_visible()


def test_chapters_open_from_disk_with_their_charts(page):
    page.goto((SITE / CHAPTERS[0]).as_uri())
    page.locator(".lab-figure").first.scroll_into_view_if_needed()
    page.locator(".lab-figure[data-drawn='true']").first.wait_for(timeout=20_000)
    assert page.locator(".js-plotly-plot svg.main-svg").count() >= 1


@pytest.mark.parametrize("path", CHAPTERS)
def test_chapter_pages_stay_light(path):
    html = (SITE / path).read_text(encoding="utf-8")
    assert len(html) < 400_000, "plotly.js or widget state was inlined into the page"
    assert "widget-state+json" not in html
    assert "require.js" not in html


def test_the_sites_plotly_js_is_the_version_python_plotly_writes_for():
    import plotly.offline

    bundle = (SITE / "_static" / "plotly-lab.min.js").read_text(encoding="utf-8")[:200]
    assert f"plotly.js v{plotly.offline.get_plotlyjs_version()} " in bundle


def test_the_data_page_documents_every_table_from_the_schema(page, site_url):
    from leadership_lab.data import schema

    page.goto(site_url + "book/data.html")
    for table in schema.package().values():
        heading = page.get_by_role("heading", name=f"{table.title} ({table.name}.csv)")
        assert heading.is_visible(), table.name
    assert page.get_by_text("Synthetic data: fictional cities, invented numbers.").is_visible()


def test_answers_sit_on_the_facilitator_page_not_in_the_chapter_prose(page, site_url):
    page.goto(site_url + "book/facilitator/01_public_sector_gap.html")
    assert page.get_by_role("heading", name="Answers to the self-checks").is_visible()
    page.goto(site_url + "chapters/01_public_sector_gap.html")
    assert page.get_by_role("heading", name="Answers to the self-checks").count() == 0


def slide_to_last_step(page, chart) -> None:
    """Click the far end of a chart's plotly slider, as a reader would."""
    slider = chart.locator(".lab-figure-controls input[type=range]")
    slider.scroll_into_view_if_needed()
    slider.focus()
    page.keyboard.press("End")


def choose(chart, menu_index: int, label: str) -> None:
    """Pick an option in one of a chart's menus, as a reader does."""
    chart.locator(".lab-figure-controls select").nth(menu_index).select_option(label=label)


def test_the_turn_the_curve_chart_follows_its_city_and_indicator_menus(page, site_url):
    chart = chart_with_menus(page, site_url + "chapters/04_results_based_accountability.html")
    title = chart.locator(".lab-figure-title")
    # It opens on the book's lead city, which has a baseline: the first thing a reader sees is
    # a reading.
    assert title.text_content() == "Kindergarten readiness, Riverton"
    assert chart.locator("select").first.evaluate("s => s.selectedOptions[0].text") == "Riverton"
    note = " ".join(chart.locator(".lab-figure-note").all_text_contents())
    assert "No baseline" not in note and "Not turning the curve" in note
    choose(chart, 0, "Easton Ridge")
    page.wait_for_function(
        "el => el.textContent.includes('Easton Ridge')", arg=title.element_handle()
    )
    choose(chart, 1, "Renter cost burden")
    page.wait_for_function(
        "el => el.textContent === 'Renter cost burden, Easton Ridge'", arg=title.element_handle()
    )
    legend = chart.locator(".legendtext")
    assert "Low income" not in legend.all_text_contents()
    choose(chart, 2, "Groups too")
    page.wait_for_function(
        "el => [...el.querySelectorAll('.legendtext')].some(t => t.textContent === 'Low income')",
        arg=chart.element_handle(),
    )
    assert "synthetic" in " ".join(chart.locator(".lab-figure-note").all_text_contents()).lower()


def test_each_sample_city_has_a_scorecard_that_says_its_data_is_synthetic(page, site_url):
    from leadership_lab.data import load_sample

    page.goto(site_url + "chapters/04_results_based_accountability.html")
    for name in load_sample()["cities"]["name"]:
        page.locator("details summary").get_by_text(name, exact=True).click()
    captions = page.locator("details:not(:has(.lab-handout)) table caption").all_text_contents()
    assert len(captions) == 16, "an indicator table and a program table per city"
    assert all("Synthetic data" in caption for caption in captions)


def test_the_archetype_menu_switches_diagram_story_and_behaviour(page, site_url):
    chart = chart_with_menus(page, site_url + "chapters/02_systems_thinking.html")
    title = chart.locator(".lab-figure-title")
    assert title.text_content() == "Archetype: Fixes that fail"
    choose(chart, 0, "Success to the successful")
    page.wait_for_function(
        "el => el.textContent.includes('Success to the successful')", arg=title.element_handle()
    )
    assert "Northside nonprofit capacity" in chart.locator(".legendtext").all_text_contents()
    assert any("Cedar Bluff" in t for t in chart.locator(".lab-figure-note").all_text_contents())


def test_the_housing_slider_changes_the_simulation_without_a_kernel(page, site_url):
    page.goto(site_url + "chapters/02_systems_thinking.html")
    chart = page.locator(".lab-figure").first
    chart.scroll_into_view_if_needed()
    chart.locator(".lab-figure-controls input[type=range]").wait_for()
    title = chart.locator(".lab-figure-title")
    assert "$10M" in title.text_content()
    handle = title.element_handle()
    slide_to_last_step(page, chart)
    page.wait_for_function("el => el.textContent.includes('$80M')", arg=handle)


ADAPTIVE = "chapters/03_adaptive_leadership.html"


def test_the_productive_zone_slider_switches_strategy_and_its_story(page, site_url):
    page.goto(site_url + ADAPTIVE)
    scroll_past_every_chart(page)
    chart = page.locator(".lab-figure", has_text="Strategy: Avoid the conflict").first
    chart.scroll_into_view_if_needed()
    chart.locator(".lab-figure-controls input[type=range]").wait_for()
    title = chart.locator(".lab-figure-title")
    assert title.text_content() == "Strategy: Avoid the conflict"
    handle = title.element_handle()
    slide_to_last_step(page, chart)
    page.wait_for_function(
        "el => el.textContent === 'Strategy: Regulate from the balcony'", arg=handle
    )
    story = " ".join(
        page.locator(".lab-figure").nth(1).locator(".lab-figure-note").all_text_contents()
    )
    assert "23 of 24 months in" in story and "1 in breakdown" in story


def test_the_political_cycle_menu_switches_set_up_and_says_it_is_an_illustration(page, site_url):
    page.goto(site_url + ADAPTIVE)
    scroll_past_every_chart(page)
    chart = page.locator(".lab-figure", has_text="Partnerships still running").first
    chart.locator(".lab-figure-controls select").wait_for()
    notes = " ".join(chart.locator(".lab-figure-note").all_text_contents())
    assert "Illustration, not evidence" in notes and "Synthetic data" in notes
    title = chart.locator(".lab-figure-title")
    assert title.text_content() == "Credit as the mayor's wins, no co-chair"
    before = chart.locator(".scatterlayer .trace path.js-line").first.get_attribute("d")
    choose(chart, 0, "Credit as the partnership's wins, with an external co-chair")
    page.wait_for_function(
        "el => el.textContent.includes('with an external co-chair')", arg=title.element_handle()
    )
    after = chart.locator(".scatterlayer .trace path.js-line").first.get_attribute("d")
    assert after != before


NETWORKS = "chapters/05_cohorts_and_networks.html"


def test_the_convening_slider_redraws_the_network_without_a_kernel(page, site_url):
    page.goto(site_url + NETWORKS)
    scroll_past_every_chart(page)
    chart = page.locator(".lab-figure").first
    chart.locator(".lab-figure-controls input[type=range]").wait_for()
    title = chart.locator(".lab-figure-title")
    handle = title.element_handle()
    assert title.text_content() == "The cohort at Apr 2023: 54 ties"
    lines = chart.locator(".scatterlayer .trace path.js-line")
    first = [d for d in (p.get_attribute("d") for p in lines.all()) if d]
    slide_to_last_step(page, chart)
    page.wait_for_function("el => el.textContent.startsWith('The cohort at Oct 2025')", arg=handle)
    last = [d for d in (p.get_attribute("d") for p in lines.all()) if d]
    assert last != first and sum(map(len, last)) > sum(map(len, first)), "more ties drawn"


def test_the_size_menu_resizes_people_by_betweenness(page, site_url):
    chart = chart_with_menus(page, site_url + NETWORKS)
    points = chart.locator(".scatterlayer .trace .point")
    before = [p.get_attribute("d") for p in points.all()]
    choose(chart, 0, "Size: Betweenness (broker)")
    points.first.wait_for()
    page.wait_for_function(
        "([el, before]) => [...el.querySelectorAll('.scatterlayer .trace .point')]"
        ".map(p => p.getAttribute('d')).join() !== before.join()",
        arg=[chart.element_handle(), before],
    )
    after = [p.get_attribute("d") for p in points.all()]
    assert len(after) == len(before) == 40 and after != before


@pytest.mark.parametrize("path", CHAPTERS)
def test_a_printed_chapter_shows_every_chart_with_its_text_alternative(page, site_url, path):
    page.goto(site_url + path)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    count = page.locator(".lab-figure").count()
    page.wait_for_function(
        "n => document.querySelectorAll('.lab-figure[data-drawn=\"true\"]').length === n",
        arg=count,
        timeout=20_000,
    )
    for figure in page.locator(".lab-figure").all():
        assert figure.locator("svg.main-svg").count() >= 1
        alt = figure.locator(".lab-figure-alt")
        assert alt.is_visible() and len(alt.inner_text()) > 40, alt.inner_text()
        assert not figure.locator(".lab-figure-controls").is_visible(), "no controls on paper"
    assert not page.locator(".bd-sidebar-primary").is_visible(), "no navigation on paper"
    widths = page.evaluate(
        "[...document.querySelectorAll('.lab-figure .main-svg')]"
        ".map(s => s.getBoundingClientRect().width)"
    )
    assert max(widths) <= 700, "a chart wider than a printed page"


def test_every_chart_has_a_text_alternative_in_the_page_itself():
    """Without JavaScript, or before a chart draws, the title and its words are in the HTML."""
    import re

    for path in CHAPTERS:
        html = (SITE / path).read_text(encoding="utf-8")
        figures = html.count('<figure class="lab-figure">')
        alts = re.findall(r'<p class="lab-figure-alt">(.*?)</p>', html, re.S)
        assert figures >= 1 and len(alts) == figures, path
        # Every chart's words say what it shows; none falls back to its title alone.
        assert not [alt for alt in alts if alt.split("</span>")[-1].strip().startswith("Chart:")]


def test_a_charts_words_give_values_as_its_axis_does_and_say_which_menu_choice_they_describe():
    """Chapter 1's exposure chart draws percentages and opens on one bundle of practices: its
    words say 44%, not 0.438, and name the choice they describe."""
    import re

    html = (SITE / "chapters/01_public_sector_gap.html").read_text(encoding="utf-8")
    alts = re.findall(r'<p class="lab-figure-alt">(.*?)</p>', html, re.S)
    exposure = next(alt for alt in alts if "new mayor" in alt)
    assert re.search(r"Riverton: \d new mayors? \([a-z ,-]+\): \d+%", exposure), exposure
    assert not re.search(r": 0\.\d", exposure), exposure
    assert "As the chart opens — Practices in place: No durability practices" in exposure


def test_show_the_data_lists_what_the_chart_shows_now(page, site_url):
    chart = chart_with_menus(page, site_url + "chapters/04_results_based_accountability.html")
    chart.locator("details.lab-figure-table summary").click()
    table = chart.locator(".lab-figure-table-box table").first
    assert table.locator("caption").text_content() == "All residents (measured)"
    before = table.locator("tbody").inner_text()
    choose(chart, 0, "Easton Ridge")
    page.wait_for_function(
        "([el, before]) => el.querySelector('tbody').innerText !== before",
        arg=[chart.locator(".lab-figure-table-box").element_handle(), before],
    )
    rows = chart.locator(".lab-figure-table-box table").first.locator("tbody tr").count()
    assert rows >= 8


@pytest.mark.parametrize("path", [p for p in PAGES if p != "search.html"])
def test_nothing_in_the_head_holds_up_the_first_paint(path):
    """Every script is deferred (but on the search page, which Sphinx writes for searching) and
    the 1.5 MB fontawesome.js is gone (Lighthouse's slow phone scored the heaviest chapter
    0.62-0.68 with them; tools/bench.py measures it)."""
    import re

    html = (SITE / path).read_text(encoding="utf-8")
    head = html.split("</head>")[0]
    blocking = [
        tag
        for tag in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", head)
        if "defer" not in tag and "async" not in tag
    ]
    assert blocking == []
    assert "fontawesome.js" not in html
    assert "styles/theme.css" not in head, "basic.css is linked directly, not through an @import"


def test_the_header_icons_still_draw_from_the_icon_font(page, site_url):
    page.goto(site_url + "chapters/01_public_sector_gap.html")
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready")
    icon = page.locator(".fa-magnifying-glass:visible").first
    style = icon.evaluate(
        "el => { const s = getComputedStyle(el, '::before'); return "
        "{font: s.fontFamily, content: s.content, width: el.getBoundingClientRect().width}; }"
    )
    assert "Font Awesome" in style["font"] and style["content"] not in ("", "none")
    assert style["width"] > 5
    assert page.evaluate("document.fonts.check('900 16px \"Font Awesome 6 Free\"')")


def test_searching_from_a_chapter_finds_pages(page, site_url):
    """Chapter pages no longer load the search index; the search box still finds pages."""
    page.goto(site_url + "chapters/02_systems_thinking.html")
    page.locator("button.search-button-field, button.search-button__button").first.click()
    box = page.locator("form.bd-search input[name=q]:visible").first
    box.fill("archetype")
    box.press("Enter")
    page.wait_for_url("**/search.html**")
    page.locator("#search-results li").first.wait_for(timeout=10_000)
    assert page.locator("#search-results li").count() >= 1
