//! The `copydesk` Python module: a thin layer over the copydesk library. A [`Linter`] holds one
//! configuration's rules, compiled once; findings are the dicts the CLI's `--format json`
//! prints (serialised by the library's own [`copydesk::report::json_finding`], less `path`).

use copydesk::config::{LoadError, LoadedConfig};
use copydesk::document::Format;
use copydesk::engine::{RuleSet, Selection};
use copydesk::report::{json_finding, FileResult};
use copydesk::Diagnostic;
use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyPermissionError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyList, PyString};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

pyo3::create_exception!(
    copydesk,
    ConfigError,
    PyValueError,
    "An invalid configuration: bad TOML, an unknown rule or option, a value a rule cannot use. The message is the CLI's, with the offending line of the TOML."
);

/// The miette report as the CLI prints it, without colours (it goes into an exception).
fn render(diagnostic: &dyn miette::Diagnostic) -> String {
    let mut out = String::new();
    let handler = miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
    match handler.render_report(&mut out, diagnostic) {
        Ok(()) => out.trim_end().to_string(),
        Err(_) => diagnostic.to_string(),
    }
}

fn config_error(diagnostic: &dyn miette::Diagnostic) -> PyErr {
    ConfigError::new_err(render(diagnostic))
}

/// `config`: None (the defaults), a path (`os.PathLike`, or a str naming an existing file or
/// ending in `.toml`) to a lint-rules.toml, or TOML text. Either is merged over the defaults,
/// as the CLI merges a lint-rules.toml.
fn load(config: Option<&Bound<'_, PyAny>>) -> PyResult<LoadedConfig> {
    let Some(config) = config.filter(|c| !c.is_none()) else {
        return Ok(LoadedConfig::default_config());
    };
    let path = if let Ok(text) = config.cast::<PyString>() {
        let text = text.to_cow()?;
        let looks_like_path = !text.contains('\n') && (text.ends_with(".toml") || std::path::Path::new(text.as_ref()).is_file());
        if !looks_like_path {
            return LoadedConfig::from_user_text("<config>", &text, None).map_err(|e| config_error(&*e));
        }
        PathBuf::from(text.as_ref())
    } else {
        config.extract::<PathBuf>().map_err(|_| match config.get_type().name() {
            Ok(kind) => PyTypeError::new_err(format!("config must be None, a path or TOML text (str), not {kind}")),
            Err(e) => e,
        })?
    };
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    LoadedConfig::discover(Some(&path), &cwd).map_err(|e| match e {
        LoadError::Invalid(e) => config_error(&*e),
        LoadError::Io(path, io) => {
            let message = format!("cannot read config {}: {io}", path.display());
            match io.kind() {
                std::io::ErrorKind::NotFound => PyFileNotFoundError::new_err(message),
                std::io::ErrorKind::PermissionDenied => PyPermissionError::new_err(message),
                _ => PyOSError::new_err(message),
            }
        }
    })
}

fn parse_format(format: &str) -> PyResult<Format> {
    match format {
        "text" => Ok(Format::PlainText),
        "markdown" => Ok(Format::Markdown),
        other => Err(PyValueError::new_err(format!("format must be \"text\" or \"markdown\", not {other:?}"))),
    }
}

/// A name for the document whose extension gives `format` to the library's path-based entry
/// points (fixing goes through them, as the CLI's `--fix` does).
fn doc_name(format: Format) -> &'static str {
    match format {
        Format::Markdown => "<text>.md",
        Format::PlainText => "<text>.txt",
    }
}

/// One text's findings, located in it: one result without a title, else the title's and the
/// text's (field name, result) with spans into each.
struct Linted {
    fields: Vec<(&'static str, FileResult)>,
}

/// Lint `text` (with `title` as its first line, after `# ` in Markdown, then a blank line).
/// Findings in the title point into the title, the others into the text; a fix that would
/// reach across both is dropped. (Dataset mode's `--title-field` does the same.)
fn lint_one(rules: &RuleSet, text: &str, title: Option<&str>, format: Format) -> Linted {
    let Some(title) = title else {
        let diagnostics = copydesk::lint_source(text, doc_name(format), rules);
        return Linted { fields: vec![("text", FileResult::new(String::new(), text.to_string(), diagnostics))] };
    };
    let head = if format == Format::Markdown { "# " } else { "" };
    let prefix = format!("{head}{title}\n\n");
    let p = prefix.len();
    let document = prefix + text;
    let (mut in_title, mut in_text) = (Vec::new(), Vec::new());
    for d in copydesk::lint_source(&document, doc_name(format), rules) {
        if d.span.start >= p {
            in_text.push(rebase(d, p, text.len()));
        } else {
            in_title.push(rebase(d, head.len(), title.len()));
        }
    }
    Linted {
        fields: vec![
            ("title", FileResult::new(String::new(), title.to_string(), in_title)),
            ("text", FileResult::new(String::new(), text.to_string(), in_text)),
        ],
    }
}

/// A finding moved into a field that starts at `base` and is `len` bytes long: its span clamped
/// to the field, its fix kept only if every edit lies inside it.
fn rebase(mut d: Diagnostic, base: usize, len: usize) -> Diagnostic {
    let inside = |o: usize| o.saturating_sub(base).min(len);
    d.span = copydesk::diagnostic::Span::new(inside(d.span.start), inside(d.span.end));
    if d.fix.as_ref().is_some_and(|f| f.edits.iter().any(|e| e.span.start < base || e.span.end > base + len)) {
        d.fix = None;
    }
    for e in d.fix.iter_mut().flat_map(|f| f.edits.iter_mut()) {
        e.span = copydesk::diagnostic::Span::new(e.span.start - base, e.span.end - base);
    }
    d
}

/// The findings as a list of dicts; with a title, each carries `field` ("title" or "text").
fn to_python<'py>(py: Python<'py>, linted: &Linted) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    let titled = linted.fields.len() > 1;
    for (field, r) in &linted.fields {
        for d in &r.diagnostics {
            let item = pythonize::pythonize(py, &json_finding(r, d)).map_err(PyErr::from)?;
            if titled {
                item.set_item("field", *field)?;
            }
            list.append(item)?;
        }
    }
    Ok(list)
}

