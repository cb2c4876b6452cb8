"""`copydesk server` driven by a real LSP client (pytest-lsp), as an editor would.

The binary is $COPYDESK_BIN, else target/debug/copydesk (under $CARGO_TARGET_DIR when set).
Each test gets a fresh workspace folder and a fresh server; the client announces the
capabilities of VS Code 1.65 (UTF-16 positions, dynamic file watchers) or of Neovim 0.11
(UTF-8 offered), so both position encodings are exercised.
"""

import asyncio
import os
import pathlib
import time
from typing import Union

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = pathlib.Path(__file__).resolve().parents[2]
TARGET = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
BIN = os.environ.get("COPYDESK_BIN", str(TARGET / "debug" / "copydesk"))
TIMEOUT = 30.0


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[BIN, "server"]),
    params=["visual-studio-code", "neovim@v0.11.0"],
)
async def client(lsp_client: LanguageClient, request, tmp_path):
    lsp_client.registrations = []
    # lsprotocol 2025.0.0 reads any code action that has a `command` as a bare Command (its
    # hook checks `"command" in obj`, not whether it is a string); read them as the spec says.
    converter = lsp_client.protocol._converter

    def code_action_or_command(obj, _):
        bare = isinstance(obj.get("command"), str)
        return converter.structure(obj, types.Command if bare else types.CodeAction)

    converter.register_structure_hook(Union[types.Command, types.CodeAction], code_action_or_command)

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        lsp_client.registrations.extend(params.registrations)

    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(request.param),
            root_uri=tmp_path.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="news")],
        )
    )
    lsp_client.encoding = result.capabilities.position_encoding
    lsp_client.root = tmp_path
    yield
    await lsp_client.shutdown_session()


def units(text: str, encoding: str) -> int:
    """The length of `text` in the negotiated position encoding."""
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def offset(text: str, pos: types.Position, encoding: str) -> int:
    """The string index of an LSP position in `text`."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: pos.line])
    line = lines[pos.line] if pos.line < len(lines) else ""
    i = 0
    while i < len(line) and units(line[:i + 1], encoding) <= pos.character:
        i += 1
    return start + i


def apply(text: str, edits, encoding: str) -> str:
    spans = [(offset(text, e.range.start, encoding), offset(text, e.range.end, encoding), e.new_text) for e in edits]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


async def diagnostics(client: LanguageClient, uri: str, until=lambda d: True):
    """Wait until the diagnostics published for `uri` satisfy `until`."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        found = client.diagnostics.get(uri)
        if found is not None and until(found):
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(f"no matching diagnostics for {uri}: {client.diagnostics.get(uri)!r}")


def open_doc(client: LanguageClient, name: str, text: str, language="markdown", version=1) -> str:
    path = client.root / name
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text))
    )
    return uri


ARTICLE = "# Budget approved\n\n😀 東京 The council met sence Monday.As expected, the vote passed.\n"


async def test_diagnostics_appear_in_the_negotiated_encoding(client: LanguageClient):
    uri = open_doc(client, "story.md", ARTICLE)
    found = await diagnostics(client, uri, lambda d: len(d) >= 2)
    by_rule = {d.code: d for d in found}
    assert set(by_rule) >= {"typo", "missing-space"}, found
    typo = by_rule["typo"]
    assert typo.source == "copydesk"
    assert typo.severity == types.DiagnosticSeverity.Warning
    line = ARTICLE.split("\n")[2]
    before = line[: line.index("sence")]
    assert typo.range.start == types.Position(2, units(before, client.encoding))
    assert typo.range.end == types.Position(2, units(before + "sence", client.encoding))
    # Neovim 0.11 offers UTF-8, so it gets UTF-8; VS Code 1.65 offers nothing, so UTF-16.
    expected = "utf-8" if client.capabilities.general and client.capabilities.general.position_encodings and "utf-8" in client.capabilities.general.position_encodings else "utf-16"
    assert client.encoding == expected

    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), typo.range.start)
    )
    assert hover is not None and "**typo**" in hover.contents.value


