//! Source code and shell commands left unfenced in scraped text. An extractor flattens a
//! technical article's `<pre>` blocks into plain lines ("SELECT avg(n)", "npm install x --save",
//! "w = get_next_work()"); read as prose they would start lowercase, leave quotes open and be
//! full of unknown words. A line is code by its own marks (an operator, a call, a line that
//! opens or closes a block, a command with a flag), or, short and unfinished, next to code.
//! A line that ends like a sentence is prose, whatever it holds.

/// Shell commands that open a command line in a tutorial.
const COMMANDS: &[&str] = &[
    "apt", "apt-get", "brew", "cargo", "cd", "chmod", "curl", "docker", "echo", "export", "gcc", "git", "go", "kubectl", "ls", "make",
    "mkdir", "node", "npm", "npx", "pip", "pip3", "python", "python3", "rustc", "sudo", "wget", "yarn",
];

/// What a command's next word often is.
const SUBCOMMANDS: &[&str] = &["install", "run", "clone", "init", "add", "build", "test", "start", "commit", "push", "pull"];

/// Which of `lines` (the trimmed text of each line, `None` for a line that is not plain text)
/// are code; `indents` are their leading spaces.
pub(super) fn code_lines(lines: &[Option<&str>], indents: &[usize]) -> Vec<bool> {
    let mut code: Vec<bool> = lines.iter().map(|l| l.is_some_and(marked_as_code)).collect();
    if !code.contains(&true) {
        return code;
    }
    // Beside code, a short unfinished line is code too ("while True:", a result's header);
    // between two lines of code, any line that does not end like a sentence ("avg(n) AS low,").
    // Until nothing changes, so that a run of such lines joins its code (a few rounds).
    for round in 0..8 {
        let mut changed = false;
        // (forwards, then backwards: a mark spreads through a run either way in one round)
        let order: Box<dyn Iterator<Item = usize>> =
            if round % 2 == 0 { Box::new(0..lines.len()) } else { Box::new((0..lines.len()).rev()) };
        for i in order {
            let Some(line) = lines[i].filter(|_| !code[i]) else { continue };
            let before = i.checked_sub(1).is_some_and(|j| code[j]);
            let after = code.get(i + 1).copied().unwrap_or(false);
            let short_unfinished = line.split_whitespace().nth(12).is_none() && !ends_like_a_sentence(line);
            // (a command's output follows it: "searching for changes", "added 1 changesets…")
            // (and a query's next clause: "AVG(entries) OVER w AS mean,")
            let output = before
                && short_unfinished
                && (line.starts_with(|c: char| c.is_lowercase() || c == '(') || has_call(line) || line.contains('_'));
            let sandwiched = before && after && short_unfinished;
            if sandwiched || output || ((before || after) && unfinished_fragment(line, indents[i])) {
                code[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    code
}

/// A line of at most four words that does not end like a sentence and starts with no capital
/// or is indented ("Run it like this:" introduces code; "while True:" is code).
fn unfinished_fragment(line: &str, indent: usize) -> bool {
    let words = line.split_whitespace().count();
    words <= 4 && !ends_like_a_sentence(line) && (!line.starts_with(char::is_uppercase) || indent >= 2 || keyword_first(line))
}

/// Ten words or more, most of them plain words: a sentence, whatever its last characters
/// ("… the British public are consistently dull :- &lt;(").
fn reads_as_prose(line: &str) -> bool {
    let (mut words, mut plain) = (0, 0);
    for token in line.split_whitespace() {
        words += 1;
        let word = token.trim_end_matches([',', '.', ';', ':', '!', '?', '"', '\'', '”', '’']).trim_start_matches(['"', '\'', '“', '‘']);
        plain += usize::from(!word.is_empty() && word.chars().all(char::is_alphabetic));
    }
    words >= 10 && plain * 2 > words
}

/// "SELECT", "FROM t": a first word in capitals, as a query language writes its keywords.
fn keyword_first(line: &str) -> bool {
    let first = line.split(' ').next().unwrap_or("");
    first.len() >= 2 && first.bytes().all(|b| b.is_ascii_uppercase())
}

fn ends_like_a_sentence(line: &str) -> bool {
    let end = line.trim_end_matches(['"', '”', '’', '\'', ')', '*', '_']);
    end.ends_with(['.', '!', '?', '…']) && !end.ends_with("..")
}

/// Whether a line carries a mark of code of its own.
fn marked_as_code(line: &str) -> bool {
    // (most lines of prose end like a sentence: the cheapest test first)
    if ends_like_a_sentence(line) {
        return false;
    }
    let bytes = line.as_bytes();
    let first = line.split(' ').next().unwrap_or("");
    let command = first.len() <= 7 && first.starts_with(|c: char| c.is_ascii_lowercase()) && COMMANDS.contains(&first);
    // (most other lines have none of these bytes: one pass decides; a box-drawing character
    // is the one mark beyond ASCII, and a curly quote or a dash shares its first byte, so that
    // byte is looked at further only when the line has no other mark)
    let marks = bytes
        .iter()
        .any(|b| matches!(b, b'(' | b')' | b'{' | b'}' | b'[' | b']' | b';' | b'=' | b'_' | b'$' | b'<' | b'>' | b'|' | b'&' | b':'))
        || has_box_drawing(bytes);
    let prompt = line.starts_with("$ ");
    if !(marks || command || first == "from" || first == "#include" || line.contains(" -")) || (!prompt && reads_as_prose(line)) {
        return false;
    }
    // a line of closing brackets: "});", "]"
    if bytes.iter().all(|b| matches!(b, b')' | b'}' | b']' | b';' | b',' | b' ')) {
        return true;
    }
    // a program's output drawn with box characters: "n │ zscore", "───┼───"
    if has_box_drawing(bytes) {
        return true;
    }
    // markup: "<script src=…>", "</div>"
    if line.starts_with('<') && line[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') {
        return true;
    }
    // a line that opens a block: "rekt: {", "list: [", "if (x) {"
    if line.ends_with(['{', '[', '(']) {
        return true;
    }
    if ["::", "=>", "->", "==", "!=", "&&", "||", "+=", "<=", ">="].iter().any(|op| line.contains(op)) && !line.contains("<-") {
        return true;
    }
    if assignment(line) || call_ends_the_line(line) {
        return true;
    }
    // a call inside a line that starts with no capital: "avg(n) - stddev(n) AS low,"
    if !line.starts_with(char::is_uppercase) && has_call(line) {
        return true;
    }
    if line.ends_with(';') && line.contains('(') {
        return true;
    }
    if let Some(rest) = line.strip_prefix("$ ") {
        return rest.starts_with(|c: char| c.is_ascii_lowercase());
    }
    // any program, named by no English word, with its options: "emcc -O3 add.c -o add.wasm"
    if first.starts_with(|c: char| c.is_ascii_lowercase())
        && first.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !crate::lexicon::is_lowercase_word(first)
    {
        let flags = line.split(' ').filter(|w| is_flag(w)).count();
        let files = line.split(' ').skip(1).filter(|w| w.contains('/') || (w.contains('.') && !w.ends_with('.'))).count();
        if flags >= 2 || (flags == 1 && files >= 1) {
            return true;
        }
    }
    if command {
        let mut words = line.split(' ').skip(1);
        let second = words.next().unwrap_or("");
        return SUBCOMMANDS.contains(&second)
            || line.split(' ').any(is_flag)
            || line.split(' ').skip(1).any(|w| w.contains('/') || (w.contains('.') && !w.ends_with('.')));
    }
    // "from standard import disclaimer", "#include <stdio.h>"
    (first == "from" && line.split(' ').nth(2) == Some("import") && line.split(' ').count() == 4) || line.starts_with("#include")
}

/// A character of U+2500 to U+257F ("─", "│", "┼"): bytes E2 94 or E2 95, then one more.
fn has_box_drawing(bytes: &[u8]) -> bool {
    memchr::memchr_iter(0xE2, bytes).any(|i| matches!(bytes.get(i + 1), Some(0x94 | 0x95)))
}

/// A command's option: "-o", "-O3", "--save".
fn is_flag(word: &str) -> bool {
    word.strip_prefix('-').is_some_and(|w| w.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-') && w.len() <= 24)
}

/// "w = get_next_work()", "x += 1": an identifier, then one equals sign with spaces.
fn assignment(line: &str) -> bool {
    let Some(at) = line.find(" = ") else { return false };
    let left = &line[..at];
    let target = left.rsplit(' ').next().unwrap_or("");
    let identifier = !target.is_empty()
        && target.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']' | '$'))
        && !target.starts_with(|c: char| c.is_ascii_digit());
    // at most a keyword before the target ("let x", "var y", "const z")
    identifier && left.split(' ').count() <= 2
}

/// A name right before an opening parenthesis that closes later: "avg(n)", not "friend(s)".
/// (Linear in the line: the last closing parenthesis is found once, and the name before each
/// opening one is read only as far as the bytes of a name go.)
fn has_call(line: &str) -> bool {
    let Some(last_close) = line.rfind(')') else { return false };
    line[..last_close].match_indices('(').any(|(open, _)| {
        let name_len = line[..open].bytes().rev().take_while(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.').count();
        let name = &line[open - name_len..open];
        let rest = &line[open + 1..];
        name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') && !rest.starts_with("s)") && !rest.starts_with("es)")
    })
}

/// "SELECT avg(n)", "do_work(w)", "console.log(data.text)": a name right before an opening
/// parenthesis, and the line ends with the call's closing one (not "friend(s)").
fn call_ends_the_line(line: &str) -> bool {
    let Some(open) = line.find('(') else { return false };
    let before = &line[..open];
    let name = before.rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.')).next().unwrap_or("");
    let inside = line[open + 1..].strip_suffix(')').unwrap_or("\u{0}");
    !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && line.ends_with(')')
        && !matches!(inside, "s" | "es")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Box drawing is U+2500 to U+257F, nothing either side, and none of the quotes and dashes
    /// that share its first byte.
    #[test]
    fn box_drawing_is_its_block_alone() {
        for c in (0x2400..0x2700u32).filter_map(char::from_u32) {
            let line = format!("n {c} x");
            assert_eq!(has_box_drawing(line.as_bytes()), ('\u{2500}'..='\u{257F}').contains(&c), "{c:?}");
        }
        assert!(!has_box_drawing("‘quoted’ “twice” — and – dashes…".as_bytes()));
        // (a line of curly quotes and no other mark is prose, as it was when that byte counted)
        assert_eq!(code("“Not code yet”\nIt’s here — see below"), [false, false]);
    }

    fn code(text: &str) -> Vec<bool> {
        let lines: Vec<&str> = text.lines().collect();
        let trimmed: Vec<Option<&str>> = lines.iter().map(|l| Some(l.trim()).filter(|t| !t.is_empty())).collect();
        let indents: Vec<usize> = lines.iter().map(|l| l.len() - l.trim_start().len()).collect();
        code_lines(&trimmed, &indents)
    }

    #[test]
    fn code_and_commands_are_code() {
        for line in [
            "SELECT avg(n)",
            "FROM unnest(array[2, 3, 5]) AS n;",
            "w = get_next_work()",
            "do_work(w)",
            "console.log(data.text);",
            "extractor = require('unfluff');",
            "use Standard::Disclaimer;",
            "from standard import disclaimer",
            "rekt: {",
            "});",
            "npm install inspector-api --save",
            "node --prof app.js",
            "$ cargo build",
            "emcc -O3 add.c -o add.wasm",
            "$ echo 'Fix, fix, and fix it now.' > file1",
            "if (a && b) return",
        ] {
            assert_eq!(code(line), [true], "{line}");
        }
    }

    #[test]
    fn a_line_of_brackets_is_read_in_linear_time() {
        let started = std::time::Instant::now();
        let _ = code(&format!("x{} y", "(".repeat(200_000)));
        let _ = code(&format!("x{} y)", "a(".repeat(100_000)));
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
    }

    #[test]
    fn prose_is_not_code() {
        for line in [
            "The mean is about 4.33.",
            "Apple (AAPL) rose 3% on Monday.",
            "Contact your representative(s)",
            "Posted by: user_123, 06 Oct 2011",
            "Make sure you save it",
            "go to the shops and buy bread",
            "import duties rose sharply",
            "Tags: news, politics",
            "The 404 1,310: Where it's love at first swipe (podcast)",
            "He said: \"x = y\" is wrong.",
            "Follow us on Twitter",
            "Note: prices include tax",
            "a well -known fact -ish",
            "the user(s) may log in",
            "Sales (in dollars) rose",
            "It just goes to show that the public do not have a clue about music, and it is dull :- &lt;(",
        ] {
            assert_eq!(code(line), [false], "{line}");
        }
    }

    #[test]
    fn short_unfinished_lines_beside_code_are_code() {
        assert_eq!(code("while True:\n  w = get_next_work()\n  do_work(w)\nThe loop never ends."), [true, true, true, false]);
        assert_eq!(code("SELECT avg(n) FROM t;\n       avg\n4.33\nThat is the mean."), [true, true, true, false]);
        assert_eq!(code("SELECT\navg(n) - stddev(n) AS low,\nFROM\nt;\nn │ low\n1 │ 2"), [true; 6]);
        assert_eq!(code("WITH w AS (\n   AVG(n) OVER w AS mean,\n   STDDEV(n) OVER w AS sd\nThat is all."), [true, true, true, false]);
        assert_eq!(
            code("WITH b AS (\n   SELECT\n       avg(n) - stddev(n) AS low,\n   FROM\n       series\n)\nIt works."),
            [true, true, true, true, true, true, false]
        );
        // a command's output
        assert_eq!(
            code("$ hg pull\nsearching for changes\nadded 1 changesets with 1 changes to 1 files\nThat worked."),
            [true, true, true, false]
        );
        // a sentence between code lines stays prose
        assert_eq!(code("do_work(w)\nThis runs the work.\ndo_work(v)"), [true, false, true]);
        // a run before code joins it, however long
        let run = format!("{}do_work(w)", "  foo bar\n".repeat(12));
        assert_eq!(code(&run), [true; 13]);
    }
}