/// A str argument, or TypeError naming what it was.
fn text_arg(value: &Bound<'_, PyAny>, what: &str) -> PyResult<PyBackedStr> {
    match value.cast::<PyString>() {
        Ok(s) => s.clone().try_into(),
        Err(_) => Err(PyTypeError::new_err(format!("{what} must be str, not {}", value.get_type().name()?))),
    }
}

/// Lints texts with one configuration, compiled once. Safe to share between threads.
#[pyclass(frozen, module = "copydesk")]
struct Linter {
    linter: copydesk::Linter,
    /// `threads`: lint_many's own pool; None uses rayon's global pool (one thread per core).
    pool: Option<Arc<rayon::ThreadPool>>,
}

impl Linter {
    fn rules(&self) -> &RuleSet {
        self.linter.rules()
    }
}

#[pymethods]
impl Linter {
    #[new]
    #[pyo3(signature = (config=None, *, threads=None))]
    fn new(config: Option<&Bound<'_, PyAny>>, threads: Option<usize>) -> PyResult<Self> {
        let loaded = load(config)?;
        let linter = copydesk::Linter::new(&loaded.config, &Selection::default()).map_err(|e| config_error(&e))?;
        let pool = match threads {
            None => None,
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => {
                let pool = rayon::ThreadPoolBuilder::new().num_threads(n).build().map_err(|e| PyOSError::new_err(e.to_string()))?;
                Some(Arc::new(pool))
            }
        };
        Ok(Linter { linter, pool })
    }

    /// The ids of the rules this configuration turns on.
    #[getter]
    fn rule_ids(&self) -> Vec<String> {
        self.rules().ids().map(str::to_string).collect()
    }

    /// The findings in `text`, as `copydesk lint --format json` prints them (less `path`).
    #[pyo3(signature = (text, title=None, format="text"))]
    fn lint<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        title: Option<&Bound<'py, PyAny>>,
        format: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let format = parse_format(format)?;
        let text = text_arg(text, "text")?;
        let title = title.filter(|t| !t.is_none()).map(|t| text_arg(t, "title")).transpose()?;
        let linted = py.detach(|| lint_one(self.rules(), &text, title.as_deref(), format));
        to_python(py, &linted)
    }

    /// `text` with the fixes applied, re-linted until stable, as `copydesk lint --fix` writes it:
    /// safe fixes only, unless `unsafe`.
    #[pyo3(signature = (text, r#unsafe=false, format="text"))]
    fn fix(&self, py: Python<'_>, text: &Bound<'_, PyAny>, r#unsafe: bool, format: &str) -> PyResult<String> {
        let format = parse_format(format)?;
        let text = text_arg(text, "text")?;
        Ok(py.detach(|| copydesk::fix::fix_until_stable(&text, doc_name(format), self.rules(), r#unsafe).text))
    }

    /// `[self.lint(t) for t in texts]`, linted in parallel with the GIL released.
    #[pyo3(signature = (texts, titles=None, format="text"))]
    fn lint_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        titles: Option<&Bound<'py, PyAny>>,
        format: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let format = parse_format(format)?;
        let texts = str_items(texts, "texts")?;
        let titles: Vec<Option<PyBackedStr>> = match titles.filter(|t| !t.is_none()) {
            None => texts.iter().map(|_| None).collect(),
            Some(titles) => {
                let titles = optional_str_items(titles, "titles")?;
                if titles.len() != texts.len() {
                    return Err(PyValueError::new_err(format!("{} titles for {} texts", titles.len(), texts.len())));
                }
                titles
            }
        };
        let rules = self.rules();
        let linted: Vec<Linted> = py.detach(|| {
            let run = || texts.par_iter().zip(&titles).map(|(t, title)| lint_one(rules, t, title.as_deref(), format)).collect();
            match &self.pool {
                Some(pool) => pool.install(run),
                None => run(),
            }
        });
        let out = PyList::empty(py);
        for l in &linted {
            out.append(to_python(py, l)?)?;
        }
        Ok(out)
    }

    fn __repr__(&self) -> String {
        format!("<copydesk.Linter: {} rules>", self.rules().ids().count())
    }
}

/// Every item of an iterable of str (not a str itself), or TypeError naming the first that is not.
fn str_items(items: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<PyBackedStr>> {
    if items.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!("{what} must be an iterable of str, not a str")));
    }
    let mut out = Vec::new();
    for (i, item) in items.try_iter()?.enumerate() {
        out.push(text_arg(&item?, &format!("{what}[{i}]"))?);
    }
    Ok(out)
}

/// [`str_items`], where an item may be None.
fn optional_str_items(items: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<Option<PyBackedStr>>> {
    if items.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!("{what} must be an iterable of str or None, not a str")));
    }
    let mut out = Vec::new();
    for (i, item) in items.try_iter()?.enumerate() {
        let item = item?;
        out.push(if item.is_none() { None } else { Some(text_arg(&item, &format!("{what}[{i}]"))?) });
    }
    Ok(out)
}

/// copydesk: a content-quality linter for news articles and scraped text.
#[pymodule(name = "copydesk")]
fn copydesk_py(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Linter>()?;
    m.add("ConfigError", m.py().get_type::<ConfigError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DEFAULT_CONFIG", copydesk::config::DEFAULT_CONFIG)?;
    Ok(())
}
