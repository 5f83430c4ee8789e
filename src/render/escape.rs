//! Escaping of user text for every output language, in one place, so that
//! a label with `"`, `\`, `<script>`, `&` or a newline comes out correct
//! and harmless everywhere.

/// Text for HTML element content and attribute values (also valid XML).
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The inside of a double-quoted Graphviz DOT string. Newlines become
/// DOT's centred line break `\n`; `&` becomes `&amp;` because Graphviz
/// decodes HTML entities in labels (`&amp;` written by a user must show
/// as typed).
pub fn dot(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The inside of a double-quoted Mermaid label. Mermaid has no backslash
/// escapes; it takes HTML entity codes (`#quot;`) instead, and `<br>` for
/// a line break.
pub fn mermaid(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '#' => out.push_str("#35;"),
            '`' => out.push_str("#96;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Inline Markdown text: characters with Markdown meaning are escaped
/// with a backslash, HTML is neutralised and lines are joined.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => out.push(' '),
            // Markdown is read in terminals too: a bidi override is shown.
            c if is_bidi_control(c) => out.push_str(&format!("&lt;U+{:04X}&gt;", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// Text for a terminal or a plain-text file: control characters (an
/// escape sequence could recolour, retitle or clear the terminal, or
/// plant a link) and bidirectional overrides (which make text read in an
/// order other than its bytes, "Trojan Source") are shown visibly as
/// `<U+001B>`; line breaks and tabs stay. This is the one escaping of
/// user text for terminals: every text report and renderer uses it or
/// [`terminal_line`].
pub fn terminal(s: &str) -> String {
    escape_terminal(s, false)
}

/// [`terminal`] for text that must stay on one line (a finding line, a
/// diff line, an error line): line breaks are shown as `<U+000A>` too, so
/// a value cannot forge a line of its own.
pub fn terminal_line(s: &str) -> String {
    escape_terminal(s, true)
}

fn escape_terminal(s: &str, one_line: bool) -> String {
    if !s.chars().any(|c| needs_terminal_escape(c, one_line)) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_terminal_escape(c, one_line) {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

fn needs_terminal_escape(c: char, one_line: bool) -> bool {
    match c {
        '\n' => one_line,
        '\t' => false,
        c => c.is_control() || is_bidi_control(c),
    }
}

/// The Unicode bidirectional formatting characters (embeddings, overrides,
/// isolates and marks).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// A CSV cell that a spreadsheet must not take for a formula: a cell
/// starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'` (the OWASP "CSV injection" advice), which spreadsheets show
/// as text and hide. Other cells are unchanged.
pub fn spreadsheet(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// The data of a GitHub Actions workflow command (`::error …::DATA`), as
/// `@actions/core` escapes it: `%`, CR and LF become `%25`, `%0D`, `%0A`.
pub fn github_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A property value of a workflow command (`file=…,title=…`): like
/// [`github_data`], and `:` and `,` too, which would end the value.
pub fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_neutralised() {
        let evil = "a \"b\" \\ <script>alert(1)</script> & é\nz";
        assert_eq!(
            html(evil),
            "a &quot;b&quot; \\ &lt;script&gt;alert(1)&lt;/script&gt; &amp; é\nz"
        );
        assert_eq!(dot(evil), "a \\\"b\\\" \\\\ <script>alert(1)</script> &amp; é\\nz");
        assert_eq!(
            mermaid(evil),
            "a #quot;b#quot; \\ #lt;script#gt;alert(1)#lt;/script#gt; #amp; é<br>z"
        );
        assert_eq!(markdown("*x* | [y](z)"), "\\*x\\* \\| \\[y\\](z)");
        assert_eq!(terminal("a\u{1b}[31mb\nc\td"), "a<U+001B>[31mb\nc\td");
        assert_eq!(terminal_line("a\nb\r"), "a<U+000A>b<U+000D>");
        assert_eq!(terminal("x\u{202E}y\u{2066}"), "x<U+202E>y<U+2066>");
        assert_eq!(terminal("\u{9b}2J\u{7f}"), "<U+009B>2J<U+007F>");
    }

    #[test]
    fn spreadsheet_formulas_are_neutralised() {
        for evil in ["=HYPERLINK(\"x\")", "+cmd|' /C calc'!A0", "-1+2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(spreadsheet(evil), format!("'{evil}"));
        }
        assert_eq!(spreadsheet("Layanan = cepat"), "Layanan = cepat");
        assert_eq!(spreadsheet(""), "");
    }

    #[test]
    fn github_escapes_like_actions_core() {
        assert_eq!(github_data("100% a\r\nb: c, d"), "100%25 a%0D%0Ab: c, d");
        assert_eq!(github_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        // `%` first, so the escapes it produces are not escaped again.
        assert_eq!(github_property("%3A"), "%253A");
    }
}
