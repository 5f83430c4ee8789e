//! Positioned words of a PDF page, as `pdftotext -bbox-layout` writes
//! them (XHTML: page → flow → block → line → word, each with its box).
//! Only the plain structure is kept: pages of blocks of lines of words.
//! The parser reads poppler's regular output, not arbitrary XML.

use super::geometry::Rect;

/// One word and its box.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    pub text: String,
    pub rect: Rect,
    /// Index of the block (paragraph) poppler put the word in, per page.
    pub block: usize,
    /// Index of the line, per page.
    pub line: usize,
}

/// The words of one page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageWords {
    pub width: f64,
    pub height: f64,
    pub words: Vec<Word>,
}

/// The pages of a `pdftotext -bbox-layout` document.
pub fn parse_bbox_layout(xhtml: &str) -> Vec<PageWords> {
    let mut pages: Vec<PageWords> = Vec::new();
    let (mut block, mut line) = (0usize, 0usize);
    let mut rest = xhtml;
    while let Some(start) = rest.find('<') {
        let Some(after) = rest.get(start + 1..) else { break };
        let Some(end) = after.find('>') else { break };
        let tag = after.get(..end).unwrap_or("");
        rest = after.get(end + 1..).unwrap_or("");
        let name = tag.split_whitespace().next().unwrap_or("");
        match name {
            "page" => pages.push(PageWords {
                width: attr(tag, "width").unwrap_or(0.0),
                height: attr(tag, "height").unwrap_or(0.0),
                words: Vec::new(),
            }),
            "block" => block += 1,
            "line" => line += 1,
            "word" => {
                let Some(close) = rest.find("</word>") else { break };
                let text = unescape(rest.get(..close).unwrap_or(""));
                rest = rest.get(close..).unwrap_or("");
                let r =
                    (attr(tag, "xMin"), attr(tag, "yMin"), attr(tag, "xMax"), attr(tag, "yMax"));
                if let (Some(x0), Some(y0), Some(x1), Some(y1), Some(page)) =
                    (r.0, r.1, r.2, r.3, pages.last_mut())
                    && !text.trim().is_empty()
                {
                    page.words.push(Word { text, rect: Rect::new(x0, y0, x1, y1), block, line });
                }
            }
            _ => {}
        }
    }
    pages
}

/// A numeric attribute `name="…"` of a tag.
fn attr(tag: &str, name: &str) -> Option<f64> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let value = tag.get(at..)?;
    value.get(..value.find('"')?)?.parse().ok()
}

/// The five XML entities poppler escapes, and numeric references.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let tail = rest.get(i..).unwrap_or("");
        let Some(semi) = tail.find(';').filter(|&k| k <= 10) else {
            out.push('&');
            rest = tail.get(1..).unwrap_or("");
            continue;
        };
        let entity = tail.get(1..semi).unwrap_or("");
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = tail.get(semi + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pages_blocks_lines_and_words() {
        let x = r#"<doc><page width="841.9" height="595.0"><flow><block xMin="1" yMin="2" xMax="3" yMax="4">
<line xMin="1" yMin="2" xMax="3" yMax="4"><word xMin="10.5" yMin="20" xMax="30" yMax="28">Ya&amp;Tidak</word>
<word xMin="31" yMin="20" xMax="40" yMax="28">&#233;</word></line></block></flow></page>
<page width="10" height="20"></page></doc>"#;
        let pages = parse_bbox_layout(x);
        assert_eq!(pages.len(), 2);
        let w = &pages[0].words;
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].text, "Ya&Tidak");
        assert_eq!(w[1].text, "é");
        assert_eq!(w[0].rect, Rect::new(10.5, 20.0, 30.0, 28.0));
        assert_eq!((w[0].block, w[0].line), (w[1].block, w[1].line));
        assert!(pages[1].words.is_empty());
    }
}
