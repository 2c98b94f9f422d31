import json
import os
import subprocess
import sys

from digest.corpus import corpus_view
from tests.conftest import run_digest
from tests.corpus.factory import record


def test_a_copy_points_at_the_dump_it_copies_and_shares_its_story_and_event():
    view = corpus_view([record("b.txt"), record("a.txt", source="Wire")])
    assert view["a.txt"].duplicate_of is None
    assert view["b.txt"].duplicate_of == "a.txt"
    assert view["a.txt"].story == view["b.txt"].story and view["a.txt"].event == view["b.txt"].event


def test_inspect_json_gives_both_seeds_one_event(shared):
    result = run_digest("inspect", "--json", *sorted(str(p) for p in (shared / "seeds").glob("*.txt")))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 2
    assert rows[0]["event"] == rows[1]["event"] and rows[0]["event"]
    assert rows[0]["story"] != rows[1]["story"]
    assert rows[0]["duplicate_of"] is None and rows[1]["duplicate_of"] is None


def test_inspect_json_is_the_same_whatever_the_hash_seed_and_file_order(shared):
    files = [str(p) for folder in (shared / "corpus" / "dumps", shared / "seeds") for p in sorted(folder.glob("*.txt"))]
    outputs = []
    for seed, order in (("1", files), ("2", list(reversed(files)))):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-m", "digest", "inspect", "--json", *order],
                             capture_output=True, text=True, env=env, timeout=300)
        rows = [json.loads(line) for line in run.stdout.splitlines()]
        outputs.append(sorted((r["path"], r["story"], r["duplicate_of"], r["event"]) for r in rows))
    assert outputs[0] == outputs[1] and len(outputs[0]) > 10
