"""The book's ways in: launch links on every chapter page that name real files, Binder and
JupyterHub set-ups that install what the notebooks need, the publishing workflow, a status page."""

import re
import stat
from html import unescape
from urllib.parse import parse_qs, urlparse

import nbformat
import pytest
import yaml
from conftest import ROOT, SITE

from leadership_lab.site.launch import SETUP_TAG

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
REPOSITORY = CONFIG["repository"]["url"]
BRANCH = CONFIG["repository"]["branch"]
REPO_NAME = REPOSITORY.rstrip("/").rsplit("/", 1)[-1]
HUB = CONFIG["launch_buttons"]["jupyterhub_url"]
CHAPTERS = sorted(p.stem for p in (ROOT / "chapters").glob("*.md"))
DEPLOY = ROOT / "deploy" / "jupyterhub"


def links(chapter: str) -> list[str]:
    page = (SITE / "chapters" / f"{chapter}.html").read_text(encoding="utf-8")
    return [unescape(h) for h in re.findall(r'href="([^"]+)"', page)]


def one(chapter: str, needle: str) -> str:
    found = [link for link in links(chapter) if needle in link]
    assert len(found) == 1, f"{chapter}: {found}"
    return found[0]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_binder_opens_the_chapters_own_notebook_from_the_repository(chapter):
    url = urlparse(one(chapter, "mybinder.org"))
    org_repo = REPOSITORY.removeprefix("https://github.com/")
    assert url.path == f"/v2/gh/{org_repo}/{BRANCH}"
    path = parse_qs(url.query)["urlpath"][0].removeprefix("lab/tree/")
    assert (ROOT / path).is_file() and path == f"chapters/{chapter}.md"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_jupyterhub_link_pulls_this_repository_and_opens_the_chapter(chapter):
    url = urlparse(one(chapter, "git-pull"))
    assert f"{url.scheme}://{url.netloc}" == HUB and url.path == "/hub/user-redirect/git-pull"
    query = parse_qs(url.query)
    assert query["repo"] == [REPOSITORY] and query["branch"] == [BRANCH]
    folder, path = query["urlpath"][0].removeprefix("lab/tree/").split("/", 1)
    assert folder == REPO_NAME, "nbgitpuller clones into a folder named after the repository"
    assert (ROOT / path).is_file()


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_colab_and_the_download_get_a_clean_ipynb_that_sets_itself_up(chapter):
    colab = urlparse(one(chapter, "colab.research.google.com"))
    published = colab.path.split("/blob/gh-pages/", 1)[1]
    notebook_file = SITE / published
    assert notebook_file.is_file() and published == f"_sources/chapters/{chapter}.ipynb"
    assert any(link.endswith(f"_sources/chapters/{chapter}.ipynb") for link in links(chapter))
    notebook = nbformat.read(notebook_file, as_version=4)
    first = notebook.cells[0]
    assert SETUP_TAG in first.metadata["tags"]
    assert f'"leadership_lab @ git+{REPOSITORY}@{BRANCH}"' in first.source
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(not c.outputs for c in code), "site-only outputs are stripped"
    assert sum(SETUP_TAG in c.metadata.get("tags", []) for c in code) == 1


def test_binder_installs_the_books_requirements_and_the_package():
    assert (ROOT / "binder" / "requirements.txt").read_text().splitlines()[
        -1
    ] == "-r ../requirements.txt"
    post_build = ROOT / "binder" / "postBuild"
    assert post_build.stat().st_mode & stat.S_IXUSR
    script = post_build.read_text()
    assert "pip install --no-deps -e ." in script
    for path in re.findall(r"cp (\S+)", script):
        assert (ROOT / path).is_file()


@pytest.fixture(scope="module")
def hub_values() -> dict:
    return yaml.safe_load((DEPLOY / "config.yaml").read_text(encoding="utf-8"))


# Keys of the Zero to JupyterHub chart (version 4) this configuration may use; a typo fails here
# instead of in `helm upgrade`, which rejects unknown keys.
Z2JH_TOP = {
    "hub",
    "proxy",
    "singleuser",
    "ingress",
    "prePuller",
    "cull",
    "scheduling",
    "debug",
    "rbac",
    "global",
    "custom",
    "imagePullSecret",
    "imagePullSecrets",
}
Z2JH_SINGLEUSER = {
    "image",
    "defaultUrl",
    "cpu",
    "memory",
    "storage",
    "extraEnv",
    "profileList",
    "cmd",
    "startTimeout",
    "networkPolicy",
    "lifecycleHooks",
    "initContainers",
    "extraFiles",
    "uid",
    "fsGid",
}
Z2JH_STORAGE = {
    "type",
    "capacity",
    "extraVolumes",
    "extraVolumeMounts",
    "homeMountPath",
    "dynamic",
    "static",
    "extraLabels",
}


