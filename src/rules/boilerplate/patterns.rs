//! The chrome-line patterns of `boilerplate` (each static there says what its line is), kept
//! apart so that the build script (`build/indexes.rs`) can read them too: it compiles most of
//! them into DFAs, which the rule reads in place instead of compiling the pattern at start-up.
//! Compiling the chrome patterns was about 6 % of linting news-clean on one thread, and they
//! are the same in every run. An unanchored search runs through the whole line, and
//! there a sparse DFA (a list of byte ranges per state) cost more than compiling: searching 200
//! articles took 100 M more instructions than the lazy DFA's table. Such a pattern gets a dense
//! DFA when its table is small ([`Ahead::Dense`]); one marked [`Ahead::No`] is compiled at
//! first need, as is any whose DFA does not load.

/// A built-in pattern, by the name of its static in `boilerplate.rs` (and of its DFA's file).
pub struct Pattern {
    pub name: &'static str,
    pub regex: &'static str,
    /// Which DFA the build script compiles for it, if any.
    pub ahead: Ahead,
}

/// The DFA a pattern gets from the build script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ahead {
    /// A sparse DFA: small, for an anchored pattern (a search stops within a few bytes) or an
    /// unanchored one asked of few lines (FREQUENCY).
    Sparse,
    /// A dense DFA (a table of transitions, as fast as the lazy DFA's): for an unanchored
    /// pattern whose table stays under [`DENSE_LIMIT`]. Compiling such patterns at run time
    /// was 4.5 % of linting news-clean on one thread.
    Dense,
    /// None: compiled at first need (its dense DFA would be megabytes, or is past the
    /// determiniser's limit).
    No,
}

/// The largest dense DFA the build script embeds, in bytes (it stops the build past it).
pub const DENSE_LIMIT: usize = 512 << 10;

/// The pattern as the engines get it: ASCII word boundaries keep it on a DFA (a Unicode one
/// needs the full regex).
pub fn prepared(regex: &str) -> String {
    regex.replace(r"\b", r"(?-u:\b)")
}

pub const FLAT_TABLE_HEADER: Pattern =
    Pattern { name: "FLAT_TABLE_HEADER", ahead: Ahead::Sparse, regex: r"^(?:No\.?|#|S\.?No\.?)\s+\p{Lu}[\p{L} ]{2,}$" };

pub const FLAT_TABLE_ROW: Pattern = Pattern { name: "FLAT_TABLE_ROW", ahead: Ahead::Sparse, regex: r"^\d{1,2}\s+\p{Lu}" };

pub const TAGS: Pattern = Pattern {
    name: "TAGS",
    ahead: Ahead::Sparse,
    regex: r"^\W*(?i:tags?|tagged(?: with| as| in)?|filed (?:under|in|to)|topics?|categories|category|keywords|posted in|related topics|related tags|more on|themen|etiquetas)\s*(?::|\|)\s*\S",
};

pub const TAGS_BARE: Pattern =
    Pattern { name: "TAGS_BARE", ahead: Ahead::Sparse, regex: r"^\W*(?i:posted in|filed under|tagged|tags)\s+\p{Lu}" };

pub const COPYRIGHT_START: Pattern = Pattern {
    name: "COPYRIGHT_START",
    ahead: Ahead::Sparse,
    regex: r"^\W*(?:©|\((?i:c)\)\s*\d{4}|(?i:copyright)\s*(?:©|\((?i:c)\)|\d{4}|(?i:by|of)\s|:))",
};

pub const COPYRIGHT_NAMED: Pattern = Pattern { name: "COPYRIGHT_NAMED", ahead: Ahead::Sparse, regex: r"^\W*(?i:copyright)\s+\p{Lu}" };

// unanchored, searched through whole lines: a dense DFA (a sparse one is slower there)
pub const COPYRIGHT_ANY: Pattern = Pattern {
    name: "COPYRIGHT_ANY",
    ahead: Ahead::Dense,
    regex: r"©\s*(?:\d{4}|\p{Lu})|(?i:all rights reserved|tous droits réservés|todos los derechos reservados|alle rechte vorbehalten|tutti i diritti riservati|todos os direitos reservados)",
};

