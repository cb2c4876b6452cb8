"""copydesk: a content-quality linter for news articles and scraped text.

Findings are dicts with the fields of ``copydesk lint --format json`` (less ``path``).
"""

from os import PathLike
from typing import Iterable, List, Literal, Optional, TypedDict, Union

__version__: str
DEFAULT_CONFIG: str
"""The documented default lint-rules.toml, as embedded in the library."""

class ConfigError(ValueError):
    """An invalid configuration; the message is the CLI's, pointing into the TOML."""

class Span(TypedDict):
    start: int
    end: int

class Edit(TypedDict):
    start: int
    end: int
    replacement: str

class Fix(TypedDict):
    applicability: Literal["safe", "unsafe"]
    edits: List[Edit]

class _FindingBase(TypedDict):
    rule: str
    category: str
    severity: Literal["error", "warning", "info"]
    message: str
    span: Span
    """Byte offsets (end-exclusive) into the UTF-8 encoding of the text (or of the title)."""
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    help: Optional[str]
    fix: Optional[Fix]

class Finding(_FindingBase, total=False):
    field: Literal["title", "text"]
    """Present when a title was given: which of the two the span points into."""

Format = Literal["text", "markdown"]

class Linter:
    """Lints texts with one configuration, compiled once. Safe to share between threads.

    ``config``: None for the defaults; a path (``os.PathLike``, or a str naming an existing
    file or ending in ``.toml``) to a lint-rules.toml; or TOML text. Either is merged over the
    defaults, as the CLI does. ``[[overrides]]`` need a file path and do not apply to text.
    ``threads``: the size of ``lint_many``'s thread pool (default: one thread per core).

    Raises ConfigError for an invalid configuration, OSError for an unreadable file.
    """

    def __init__(
        self,
        config: Union[None, str, "PathLike[str]"] = None,
        *,
        threads: Optional[int] = None,
    ) -> None: ...
    @property
    def rule_ids(self) -> List[str]:
        """The ids of the rules this configuration turns on."""
    def lint(self, text: str, title: Optional[str] = None, format: Format = "text") -> List[Finding]:
        """The findings in ``text``, sorted by position.

        With ``title``, the document is the title line, a blank line, then the text; each
        finding then says in ``field`` whether its span points into the title or the text.
        """
    def fix(self, text: str, unsafe: bool = False, format: Format = "text") -> str:
        """``text`` with the fixes applied until stable, as ``copydesk lint --fix`` writes it."""
    def lint_many(
        self,
        texts: Iterable[str],
        titles: Optional[Iterable[Optional[str]]] = None,
        format: Format = "text",
    ) -> List[List[Finding]]:
        """``[self.lint(t) for t in texts]``, linted in parallel with the GIL released."""