def test_the_hub_values_use_only_chart_keys(hub_values):
    assert set(hub_values) <= Z2JH_TOP
    assert set(hub_values["singleuser"]) <= Z2JH_SINGLEUSER
    assert set(hub_values["singleuser"]["storage"]) <= Z2JH_STORAGE
    assert set(hub_values["cull"]) <= {
        "enabled",
        "users",
        "adminUsers",
        "removeNamedServers",
        "timeout",
        "every",
        "concurrency",
        "maxAge",
    }


def test_the_hub_serves_the_address_the_book_links_to(hub_values):
    host = urlparse(HUB).netloc
    assert hub_values["ingress"]["hosts"] == [host]
    assert hub_values["ingress"]["tls"][0]["hosts"] == [host]


def test_learners_hand_in_to_their_own_folder_of_the_volume_the_facilitator_reads(hub_values):
    user = hub_values["singleuser"]
    mount = user["storage"]["extraVolumeMounts"]["hand-ins"]
    volume = user["storage"]["extraVolumes"]["hand-ins"]
    assert mount["name"] == volume["name"] and mount["subPath"] == "{username}"
    assert user["extraEnv"]["LEADERSHIP_LAB_SUBMISSIONS"] == mount["mountPath"]
    claim = yaml.safe_load((DEPLOY / "shared-submissions.yaml").read_text(encoding="utf-8"))
    assert claim["kind"] == "PersistentVolumeClaim"
    assert claim["metadata"]["name"] == volume["persistentVolumeClaim"]["claimName"]
    assert claim["spec"]["accessModes"] == ["ReadWriteMany"], "every learner's server mounts it"
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert f"ENV LEADERSHIP_LAB_SUBMISSIONS={mount['mountPath']}" in dockerfile


def test_the_hub_image_is_built_from_requirements_and_imports_the_pulled_package():
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    for source in re.findall(r"^COPY (\S+) ", dockerfile, flags=re.M):
        assert (ROOT / source).is_file(), source
    assert re.search(
        r"pip install .*-r /tmp/leadership-lab/requirements.txt .*nbgitpuller==[\d.]+", dockerfile
    )
    assert f"ENV PYTHONPATH=/home/jovyan/{REPO_NAME}" in dockerfile


def test_the_publishing_workflow_tests_before_it_publishes_on_every_push_to_main():
    workflow = yaml.safe_load(
        (ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    )
    triggers = workflow[True]  # YAML reads the key `on` as True
    assert triggers["push"]["branches"] == ["main"]
    (job,) = workflow["jobs"].values()
    runs = [step.get("run", "") for step in job["steps"]]
    uses = [step.get("uses", "") for step in job["steps"]]
    test_at = next(i for i, r in enumerate(runs) if r.strip() == "make test")
    slow_at = next(i for i, r in enumerate(runs) if r.strip() == "make test-slow")
    publish_at = next(i for i, u in enumerate(uses) if u.startswith("peaceiris/actions-gh-pages"))
    assert test_at < slow_at < publish_at
    publish = job["steps"][publish_at]["with"]
    assert publish["publish_dir"] == "./_build/html" and publish["publish_branch"] == "gh-pages"


def test_ci_runs_the_fast_suite_then_the_slow_suites_as_the_readme_says():
    commands = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert commands[-2:] == ["make test", "make test-slow"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test-slow" in readme and "CI runs `make test`, then `make test-slow`" in readme


def test_the_status_page_lists_every_notebook_with_its_run_time():
    page = (SITE / "book" / "status.html").read_text(encoding="utf-8")
    table = page[page.index("<table") : page.index("</table>")]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, flags=re.S)[1:]
    names = [re.search(r"chapters/(\w+)", r).group(1) for r in rows if "chapters/" in r]
    assert names == CHAPTERS
    for row in rows:
        cells = [
            re.sub(r"<[^>]+>", "", c).strip()
            for c in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        ]
        assert cells[-1] == "✅"
        assert float(cells[-2]) > 0