pub const CREDIT_LABEL: Pattern = Pattern {
    name: "CREDIT_LABEL",
    ahead: Ahead::Sparse,
    regex: r"^\W*(?:(?i:image|images|photo|photos|photograph|picture|pictures|pic|video|graphic|illustration|composite|credit|credits|caption|photo credit|image credit|courtesy|(?:top|main|header|featured|lead|cover|hero) (?:image|photo|picture))\s*(?::|\|)|(?i:image|media|photo|picture|video)\s+(?i:copyright|caption|source|credit|courtesy)\b)\s*\S",
};

pub const CREDIT_BY: Pattern = Pattern {
    name: "CREDIT_BY",
    ahead: Ahead::Sparse,
    regex: r"^\W*(?i:photo(?:graph)?s?|pictures?|images?|illustrations?|video|graphics?|artwork|courtesy)\s+(?i:by|courtesy of|credit)\s*:?\s*[\p{Lu}\d][^.!?]{0,80}$",
};

// a bounded run of any character but a bracket, then alternatives, unanchored: too many states
pub const CREDIT_TAIL: Pattern = Pattern {
    name: "CREDIT_TAIL",
    ahead: Ahead::No,
    regex: r"[(\[]\s*(?:(?i:ap|afp|reuters|epa|getty|pa|upi|xinhua|anadolu|efe|ansa|dpa)\s*(?i:photo|images?|pictures?)?\s*/|(?i:photo|photos|image|picture|pic|credit|photograph|video|source|file photo|courtesy)\b)[^)\]]{0,80}[)\]]\W*$",
};

/// The words CREDIT_TAIL's credit opens with after its bracket (and white space), ASCII case
/// aside: its agencies, and its picture words ("pic" covers "picture", "photo" "photos" and
/// "photograph"). See `boilerplate::credit_tail_may_match`.
pub const CREDIT_TAIL_OPENINGS: &[&str] = &[
    "ap",
    "afp",
    "reuters",
    "epa",
    "getty",
    "pa",
    "upi",
    "xinhua",
    "anadolu",
    "efe",
    "ansa",
    "dpa",
    "photo",
    "image",
    "pic",
    "credit",
    "video",
    "source",
    "file photo",
    "courtesy",
];

// `[^.!?]{0,60}` before a list of agencies: a 3 MB DFA, seconds to build
pub const CREDIT_AGENCY: Pattern = Pattern {
    name: "CREDIT_AGENCY",
    ahead: Ahead::No,
    regex: r"^[^.!?]{0,60}(?:/|(?i:\bvia\b)|:|,|\||–|—)\s*(?i:getty images?|getty|shutterstock|istock(?:photo)?|alamy(?: stock photo)?|reuters|afp|ap photo|associated press|epa(?:-efe)?|pa (?:media|wire|images)|rex(?:/shutterstock| features)|unsplash|pexels|wikimedia commons|bloomberg|ap)\W*$",
};

pub const CREDIT_AGENCY_SLASH: Pattern = Pattern {
    name: "CREDIT_AGENCY_SLASH",
    ahead: Ahead::Sparse,
    regex: r"^\W*(?i:ap|afp|reuters|epa|getty images|getty|pa|upi|xinhua|anadolu|efe|dpa)\s*(?i:photo)?\s*/\s*\p{Lu}[\p{L}.'’ -]+\W*$",
};

pub const GETTY_ALONE: Pattern = Pattern {
    name: "GETTY_ALONE",
    ahead: Ahead::Sparse,
    regex: r"^\W*(?i:getty images|getty|shutterstock|istock|alamy|afp via getty images|ap photo)\W*$",
};

