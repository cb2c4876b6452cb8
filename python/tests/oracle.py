"""The CLI as the oracle: where the copydesk binary is, how to run it, and the one comparison
used by every test that checks the Python package (or the Spark job) against it."""

import json
import os
import pathlib
import subprocess

REPO = pathlib.Path(__file__).resolve().parents[2]

# Keys that say where a finding is (a file, a dataset record), not what it is.
LOCATION_KEYS = ("path", "id", "record", "field")


def binary():
    """The copydesk CLI: $COPYDESK_BIN, else the freshest build in the target directory."""
    if os.environ.get("COPYDESK_BIN"):
        return os.environ["COPYDESK_BIN"]
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    builds = [p for p in (target / "release" / "copydesk", target / "debug" / "copydesk") if p.exists()]
    if not builds:
        raise RuntimeError("no copydesk binary: run `cargo build` or set COPYDESK_BIN")
    return str(max(builds, key=lambda p: p.stat().st_mtime))


def run(args, cwd, stdin=None):
    """Run the CLI; exit 0 or 1 (findings) is success, anything else fails the test."""
    done = subprocess.run([binary(), *args], cwd=cwd, input=stdin, capture_output=True)
    assert done.returncode in (0, 1), f"copydesk {' '.join(map(str, args))} exited {done.returncode}: {done.stderr.decode()}"
    return done


def comparable(finding):
    """A finding without its location keys: what the CLI and the package must agree on."""
    return {k: v for k, v in finding.items() if k not in LOCATION_KEYS}


def assert_same_findings(expected, actual, what):
    """Findings equal field by field, in order; the first difference is shown."""
    expected = [comparable(f) for f in expected]
    actual = [comparable(f) for f in actual]
    for i, (e, a) in enumerate(zip(expected, actual)):
        assert e == a, f"{what}: finding {i} differs:\n  CLI:    {e}\n  Python: {a}"
    assert len(expected) == len(actual), f"{what}: CLI found {len(expected)}, Python {len(actual)}"


def json_by_path(paths, cwd, config):
    """`copydesk lint --format json` on files: findings grouped by absolute path."""
    out = run(["lint", "--format", "json", "--exit-zero", "--config", str(config), *map(str, paths)], cwd).stdout
    grouped = {}
    for d in json.loads(out)["diagnostics"]:
        grouped.setdefault(str(pathlib.Path(cwd, d["path"]).resolve()), []).append(d)
    return grouped


def supports_dataset_mode():
    help_text = subprocess.run([binary(), "lint", "--help"], capture_output=True, text=True).stdout
    return "--input" in help_text


def findings_by_id(records, workdir, config):
    """The CLI's findings for each record {id, text}, keyed by id, and which oracle gave them:
    dataset mode (`--input jsonl --format jsonl`) when the binary has it, else each text
    written as a file and linted with `--format json`."""
    workdir = pathlib.Path(workdir)
    if supports_dataset_mode():
        data = workdir / "records.jsonl"
        with open(data, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
        args = ["lint", "--input", "jsonl", "--text-field", "text", "--id-field", "id", "--format", "jsonl", "--exit-zero"]
        out = run([*args, "--config", str(config), str(data)], workdir).stdout.decode()
        grouped = {r["id"]: [] for r in records}
        for line in out.splitlines():
            if line.strip():
                d = json.loads(line)
                grouped[d["id"]].append(d)
        return grouped, "CLI dataset mode (--input jsonl --format jsonl)"
    files = workdir / "records"
    files.mkdir()
    names = {}
    for i, r in enumerate(records):
        name = files / f"{i:06d}.txt"
        name.write_text(r["text"], encoding="utf-8")
        names[name.name] = r["id"]
    by_path = json_by_path([files], workdir, config)
    grouped = {r["id"]: [] for r in records}
    for path, found in by_path.items():
        grouped[names[pathlib.Path(path).name]].extend(found)
    return grouped, "CLI file mode (each text as a .txt file, --format json)"
