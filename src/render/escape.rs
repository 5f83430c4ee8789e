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
            c => out.push(c),
        }
    }
    out
}

/// Text for a terminal or a plain-text file: control characters (an
/// escape sequence could recolour or retitle the terminal) become spaces;
/// line breaks and tabs stay.
pub fn terminal(s: &str) -> String {
    s.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { ' ' } else { c }).collect()
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
        assert_eq!(terminal("a\u{1b}[31mb\nc"), "a [31mb\nc");
    }

    #[test]
    fn github_escapes_like_actions_core() {
        assert_eq!(github_data("100% a\r\nb: c, d"), "100%25 a%0D%0Ab: c, d");
        assert_eq!(github_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        // `%` first, so the escapes it produces are not escaped again.
        assert_eq!(github_property("%3A"), "%253A");
    }
}