pub const CONTRIBUTOR: Pattern = Pattern {
    name: "CONTRIBUTOR",
    ahead: Ahead::Sparse,
    regex: r"^\W*(?:(?i:additional|extra|further|with additional|with)\s+)?(?i:reporting|writing|editing|research|contributing|compiled|edited|produced|illustrations?|graphics|photography|photographs|photos|video|design|interviews?|translation|translated|fact-checking|production|development)(?:\s+(?i:and|&)\s+\p{L}+)?\s+(?i:by|from)\s+\p{Lu}",
};

pub const CONTRIBUTOR_LABEL: Pattern = Pattern {
    name: "CONTRIBUTOR_LABEL",
    ahead: Ahead::Sparse,
    regex: r"^\W*(?i:contributing|contributors?|additional reporting|contributing writers?|contributing reporters?)\s*:\s*\S",
};

pub const ORIGINALLY: Pattern = Pattern {
    name: "ORIGINALLY",
    ahead: Ahead::Sparse,
    regex: r"^\W*(?i:this (?:article|story|post|piece|report|content) (?:was |is |has been |first )?(?:originally |first )?(?:published|appeared|updated|amended|corrected|produced|republished|created|written|provided)|originally published|a version of this (?:article|story)|this is an updated version)\b",
};

pub const HELPFUL: Pattern =
    Pattern { name: "HELPFUL", ahead: Ahead::Sparse, regex: r"^\W*\d+ (?i:of) \d+ (?i:people|readers|users|customers) (?i:found this)" };

// unanchored, searched through whole lines: a dense DFA (a sparse one is slower there)
pub const TECH_NOTICE: Pattern = Pattern {
    name: "TECH_NOTICE",
    ahead: Ahead::Dense,
    regex: r"(?i:\b(?:enable|turn on|activate) javascript\b|\bjavascript (?:is )?(?:disabled|required|must be enabled)|\byour (?:web )?browser (?:does not|doesn't|doesn’t|cannot|can't|can’t) (?:support|play|display)|\b(?:upgrade|update) your (?:web )?browser\b|\bnot (?:currently )?available in your (?:region|country|location)\b)",
};

// unanchored, searched through whole lines: a dense DFA (a sparse one is slower there)
pub const CONTRIBUTED: Pattern = Pattern {
    name: "CONTRIBUTED",
    ahead: Ahead::Dense,
    regex: r"(?i:\bnot responsible for the content of external|\b(?:will )?opens? in (?:a )?new (?:window|tab)\b|\bthis article is more than \d+ \w+ old)",
};

pub const NAV_LABEL: Pattern = Pattern {
    name: "NAV_LABEL",
    ahead: Ahead::Sparse,
    regex: r"^\W*(?i:read more|also read|read also|see also|related|more|watch|listen|read next|up next|recommended|don'?t miss|must read|trending|most read|editor'?s picks?|more on this(?: story)?|related (?:story|article|coverage|content|reading)|(?:previous|prev|next) (?:article|post|story|page)|further reading|more coverage|top stories)\s*(?::|»|›|>|\|)\s*\S",
};

// unanchored, searched through whole lines: a dense DFA (a sparse one is slower there)
pub const REPORTED: Pattern = Pattern {
    name: "REPORTED",
    ahead: Ahead::Dense,
    regex: r"(?i:\b(?:said|says|told|according to|warned|added|explained|insisted|urged|wrote|argued|claimed|stated|announced)\b)",
};

pub const GALLERY: Pattern = Pattern {
    name: "GALLERY",
    ahead: Ahead::Sparse,
    regex: r"^\W*(?:(?i:image|photo|picture|slide|item|video|gallery)\s+\d{1,3}\s*(?:(?i:of)|/)\s*\d{1,3}|\d{1,3}\s+(?i:of)\s+\d{1,3})\W*$",
};

// unanchored, searched through whole lines: a dense DFA (a sparse one is slower there)
pub const COOKIE: Pattern = Pattern {
    name: "COOKIE",
    ahead: Ahead::Dense,
    regex: r"(?i:\bwe use cookies|\b(?:this|our) (?:web)?site uses cookies|\buses? cookies to|\buse of cookies|\b(?:accept|allow|reject|manage|disable|enable) (?:all |our )?cookies|\bcookie (?:policy|settings|preferences|notice|consent|banner|statement))",
};

