#!/usr/bin/env python3
"""Lint a corpus of articles on Spark with the copydesk Python package.

Reads JSONL or Parquet records (an id column and a text column, optionally a title column),
lints them with `mapInArrow` on the executors (one copydesk.Linter per Python worker, one
`lint_many` call per Arrow batch), and writes:

  OUTPUT/findings/  Parquet, one row per finding: the record's id, `n` (the finding's position
                    among the record's findings), `field` (with --title-column: "title" or
                    "text"), then the fields of `copydesk lint --format json` flattened
                    (span_start, span_end, fix_applicability, fix_edits, ...).
  OUTPUT/summary/   Parquet, one row per rule: findings, affected records.

and prints the per-rule summary and the record counts (read, linted, bad: a null or missing
text). Run it with spark-submit (see README.md beside this file), e.g.

  spark-submit --master 'local[*]' lint_corpus.py --input corpus.jsonl --output out/
"""

import argparse
import sys
import time

# Column name -> Spark type of every finding column after the id (and `field`).
FINDING_COLUMNS = [
    ("n", "int"),
    ("rule", "string"),
    ("category", "string"),
    ("severity", "string"),
    ("message", "string"),
    ("span_start", "long"),
    ("span_end", "long"),
    ("line", "long"),
    ("column", "long"),
    ("end_line", "long"),
    ("end_column", "long"),
    ("text", "string"),
    ("help", "string"),
    ("fix_applicability", "string"),
    ("fix_edits", "array<struct<start:long,end:long,replacement:string>>"),
]


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", required=True, help="a JSONL or Parquet file or directory")
    ap.add_argument("--input-format", choices=["jsonl", "parquet"], help="default: from the extension (.parquet, else jsonl)")
    ap.add_argument("--output", required=True, help="directory for findings/ and summary/ (overwritten)")
    ap.add_argument("--id-column", default="id")
    ap.add_argument("--text-column", default="text")
    ap.add_argument("--title-column", help="linted as each document's first line")
    ap.add_argument("--format", choices=["text", "markdown"], default="text", help="how the texts are read (default: text)")
    ap.add_argument("--config", help="a lint-rules.toml, read on the driver and sent to the executors")
    ap.add_argument("--partitions", type=int, help="repartition the input (default: at least the default parallelism)")
    ap.add_argument("--batch-size", type=int, default=1000, help="records per Arrow batch, i.e. per lint_many call")
    ap.add_argument("--threads-per-task", type=int, default=1, help="lint_many threads in each task (match spark.task.cpus)")
    return ap.parse_args(argv)


def finding_rows(linter, batch, id_col, text_col, title_col, fmt):
    """The finding columns (a dict of lists) for one Arrow batch of records."""
    ids = batch.column(id_col).to_pylist()
    texts = batch.column(text_col).to_pylist()
    titles = batch.column(title_col).to_pylist() if title_col else None
    results = linter.lint_many(texts, titles=titles, format=fmt)
    names = ["id"] + (["field"] if title_col else []) + [c for c, _ in FINDING_COLUMNS]
    rows = {c: [] for c in names}
    for record_id, findings in zip(ids, results):
        for n, d in enumerate(findings):
            rows["id"].append(record_id)
            if title_col:
                rows["field"].append(d["field"])
            rows["n"].append(n)
            for key in ("rule", "category", "severity", "message", "line", "column", "end_line", "end_column", "text", "help"):
                rows[key].append(d[key])
            rows["span_start"].append(d["span"]["start"])
            rows["span_end"].append(d["span"]["end"])
            rows["fix_applicability"].append(d["fix"]["applicability"] if d["fix"] else None)
            rows["fix_edits"].append(d["fix"]["edits"] if d["fix"] else None)
    return rows


def finding_from_row(row):
    """A findings/ row back into the dict `copydesk lint --format json` prints (less path):
    what the tests compare with the CLI."""
    fix = None
    if row["fix_applicability"] is not None:
        fix = {"applicability": row["fix_applicability"], "edits": [dict(e) for e in row["fix_edits"]]}
    d = {k: row[k] for k in ("rule", "category", "severity", "message")}
    d["span"] = {"start": row["span_start"], "end": row["span_end"]}
    d.update({k: row[k] for k in ("line", "column", "end_line", "end_column", "text", "help")})
    d["fix"] = fix
    return d