async def test_a_quick_fix_applies_and_the_finding_goes(client: LanguageClient):
    text = ARTICLE
    uri = open_doc(client, "story.md", text)
    found = await diagnostics(client, uri, lambda d: any(x.code == "missing-space" for x in d))
    space = next(d for d in found if d.code == "missing-space")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri), space.range, types.CodeActionContext(diagnostics=[space])
        )
    )
    fix = next(a for a in actions if a.kind == types.CodeActionKind.QuickFix and a.is_preferred)
    assert fix.title == "Insert ` `"
    edits = fix.edit.changes[uri]
    # Apply it as an editor does: the edit goes back as an incremental change.
    text = apply(text, edits, client.encoding)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            [types.TextDocumentContentChangePartial(range=e.range, text=e.new_text) for e in edits],
        )
    )
    assert "Monday. As expected" in text
    found = await diagnostics(client, uri, lambda d: not any(x.code == "missing-space" for x in d))
    assert any(d.code == "typo" for d in found)

    # "Ignore this rule on this line" silences the typo.
    typo = next(d for d in found if d.code == "typo")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(types.TextDocumentIdentifier(uri), typo.range, types.CodeActionContext(diagnostics=[typo]))
    )
    ignore = next(a for a in actions if a.title == "Ignore `typo` on this line")
    text = apply(text, ignore.edit.changes[uri], client.encoding)
    assert "<!-- copydesk-disable-next-line typo -->\n😀" in text
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=3), [types.TextDocumentContentChangeWholeDocument(text=text)]
        )
    )
    await diagnostics(client, uri, lambda d: len(d) == 0)


async def test_fix_all_safe_problems(client: LanguageClient):
    text = "Budget\n\nThe council met.The vote passed.\nIt rained.Then it stopped.\n"
    uri = open_doc(client, "plain.txt", text, language="plaintext")
    await diagnostics(client, uri, lambda d: len(d) == 2)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            types.Range(types.Position(0, 0), types.Position(0, 0)),
            types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]),
        )
    )
    assert [a.kind for a in actions] == ["source.fixAll.copydesk"]
    fixed = apply(text, actions[0].edit.changes[uri], client.encoding)
    assert fixed == "Budget\n\nThe council met. The vote passed.\nIt rained. Then it stopped.\n"


async def test_a_config_change_is_picked_up(client: LanguageClient):
    uri = open_doc(client, "story.md", ARTICLE)
    await diagnostics(client, uri, lambda d: any(x.code == "typo" for x in d))
    if client.capabilities.workspace.did_change_watched_files and client.capabilities.workspace.did_change_watched_files.dynamic_registration:
        assert [r.register_options["watchers"][0]["globPattern"] for r in client.registrations] == ["**/lint-rules.toml"]
    config = client.root / "lint-rules.toml"
    config.write_text("# house style\n[rules]\nmissing-space = \"off\"\n", encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams([types.FileEvent(config.as_uri(), types.FileChangeType.Created)])
    )
    found = await diagnostics(client, uri, lambda d: not any(x.code == "missing-space" for x in d))
    assert any(d.code == "typo" for d in found)

    # "Add to the project dictionary" edits lint-rules.toml, keeping what was there.
    typo = next(d for d in found if d.code == "typo")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(types.TextDocumentIdentifier(uri), typo.range, types.CodeActionContext(diagnostics=[typo]))
    )
    add = next(a for a in actions if a.command and a.command.command == "copydesk.addToDictionary")
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=add.command.command, arguments=add.command.arguments)
    )
    assert config.read_text(encoding="utf-8") == '# house style\n[rules]\nmissing-space = "off"\n\n[rules.typo]\nallow = ["sence"]\n'
    await diagnostics(client, uri, lambda d: len(d) == 0)


async def test_a_broken_config_is_one_diagnostic_and_the_server_goes_on(client: LanguageClient):
    config = client.root / "lint-rules.toml"
    config.write_text("[rules.typo]\nseverity = \"loud\"\n", encoding="utf-8")
    uri = open_doc(client, "story.md", ARTICLE)
    found = await diagnostics(client, config.as_uri(), lambda d: len(d) > 0)
    assert len(found) == 1 and found[0].range.start.line == 1, found
    assert found[0].severity == types.DiagnosticSeverity.Error
    # The server still answers, and recovers when the file is fixed.
    config.write_text("[rules.typo]\nseverity = \"error\"\n", encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams([types.FileEvent(config.as_uri(), types.FileChangeType.Changed)])
    )
    await diagnostics(client, config.as_uri(), lambda d: len(d) == 0)
    found = await diagnostics(client, uri, lambda d: any(x.code == "typo" for x in d))
    assert next(d for d in found if d.code == "typo").severity == types.DiagnosticSeverity.Error