// `.{0,100}` between two word lists, unanchored: too many states
pub const COMMENT_NOTICE: Pattern = Pattern {
    name: "COMMENT_NOTICE",
    ahead: Ahead::No,
    regex: r"(?i:\bcomments?\b.{0,100}\b(?:moderated|pre-moderated|displayed|closed|disabled|turned off|tab|reviewed before|approved before|appear (?:after|once))\b|\b(?:moderat\w*|community (?:guidelines|standards)|house rules)\b.{0,80}\bcomment)",
};

/// One of these is in every line COMMENT_NOTICE matches (ASCII case aside; see
/// `boilerplate::Literals`): each of its two branches names what happens to comments, or the
/// rules that moderate them.
pub const COMMENT_NOTICE_LITERALS: &[&str] = &[
    "moderat",
    "displayed",
    "closed",
    "disabled",
    "turned off",
    "tab",
    "reviewed before",
    "approved before",
    "appear after",
    "appear once",
    "community guidelines",
    "community standards",
    "house rules",
];

// unanchored, searched through whole lines: a dense DFA (a sparse one is slower there)
pub const CONSENT_NOTICE: Pattern = Pattern {
    name: "CONSENT_NOTICE",
    ahead: Ahead::Dense,
    regex: r"(?i:\byou(?:'re|’re| are)? (?:agree|consent|accept|acknowledge)\w*\b)(?s:.*)(?:\b(?i:our|these) (?i:terms|privacy|cookie|user agreement|policies|policy)\b|\b(?:Terms (?i:of (?:use|service)|and conditions|& conditions)|Privacy (?i:policy|notice|statement)|Cookie (?i:policy|notice)|User Agreement|Conditions of Use)\b)",
};

// up to four capitalised words of any letters: anchored, so a sparse DFA (100 KB; its dense
// one would be 1.6 MB); 0.4 s of the build script
pub const PUBLICATION_PROMPT: Pattern = Pattern {
    name: "PUBLICATION_PROMPT",
    ahead: Ahead::Sparse,
    regex: r"^(?:Get|Read|Try|Download|Subscribe to|Join|Follow) (?:[Tt]he )?\p{Lu}[\p{L}&'’.-]*(?: \p{Lu}[\p{L}&'’.-]*){0,3}(?: (?:app|newsletter|today|now|free|for free|digital))?[.!]?$",
};

// unanchored, searched through whole lines: a dense DFA (a sparse one is slower there)
pub const SECOND_PERSON: Pattern =
    Pattern { name: "SECOND_PERSON", ahead: Ahead::Dense, regex: r"(?i:\b(?:you|your|you're|you'll|we|our|us)\b)" };

// unanchored, searched through whole lines: a dense DFA (a sparse one is slower there)
pub const NEWSLETTER: Pattern = Pattern {
    name: "NEWSLETTER",
    ahead: Ahead::Dense,
    regex: r"(?i:\bnewsletters?\b|\binbox\b|\be-?mail (?:alerts?|updates|list)\b|\bmailing list\b)",
};

// unanchored, searched through whole lines: a dense DFA (a sparse one is slower there)
pub const NEWSLETTER_CUE: Pattern = Pattern {
    name: "NEWSLETTER_CUE",
    ahead: Ahead::Dense,
    regex: r"(?i:\bsign(?:ing)? up\b|\bsubscrib|\bdelivered\b|\bstraight to\b|\bfree\b|\benter\b|\breceive\b|\bget (?:the|our)\b|\bjoin\b|\bdaily\b|\bweekly\b|\bnever miss\b|\bdon'?t miss\b|\bbest of\b|\bthank you for\b)",
};

