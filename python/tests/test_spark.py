"""The Spark example end to end: spark-submit in local mode on generated documents, its
findings read back from Parquet and compared with the CLI's on the same texts.

COPYDESK_SPARK_DOCS sets how many documents (default 1000). Without pyspark or Java the test is
skipped with the reason, and pytest counts it as skipped."""

import collections
import importlib.util
import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from oracle import REPO, assert_same_findings, findings_by_id

SPARK = REPO / "examples" / "spark"
sys.path.insert(0, str(SPARK))

import make_dataset  # noqa: E402
from lint_corpus import finding_from_row  # noqa: E402

DOCS = int(os.environ.get("COPYDESK_SPARK_DOCS", "1000"))
BAD = 3


def spark_submit():
    if importlib.util.find_spec("pyspark") is None:
        pytest.skip("SKIPPED: pyspark is not installed")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("SKIPPED: no Java (java on PATH or JAVA_HOME)")
    submit = pathlib.Path(sys.executable).parent / "spark-submit"
    if not submit.exists():
        pytest.skip(f"SKIPPED: no spark-submit beside {sys.executable}")
    return submit


def test_spark_job_findings_equal_the_cli(tmp_path, default_config, note):
    submit = spark_submit()
    records = make_dataset.records(DOCS, seed=11)
    data = tmp_path / "corpus.jsonl"
    with open(data, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        f.write(json.dumps({"id": "bad-null", "text": None}) + "\n")
        f.write(json.dumps({"id": "bad-missing"}) + "\n")
        f.write("this line is not JSON\n")
    out = tmp_path / "out"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    command = [str(submit), "--master", "local[2]", "--conf", "spark.ui.enabled=false", str(SPARK / "lint_corpus.py")]
    command += ["--input", str(data), "--output", str(out), "--config", str(default_config), "--batch-size", "100"]
    job = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
    assert job.returncode == 0, job.stderr[-4000:]
    print(job.stdout)
    assert f"records: {DOCS + BAD} read, {DOCS} linted, {BAD} bad" in job.stdout

    import pyarrow.parquet as pq

    rows = pq.read_table(out / "findings").to_pylist()
    spark_found = collections.defaultdict(list)
    for row in sorted(rows, key=lambda r: (r["id"], r["n"])):
        spark_found[row["id"]].append(finding_from_row(row))
    cli_dir = tmp_path / "cli"
    cli_dir.mkdir()
    cli_found, oracle = findings_by_id(records, cli_dir, default_config)
    note(f"spark test oracle: {oracle}; {DOCS} documents, {len(rows)} findings from Spark")
    note("spark job " + next(line for line in job.stdout.splitlines() if line.startswith("throughput:")))
    total = 0
    for r in records:
        assert_same_findings(cli_found[r["id"]], spark_found.get(r["id"], []), r["id"])
        total += len(cli_found[r["id"]])
    assert set(spark_found) <= {r["id"] for r in records}
    assert total == len(rows) and total >= DOCS, "the generated documents should have findings to compare"
    assert len({d["rule"] for v in cli_found.values() for d in v}) >= 8

    # The per-rule summary: findings and affected records, as counted from the CLI's output.
    summary = {r["rule"]: (r["findings"], r["records"]) for r in pq.read_table(out / "summary").to_pylist()}
    expected = collections.defaultdict(lambda: [0, 0])
    for found in cli_found.values():
        for rule, n in collections.Counter(d["rule"] for d in found).items():
            expected[rule][0] += n
            expected[rule][1] += 1
    assert summary == {rule: tuple(v) for rule, v in expected.items()}
