"""Parsing and rendering spread over processes, or over a Dask cluster, build the very same site."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from benchmarks.synth import generate
from digest.build import BuildOptions, build
from tests.conftest import tree


@pytest.fixture
def site(tmp_path: Path, root: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(root / "content", site / "content")
    generate(site / "content" / "synth", 90, seed=5)  # enough to be split into chunks for workers
    return site


def test_process_pool_builds_what_one_process_builds(site: Path, tmp_path: Path) -> None:
    one = build(BuildOptions(site_dir=site, output=tmp_path / "one", workers=1, clean=True))
    two = build(BuildOptions(site_dir=site, output=tmp_path / "two", workers=2, clean=True))
    assert (one.stories, one.pages) == (two.stories, two.pages)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_dask_cluster_parses_and_renders_what_one_process_builds(site: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    (site / "templates").mkdir()  # the site's own templates travel to the workers too
    (site / "templates" / "base.html").write_text('{% extends "!default/base.html" %}{% block footer %}<p>Own footer</p>{% endblock %}\n')
    build(BuildOptions(site_dir=site, output=tmp_path / "local", workers=1, clean=True))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as watching, distributed.get_task_stream(watching) as tasks:
        build(BuildOptions(site_dir=site, output=tmp_path / "dask", scheduler=cluster.scheduler_address, clean=True))
    ran = {str(task["key"]).split("-")[0] for task in tasks.data}
    assert {"parse_chunk", "render_at"} <= ran, ran
    assert tree(tmp_path / "local") == tree(tmp_path / "dask")
    assert b"Own footer" in (tmp_path / "dask" / "index.html").read_bytes()


def test_unreachable_scheduler_is_a_plain_error(site: Path) -> None:
    from tests.conftest import run_digest

    result = run_digest("build", str(site), "--scheduler", "tcp://127.0.0.1:9", "-q")
    assert result.returncode == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr and "Traceback" not in result.stderr


def test_a_rebuild_on_two_cores_equals_a_clean_build(site: Path, tmp_path: Path) -> None:
    """With workers the rebuild works out its story digests, earlier lookups and feed keys in forked
    copies of itself; the pages it then skips and renders must be those one process would."""
    build(BuildOptions(site_dir=site, workers=2))
    dump = sorted((site / "content" / "synth").glob("*.txt"))[3]
    dump.write_text(dump.read_text(encoding="utf-8").replace(" the ", " the newly revised ", 1), encoding="utf-8")
    again = build(BuildOptions(site_dir=site, workers=2))
    build(BuildOptions(site_dir=site, output=tmp_path / "clean", clean=True, workers=1))
    assert 0 < again.rendered < again.pages / 2
    assert tree(site / "build") == tree(tmp_path / "clean")


def test_forked_work_answers_as_this_process_would() -> None:
    from digest.runtime.forked import Forked
    numbers = list(range(100_000))
    assert Forked(lambda: {n % 7: n for n in numbers}).result() == {n % 7: n for n in numbers}
    assert Forked(lambda: "x" * 1_000_000).result() == "x" * 1_000_000  # more than a pipe holds at once
    with pytest.raises(ZeroDivisionError):  # raised here, as if it had run here
        Forked(lambda: 1 / 0).result()
    here = []
    assert Forked(lambda: here.append(1) or len(here), enabled=False).result() == 1 and here == [1]