pub const IMPERATIVE: Pattern = Pattern {
    name: "IMPERATIVE",
    ahead: Ahead::Sparse,
    regex: r"^\W*(?i:sign up|subscribe|get|receive|join|enter|never miss|don'?t miss|stay|want|try)\b",
};

// unanchored, searched through whole lines (a thousand of 200 articles): its dense DFA
// would be 1.2 MB, its sparse one slower than the lazy DFA. ("support the X" takes one word
// character after the capital, not `\w+`: only whether it matches is asked, and nothing
// follows in that alternative; the loop's second copy of the Unicode class was 0.45 ms of
// compiling.)
pub const SUPPORT: Pattern = Pattern {
    name: "SUPPORT",
    ahead: Ahead::No,
    regex: r"(?i:\byour (?:support|contribution|donation)s?\b|\bsupport (?:(?:our|independent|quality|local|regional|community|trusted|public[- ]interest|nonprofit|non-profit|fearless) ){1,3}(?:journalism|reporting|newsroom|work|news|media|press|newspapers?|journalists)\b|\b(?:donate|contribute|subscribe) (?:now|today)\b|\bmake a (?:one-off |one-time |monthly |small )?(?:contribution|donation)\b|\bbecome a (?:member|subscriber|supporter|patron|friend)\b|\bsupport us\b|(?:^\W*|\b(?:please|help|you can|can you|will you|and|now|today),?\s+)support the (?-i:[A-Z])\w|\bwe rely on (?:your|our readers|readers|reader|advertising)\b)",
};

/// One of these is in every line SUPPORT matches (ASCII case aside; see
/// `boilerplate::Literals`): the words each branch opens with, as far as they are fixed.
pub const SUPPORT_LITERALS: &[&str] = &[
    "your support",
    "your contribution",
    "your donation",
    "support our",
    "support independent",
    "support quality",
    "support local",
    "support regional",
    "support community",
    "support trusted",
    "support public-interest",
    "support public interest",
    "support nonprofit",
    "support non-profit",
    "support fearless",
    "donate now",
    "donate today",
    "contribute now",
    "contribute today",
    "subscribe now",
    "subscribe today",
    "make a contribution",
    "make a donation",
    "make a one-off ",
    "make a one-time ",
    "make a monthly ",
    "make a small ",
    "become a member",
    "become a subscriber",
    "become a supporter",
    "become a patron",
    "become a friend",
    "support us",
    "support the ",
    "we rely on ",
];

// unanchored, but asked only of a short newsletter label (no line of 200 seeds-corpus
// articles): a sparse DFA (99 KB) beats compiling it in every run (0.6 ms)
pub const FREQUENCY: Pattern = Pattern {
    name: "FREQUENCY",
    ahead: Ahead::Sparse,
    regex: r"(?i:\((?:daily|weekly|monthly|[a-z](?:-[a-z])+|\w+ days?)\)|\bdaily\b|\bweekly\b|\bmonthly\b|&)",
};

/// Every pattern, for the build script.
pub const ALL: &[Pattern] = &[
    FLAT_TABLE_HEADER,
    FLAT_TABLE_ROW,
    TAGS,
    TAGS_BARE,
    COPYRIGHT_START,
    COPYRIGHT_NAMED,
    COPYRIGHT_ANY,
    CREDIT_LABEL,
    CREDIT_BY,
    CREDIT_TAIL,
    CREDIT_AGENCY,
    CREDIT_AGENCY_SLASH,
    GETTY_ALONE,
    CONTRIBUTOR,
    CONTRIBUTOR_LABEL,
    ORIGINALLY,
    HELPFUL,
    TECH_NOTICE,
    CONTRIBUTED,
    NAV_LABEL,
    REPORTED,
    GALLERY,
    COOKIE,
    COMMENT_NOTICE,
    CONSENT_NOTICE,
    PUBLICATION_PROMPT,
    SECOND_PERSON,
    NEWSLETTER,
    NEWSLETTER_CUE,
    IMPERATIVE,
    SUPPORT,
    FREQUENCY,
];
