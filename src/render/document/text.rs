//! Text measurement and line wrapping without a browser: widths are
//! estimated from Helvetica/Arial advance widths (the metrics of the
//! Liberation Sans and Arial fonts the document asks for), with a small
//! safety margin, so wrapped text stays inside its table cell when printed.

/// Advance widths of ASCII 32..=126 in 1/1000 em (Helvetica AFM).
const ASCII_WIDTHS: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // ' '..'/'
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // '0'..'9'
    278, 278, 584, 584, 584, 556, 1015, // ':'..'@'
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // 'A'..'M'
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // 'N'..'Z'
    278, 278, 278, 469, 556, 333, // '['..'`'
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // 'a'..'m'
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // 'n'..'z'
    334, 260, 334, 584, // '{'..'~'
];

/// Headroom for rounding and font substitution.
const SAFETY: f64 = 1.04;

/// Bold glyphs are wider; Helvetica-Bold averages about 7% more.
const BOLD: f64 = 1.08;

/// A font as the layout sees it: a size in SVG units and a weight.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Font {
    pub size: f64,
    pub bold: bool,
}

impl Font {
    pub const fn regular(size: f64) -> Font {
        Font { size, bold: false }
    }

    pub const fn bold(size: f64) -> Font {
        Font { size, bold: true }
    }

    /// The estimated width of `s` in SVG units.
    pub fn width(&self, s: &str) -> f64 {
        let per_mille: u32 = s.chars().map(char_width).sum();
        let bold = if self.bold { BOLD } else { 1.0 };
        f64::from(per_mille) / 1000.0 * self.size * SAFETY * bold
    }
}

fn char_width(c: char) -> u32 {
    let code = u32::from(c);
    if (32..=126).contains(&code) {
        let i = (code - 32) as usize;
        return ASCII_WIDTHS.get(i).map_or(556, |w| u32::from(*w));
    }
    if c.is_whitespace() {
        return 278;
    }
    // East Asian ideographs and similar full-width glyphs.
    if ('\u{1100}'..='\u{115f}').contains(&c)
        || ('\u{2e80}'..='\u{a4cf}').contains(&c)
        || ('\u{ac00}'..='\u{d7a3}').contains(&c)
        || ('\u{f900}'..='\u{faff}').contains(&c)
        || ('\u{ff00}'..='\u{ff60}').contains(&c)
    {
        return 1000;
    }
    // Latin letters with accents are as wide as their base letter; this
    // is the width of an average lowercase letter, on the safe side.
    600
}

/// Wraps `text` into lines no wider than `max` in `font`: at spaces, and
/// a word wider than a line at a `/`, `-` or Indonesian syllable boundary
/// with a visible hyphen (see [`crate::render::wrap::fit`]).
pub fn wrap(text: &str, font: Font, max: f64) -> Vec<String> {
    crate::render::wrap::fit(text, max, &|s: &str| font.width(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: Font = Font::regular(10.0);

    #[test]
    fn widths_follow_helvetica_metrics() {
        // "Hi" = H 722 + i 222 = 944/1000 em.
        assert!((F.width("Hi") - 9.44 * SAFETY).abs() < 1e-9);
        assert!(Font::bold(10.0).width("Hi") > F.width("Hi"));
        assert_eq!(F.width(""), 0.0);
    }

    #[test]
    fn wraps_at_word_boundaries_within_the_width() {
        let text = "Menerima pengaduan secara langsung, telepon, surat, surel, atau kanal daring";
        let lines = wrap(text, F, 120.0);
        assert!(lines.len() > 2, "{lines:?}");
        for line in &lines {
            assert!(F.width(line) <= 120.0, "{line}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn long_words_break_after_slashes_then_at_syllables() {
        let lines = wrap("SOP-01/PLD/BP3MI-SU/XI/2022", F, 50.0);
        assert_eq!(lines.concat(), "SOP-01/PLD/BP3MI-SU/XI/2022");
        assert!(lines.iter().all(|l| F.width(l) <= 50.0), "{lines:?}");
        assert!(lines.first().is_some_and(|l| l.ends_with('/') || l.ends_with('-')), "{lines:?}");
        let lines = wrap("Penanganan", F, 40.0);
        assert_eq!(lines, ["Pena-", "nganan"]);
        let lines = wrap("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", F, 20.0);
        assert!(lines.iter().rev().skip(1).all(|l| l.ends_with('-')), "{lines:?}");
        assert_eq!(lines.concat().replace('-', ""), "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    }

    #[test]
    fn keeps_explicit_breaks_and_never_returns_nothing() {
        assert_eq!(wrap("a\nb", F, 100.0), vec!["a", "b"]);
        assert_eq!(wrap("", F, 100.0), vec![""]);
        assert_eq!(wrap("a\n", F, 100.0), vec!["a"]);
        // A width too small for one character still makes progress.
        assert_eq!(wrap("ab", F, 1.0), vec!["a-", "b"]);
    }
}
