"""The build benchmark's scenarios, run small: each rebuild after a change does less work than the
cold build, counted in pages rendered (seconds are the benchmark's business, and too noisy to test)."""
from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks.build_bench import rebuilds
from benchmarks.synth import generate
from digest.build import BuildOptions, build


def test_each_rebuild_of_the_benchmark_renders_less_than_a_cold_build(tmp_path: Path, root: Path) -> None:
    site = tmp_path / "site"
    shutil.copy(root / "digest.yaml", site.mkdir() or site / "digest.yaml")
    dumps = generate(site / "content", 60)
    cold = build(BuildOptions(site_dir=site, clean=True, workers=1))
    assert cold.rendered == cold.pages > 60
    rendered = {}
    for label, change, undo in rebuilds(site, tmp_path, dumps):
        change()
        rendered[label] = build(BuildOptions(site_dir=site, workers=1)).rendered
        undo()
        build(BuildOptions(site_dir=site, workers=1))
    assert rendered.pop("digest rebuild, no change") == 0
    assert 0 < rendered.pop("digest rebuild, 1 dump edited") < cold.rendered / 4, (cold.rendered, rendered)
    assert all(0 < count < cold.rendered for count in rendered.values()), (cold.rendered, rendered)