_LINTERS = {}


def linter_for(config_text, threads):
    """One Linter per Python worker process and configuration: the rules are compiled once,
    not per task or batch (Spark reuses its Python workers)."""
    import copydesk

    key = (config_text, threads)
    if key not in _LINTERS:
        _LINTERS[key] = copydesk.Linter(config_text, threads=threads)
    return _LINTERS[key]


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import to_arrow_schema
    from pyspark.sql.types import StructType, StructField, StringType, _parse_datatype_string

    spark = SparkSession.builder.appName("copydesk-lint-corpus").getOrCreate()
    spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", str(args.batch_size))
    config_text = None
    if args.config:
        with open(args.config, encoding="utf-8") as f:
            config_text = f.read()
        import copydesk

        copydesk.Linter(config_text)  # a bad config fails here, on the driver, with its message

    fmt = args.input_format or ("parquet" if args.input.rstrip("/").endswith(".parquet") else "jsonl")
    df = spark.read.parquet(args.input) if fmt == "parquet" else spark.read.json(args.input)
    for column in (args.id_column, args.text_column, args.title_column):
        if column and column not in df.columns:
            sys.exit(f"lint_corpus: the input has no column `{column}` (columns: {', '.join(df.columns)})")
    columns = [args.id_column, args.text_column] + ([args.title_column] if args.title_column else [])
    df = df.select(*columns)
    for column in (args.text_column, args.title_column):
        if column and dict(df.dtypes)[column] != "string":
            sys.exit(f"lint_corpus: column `{column}` is {dict(df.dtypes)[column]}, not string")
    # A record without a text (null, missing, or a JSONL line that is not JSON) is counted as
    # bad, not linted; nothing is dropped silently.
    text = F.col(args.text_column)
    counts = df.agg(F.count(F.lit(1)).alias("read"), F.count(text).alias("good")).first()
    records = df.filter(text.isNotNull())
    partitions = args.partitions or max(records.rdd.getNumPartitions(), spark.sparkContext.defaultParallelism)
    if partitions != records.rdd.getNumPartitions():
        records = records.repartition(partitions)

    id_type = df.schema[args.id_column].dataType
    fields = [StructField("id", id_type)]
    if args.title_column:
        fields.append(StructField("field", StringType()))
    fields += [StructField(name, _parse_datatype_string(t)) for name, t in FINDING_COLUMNS]
    out_schema = StructType(fields)
    arrow_schema = to_arrow_schema(out_schema)
    id_col, text_col, title_col, text_format = args.id_column, args.text_column, args.title_column, args.format
    threads = args.threads_per_task

    def lint_batches(batches):
        import pyarrow as pa

        linter = linter_for(config_text, threads)
        for batch in batches:
            rows = finding_rows(linter, batch, id_col, text_col, title_col, text_format)
            yield pa.RecordBatch.from_pydict(rows, schema=arrow_schema)

    started = time.perf_counter()
    findings_path = args.output.rstrip("/") + "/findings"
    records.mapInArrow(lint_batches, out_schema).write.mode("overwrite").parquet(findings_path)
    elapsed = time.perf_counter() - started

    findings = spark.read.parquet(findings_path)
    summary = (
        findings.groupBy("rule")
        .agg(F.count(F.lit(1)).alias("findings"), F.countDistinct("id").alias("records"))
        .orderBy(F.desc("findings"), "rule")
    )
    summary.coalesce(1).write.mode("overwrite").parquet(args.output.rstrip("/") + "/summary")
    rows = summary.collect()
    cores = spark.sparkContext.defaultParallelism
    linted, bad = counts["good"], counts["read"] - counts["good"]
    print(f"{'findings':>8}  {'records':>8}  rule")
    for r in rows:
        print(f"{r['findings']:>8}  {r['records']:>8}  {r['rule']}")
    print(f"records: {counts['read']} read, {linted} linted, {bad} bad (null or missing text)")
    print(f"findings: {sum(r['findings'] for r in rows)} in {findings_path}")
    rate = linted / elapsed if elapsed > 0 else 0.0
    print(f"throughput: {linted} records in {elapsed:.1f} s = {rate:.0f} docs/s, {rate / cores:.0f} docs/s per executor core ({cores} cores)")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
