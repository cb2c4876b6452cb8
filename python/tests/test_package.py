"""The Python package against the CLI: same findings, same fixes, same errors."""

import codecs
import pathlib
import shutil
import threading
import time

import pytest

import copydesk
from oracle import REPO, assert_same_findings, json_by_path, run

FIXTURES = sorted(p for p in (REPO / "fixtures").rglob("*") if p.is_file())
PLACEHOLDER = "\x1a"


def _placeholder(error):
    # One placeholder per bad byte, as the library's decoder does.
    return PLACEHOLDER * (error.end - error.start), error.end


codecs.register_error("copydesk-placeholder", _placeholder)


def read_fixture(path):
    """A fixture as the CLI reads it: invalid UTF-8 bytes become placeholders (the package takes
    str, so the CLI's own `invalid-utf8` finding is the one thing it cannot report)."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="copydesk-placeholder"), True


def fmt(path):
    return "markdown" if path.suffix in (".md", ".markdown") else "text"


@pytest.fixture(scope="module")
def cli_findings(default_config):
    return json_by_path([REPO / "fixtures"], REPO, default_config)


def test_there_are_fixtures():
    assert len(FIXTURES) >= 40, FIXTURES


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(REPO / "fixtures")))
def test_lint_equals_cli_json(path, cli_findings):
    expected = cli_findings.get(str(path.resolve()), [])
    text, invalid = read_fixture(path)
    if invalid:
        assert [d["rule"] for d in expected[:1]] == ["invalid-utf8"]
        expected = [d for d in expected if d["rule"] != "invalid-utf8"]
    actual = copydesk.Linter().lint(text, format=fmt(path))
    assert_same_findings(expected, actual, str(path))
    for d in actual:
        assert "path" not in d
        assert text.encode("utf-8")[d["span"]["start"] : d["span"]["end"]].decode("utf-8") == d["text"]


def test_the_fixtures_give_findings_to_compare(cli_findings):
    # A comparison of empty lists would prove nothing.
    assert sum(len(v) for v in cli_findings.values()) >= 50
    assert len({d["rule"] for v in cli_findings.values() for d in v}) >= 12
    assert any(d["fix"] for v in cli_findings.values() for d in v)


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_fix_equals_cli_fix(unsafe, tmp_path, default_config):
    work = tmp_path / "fixtures"
    shutil.copytree(REPO / "fixtures", work)
    run(["lint", "--fix", "--exit-zero", "--config", str(default_config), *(["--unsafe-fixes"] if unsafe else []), str(work)], tmp_path)
    linter = copydesk.Linter()
    changed = 0
    for path in FIXTURES:
        text, invalid = read_fixture(path)
        if invalid:
            continue  # the CLI never rewrites a file with invalid UTF-8
        fixed = (work / path.relative_to(REPO / "fixtures")).read_text(encoding="utf-8")
        assert linter.fix(text, unsafe=unsafe, format=fmt(path)) == fixed, path
        changed += fixed != text
    assert changed >= 5, "the fixtures should exercise fixes"


def test_fix_with_stdin_filter_on_a_text():
    text = "Budget Approved\n\nThe council met on Monday.As expected, the vote passed.\n"
    assert copydesk.Linter().fix(text) == "Budget Approved\n\nThe council met on Monday. As expected, the vote passed.\n"


TYPO_OFF = '[rules]\ntypo = "off"\n'
TEXT = "Budget Approved\n\nThe council met sence Monday.As expected, the vote passed.\n"


def rules_of(findings):
    return [d["rule"] for d in findings]


def test_config_defaults_and_toml_text():
    assert rules_of(copydesk.Linter().lint(TEXT)) == ["typo", "missing-space"]
    assert rules_of(copydesk.Linter(None).lint(TEXT)) == ["typo", "missing-space"]
    linter = copydesk.Linter(TYPO_OFF)
    assert rules_of(linter.lint(TEXT)) == ["missing-space"]
    assert "typo" not in linter.rule_ids and "missing-space" in linter.rule_ids


def test_config_from_path_str_and_pathlike(tmp_path, default_config):
    config = tmp_path / "lint-rules.toml"
    config.write_text(TYPO_OFF, encoding="utf-8")
    for given in (config, str(config)):
        assert rules_of(copydesk.Linter(given).lint(TEXT)) == ["missing-space"]
    # The same file gives the CLI the same findings.
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    cli = json_by_path([tmp_path / "a.txt"], tmp_path, config)
    assert_same_findings(next(iter(cli.values())), copydesk.Linter(config).lint(TEXT), "config file")


def test_broken_config_raises_config_error_with_the_cli_message(tmp_path):
    with pytest.raises(copydesk.ConfigError) as e:
        copydesk.Linter('[rules]\ntyop = "off"\n')
    assert isinstance(e.value, ValueError)
    message = str(e.value)
    assert "unknown field `tyop`" in message and "did you mean `typo`?" in message, message
    assert 'tyop = "off"' in message, message  # the TOML line, labelled, as the CLI shows it
    # The CLI says the same about the same file.
    config = tmp_path / "bad.toml"
    config.write_text('[rules]\ntyop = "off"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Hello.\n", encoding="utf-8")
    cli = __import__("subprocess").run(
        [__import__("oracle").binary(), "lint", "--config", str(config), "a.txt"], cwd=tmp_path, capture_output=True, text=True
    )
    assert cli.returncode == 2
    assert "unknown field `tyop`" in cli.stderr
    with pytest.raises(copydesk.ConfigError, match="unknown field `tyop`"):
        copydesk.Linter(config)


@pytest.mark.parametrize(
    "toml",
    ['[rules\n', '[rules]\nclickbait = { threshold = "high" }\n', '[[custom]]\nid = "x"\npattern = "("\nmessage = "m"\n'],
    ids=["syntax", "type", "regex"],
)
def test_invalid_configs_raise(toml):
    with pytest.raises(copydesk.ConfigError):
        copydesk.Linter(toml)


def test_missing_config_file_is_an_os_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="cannot read config"):
        copydesk.Linter(tmp_path / "absent.toml")
    with pytest.raises(FileNotFoundError):
        copydesk.Linter(str(tmp_path / "absent.toml"))


@pytest.mark.parametrize("bad", [None, 3, b"bytes", ["a"]], ids=["None", "int", "bytes", "list"])
def test_non_str_text_raises_type_error(bad):
    linter = copydesk.Linter()
    with pytest.raises(TypeError, match="text must be str"):
        linter.lint(bad)
    with pytest.raises(TypeError, match="text must be str"):
        linter.fix(bad)
    with pytest.raises(TypeError):
        linter.lint_many([TEXT, bad])


def test_other_bad_arguments():
    linter = copydesk.Linter()
    with pytest.raises(TypeError, match="not a str"):
        linter.lint_many("a str is not a list of texts")
    with pytest.raises(TypeError):
        linter.lint_many(3)
    with pytest.raises(TypeError, match="title must be str"):
        linter.lint(TEXT, title=5)
    with pytest.raises(ValueError, match="format"):
        linter.lint(TEXT, format="html")
    with pytest.raises(TypeError, match="config"):
        copydesk.Linter(42)
    with pytest.raises(ValueError, match="threads"):
        copydesk.Linter(threads=0)
    with pytest.raises(ValueError, match="titles"):
        linter.lint_many([TEXT], titles=["a", "b"])
    with pytest.raises(UnicodeEncodeError):
        linter.lint("a lone surrogate \ud800 cannot be UTF-8")


def test_odd_texts_never_crash():
    linter = copydesk.Linter()
    for text in ["", "\n", "\ufeff", "\x00\x00", "é" * 5000, "# \n" * 100, "a" * 100_000, "\u202e\u0301"]:
        for format in ("text", "markdown"):
            for d in linter.lint(text, format=format):
                assert 0 <= d["span"]["start"] <= d["span"]["end"] <= len(text.encode("utf-8"))
            assert isinstance(linter.fix(text, format=format), str)


def test_title_is_the_first_line_and_findings_say_where():
    linter = copydesk.Linter()
    body = "The council met sence Monday.\n"
    found = linter.lint(body, title="Council met sence Monday")
    fields = {(d["field"], d["text"]) for d in found}
    assert ("title", "sence") in fields and ("text", "sence") in fields, found
    for d in found:
        source = "Council met sence Monday" if d["field"] == "title" else body
        assert source.encode()[d["span"]["start"] : d["span"]["end"]].decode() == d["text"]
    # Without a title, the same text has no field key and the same text findings.
    plain = linter.lint(body)
    assert all("field" not in d for d in plain)
    # Markdown: the title becomes a `# ` heading; spans still point into the title itself.
    md = linter.lint(body, title="Council met sence Monday", format="markdown")
    assert any(d["field"] == "title" and d["text"] == "sence" for d in md), md


def test_lint_many_equals_lint_per_text():
    linter = copydesk.Linter()
    texts = [read_fixture(p)[0] for p in FIXTURES if p.suffix == ".txt"] * 3
    assert linter.lint_many(texts) == [linter.lint(t) for t in texts]
    titles = [None if i % 2 else f"Title number {i}" for i in range(len(texts))]
    assert linter.lint_many(texts, titles=titles) == [linter.lint(t, title=h) for t, h in zip(texts, titles)]
    assert linter.lint_many(iter(texts[:3])) == [linter.lint(t) for t in texts[:3]]  # any iterable
    assert linter.lint_many([]) == []
    one_thread = copydesk.Linter(threads=1)
    assert one_thread.lint_many(texts) == linter.lint_many(texts)


def test_lint_many_releases_the_gil():
    """A Python thread keeps running while lint_many lints: were the GIL held, it would stand
    still for the whole call."""
    linter = copydesk.Linter(threads=1)
    texts = [read_fixture(p)[0] for p in FIXTURES if p.suffix == ".txt"]
    while True:  # enough work to take a measurable time on this build and machine
        start = time.perf_counter()
        linter.lint_many(texts)
        alone = time.perf_counter() - start
        if alone > 1.0:
            break
        texts = texts * 2

    stamps = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            stamps.append(time.perf_counter())
            time.sleep(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    time.sleep(0.05)
    start = time.perf_counter()
    linter.lint_many(texts)
    end = time.perf_counter()
    stop.set()
    ticker.join()
    inside = [t for t in stamps if start <= t <= end]
    gaps = [b - a for a, b in zip(inside, inside[1:])]
    longest = max(gaps, default=end - start)
    # Held, the ticker would stop for the whole call; released, it only waits for the GIL
    # while the results are turned into dicts, at the end.
    assert longest < (end - start) / 2, (longest, end - start, len(inside))
    assert len(inside) > 20, (len(inside), end - start)


def test_linter_is_shared_between_threads():
    linter = copydesk.Linter()
    texts = [read_fixture(p)[0] for p in FIXTURES if p.suffix == ".txt"]
    expected = [linter.lint(t) for t in texts]
    results = [None] * 4

    def work(i):
        results[i] = [linter.lint(t) for t in texts]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)


def test_the_wheel_ships_stubs_and_py_typed():
    package = pathlib.Path(copydesk.__file__).parent
    assert (package / "py.typed").exists()
    stubs = (package / "__init__.pyi").read_text()
    for name in ("class Linter", "def lint_many", "class ConfigError(ValueError)", "def fix"):
        assert name in stubs


def test_default_config_is_the_documented_file():
    assert copydesk.DEFAULT_CONFIG == (REPO / "lint-rules.toml").read_text(encoding="utf-8")
    assert copydesk.Linter(copydesk.DEFAULT_CONFIG).rule_ids == copydesk.Linter().rule_ids
