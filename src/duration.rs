//! Durations as SOP AP writes them in the Mutu Baku "Waktu" column, parsed
//! into a typed [`Duration`] that keeps the wording for display.
//!
//! Published SOPs write time in many ways: `15 menit`, `30 detik`,
//! `1-3 hari kerja`, `1 s.d. 3 hari`, `3 (tiga) hari kerja`, `± 2 menit`,
//! `Maks. 2 hari kerja`, `2x24 jam`, `2 jam 30 menit`, `Proses 1 Minggu`,
//! `1 (satu) hari maksimal 14 (empat belas) hari kerja`, `Maksimal 15 menit
//! terhitung persyaratan diterima lengkap`. The parser reads the class,
//! not a list: words before the first amount (qualifiers such as
//! `maksimal`, `±`, `paling lama`, or fillers such as `proses`), one
//! quantity or a range of two (joined by `-`, `s.d.`, `sd`, `s/d`,
//! `sampai`, `hingga`, `maksimal` …), a quantity made of several parts
//! (`2 jam 30 menit`) or a product (`2 x 24 jam`), amounts in digits or in
//! Indonesian number words (`tiga`, `empat belas`, `sehari`), and whatever
//! follows the unit kept as the condition (`terhitung …`).
//!
//! Three kinds of time are kept apart and never mixed silently: working
//! time (`detik`, `menit`, `jam`), working days (`hari kerja`) and calendar
//! time (`hari`, `hari kalender`, `minggu`, `bulan`, `tahun`). A bare
//! `hari` is calendar time unless the SOP or `sopmap.yaml` says that it
//! means working days ([`DayMeaning`]). Converting between the kinds needs
//! a workday length or a calendar, which is the caller's decision
//! ([`Totals`]).

use std::fmt;

use crate::diagnostic::Text;
use crate::msg;

/// A unit as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    Detik,
    Menit,
    Jam,
    HariKerja,
    /// A bare `hari`: calendar days unless the SOP says otherwise.
    Hari,
    /// `hari kalender`: calendar days, whatever a bare `hari` means.
    HariKalender,
    Minggu,
    Bulan,
    Tahun,
}

/// Which kind of time a unit measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bucket {
    /// Seconds of working time (`detik`, `menit`, `jam`).
    WorkTime,
    /// Working days (`hari kerja`).
    WorkDays,
    /// Calendar days (`hari`, `minggu` = 7, `bulan` = 30, `tahun` = 365).
    Calendar,
}

/// What a bare `hari` means in a SOP: the SOP key `days` or the
/// `sopmap.yaml` setting `days`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DayMeaning {
    /// `days: kerja`: a bare `hari` is a working day.
    Kerja,
    /// `days: kalender`: a bare `hari` is a calendar day (the default).
    Kalender,
}

impl DayMeaning {
    pub const WORDS: &'static [&'static str] = &["kerja", "kalender"];

    pub fn parse(word: &str) -> Option<DayMeaning> {
        match word.trim().to_lowercase().as_str() {
            "kerja" | "hari kerja" | "working" => Some(DayMeaning::Kerja),
            "kalender" | "hari kalender" | "calendar" => Some(DayMeaning::Kalender),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DayMeaning::Kerja => "kerja",
            DayMeaning::Kalender => "kalender",
        }
    }
}

impl Unit {
    pub const ALL: [Unit; 9] = [
        Unit::Detik,
        Unit::Menit,
        Unit::Jam,
        Unit::HariKerja,
        Unit::Hari,
        Unit::HariKalender,
        Unit::Minggu,
        Unit::Bulan,
        Unit::Tahun,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Detik => "detik",
            Unit::Menit => "menit",
            Unit::Jam => "jam",
            Unit::HariKerja => "hari kerja",
            Unit::Hari => "hari",
            Unit::HariKalender => "hari kalender",
            Unit::Minggu => "minggu",
            Unit::Bulan => "bulan",
            Unit::Tahun => "tahun",
        }
    }

    /// The English word, for `--lang en` output.
    pub fn english(self, plural: bool) -> &'static str {
        match (self, plural) {
            (Unit::Detik, false) => "second",
            (Unit::Detik, true) => "seconds",
            (Unit::Menit, false) => "minute",
            (Unit::Menit, true) => "minutes",
            (Unit::Jam, false) => "hour",
            (Unit::Jam, true) => "hours",
            (Unit::HariKerja, false) => "working day",
            (Unit::HariKerja, true) => "working days",
            (Unit::Hari, false) => "day",
            (Unit::Hari, true) => "days",
            (Unit::HariKalender, false) => "calendar day",
            (Unit::HariKalender, true) => "calendar days",
            (Unit::Minggu, false) => "week",
            (Unit::Minggu, true) => "weeks",
            (Unit::Bulan, false) => "month",
            (Unit::Bulan, true) => "months",
            (Unit::Tahun, false) => "year",
            (Unit::Tahun, true) => "years",
        }
    }

    pub fn bucket(self) -> Bucket {
        match self {
            Unit::Detik | Unit::Menit | Unit::Jam => Bucket::WorkTime,
            Unit::HariKerja => Bucket::WorkDays,
            Unit::Hari | Unit::HariKalender | Unit::Minggu | Unit::Bulan | Unit::Tahun => {
                Bucket::Calendar
            }
        }
    }

    /// How many base units (seconds, working days or calendar days) one of
    /// this unit is.
    pub fn factor(self) -> u64 {
        match self {
            Unit::Detik | Unit::HariKerja | Unit::Hari | Unit::HariKalender => 1,
            Unit::Menit => 60,
            Unit::Jam => 3600,
            Unit::Minggu => 7,
            Unit::Bulan => 30,
            Unit::Tahun => 365,
        }
    }

    /// The next smaller unit of the same kind and how many of it make one
    /// of this unit, for amounts written with a fraction (`1,5 jam`).
    fn smaller(self) -> Option<(Unit, u64)> {
        match self {
            Unit::Jam => Some((Unit::Menit, 60)),
            Unit::Menit => Some((Unit::Detik, 60)),
            Unit::Minggu => Some((Unit::Hari, 7)),
            Unit::Tahun => Some((Unit::Bulan, 12)),
            _ => None,
        }
    }
}

/// How the amount binds: exactly, at most (`maksimal`, `paling lama`),
/// about (`±`, `kurang lebih`) or at least (`minimal`). The amount is the
/// figure written; an upper bound counts as the worst case.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Bound {
    #[default]
    Exact,
    AtMost,
    About,
    AtLeast,
}

/// A parsed duration: an amount or a range of amounts in one unit, with
/// the text as written and the condition that followed the quantity.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Duration {
    pub min: u32,
    pub max: u32,
    pub unit: Unit,
    pub bound: Bound,
    /// The text as written, with runs of whitespace collapsed: what the
    /// document prints.
    pub written: String,
    /// Text after the quantity (`terhitung persyaratan diterima lengkap`).
    pub condition: Option<String>,
}

impl Duration {
    /// A plain duration (no qualifier, written in canonical form).
    pub fn new(min: u32, max: u32, unit: Unit) -> Duration {
        let mut d = Duration {
            min,
            max,
            unit,
            bound: Bound::Exact,
            written: String::new(),
            condition: None,
        };
        d.written = d.canonical();
        d
    }

    pub fn bucket(&self) -> Bucket {
        self.unit.bucket()
    }

    /// The upper bound in base units of its bucket (the worst case).
    pub fn max_base(&self) -> u64 {
        u64::from(self.max) * self.unit.factor()
    }

    /// The lower bound in base units of its bucket (the best case).
    pub fn min_base(&self) -> u64 {
        u64::from(self.min) * self.unit.factor()
    }

    /// The quantity in sopmap's own spelling: `1-3 hari kerja`, `150 menit`.
    pub fn canonical(&self) -> String {
        if self.min == self.max {
            format!("{} {}", self.max, self.unit.as_str())
        } else {
            format!("{}-{} {}", self.min, self.max, self.unit.as_str())
        }
    }

    /// The quantity with its bound and condition, in sopmap's spelling:
    /// `maksimal 15 menit terhitung …`, so that `1 Jam` and `1 jam` are
    /// the same time and `maks. 2 hari` and `2 hari` are not.
    pub fn normalized(&self) -> String {
        let bound = match self.bound {
            Bound::Exact => "",
            Bound::AtMost => "maksimal ",
            Bound::About => "± ",
            Bound::AtLeast => "minimal ",
        };
        match &self.condition {
            Some(c) => format!("{bound}{} {c}", self.canonical()),
            None => format!("{bound}{}", self.canonical()),
        }
    }

    /// The duration in both languages: as written in Indonesian, and in
    /// English words (`maksimal 3 hari kerja terhitung …` → `at most 3
    /// working days terhitung …`: the condition is the writer's own text).
    pub fn text(&self) -> Text {
        let bound = match self.bound {
            Bound::Exact => "",
            Bound::AtMost => "at most ",
            Bound::About => "about ",
            Bound::AtLeast => "at least ",
        };
        let amount = if self.min == self.max {
            format!("{} {}", self.max, self.unit.english(self.max != 1))
        } else {
            format!("{}-{} {}", self.min, self.max, self.unit.english(true))
        };
        let en = match &self.condition {
            Some(c) => format!("{bound}{amount} {c}"),
            None => format!("{bound}{amount}"),
        };
        Text::new(self.written.clone(), en)
    }

    /// A bare `hari` read with the SOP's meaning of `hari`.
    pub fn resolve_days(&mut self, meaning: DayMeaning) {
        if self.unit == Unit::Hari {
            self.unit = match meaning {
                DayMeaning::Kerja => Unit::HariKerja,
                DayMeaning::Kalender => Unit::HariKalender,
            };
        }
    }
}

impl fmt::Display for Duration {
    /// As written: the document prints the author's wording.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.written.is_empty() {
            f.write_str(&self.canonical())
        } else {
            f.write_str(&self.written)
        }
    }
}

/// Why a duration string was rejected, and what to write instead: plain
/// data in both languages (the caller prints the language of the run).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DurationError {
    pub message: Text,
    pub help: Option<Text>,
    /// The whole duration rewritten with its one misspelt unit word
    /// corrected (`30 mnit` → `30 menit`), when exactly one unit is meant;
    /// the caller offers it as a safe fix once it parses.
    pub fix: Option<String>,
}

fn err(message: Text, help: Option<Text>) -> DurationError {
    DurationError { message, help, fix: None }
}

impl DurationError {
    /// Adds the fix that writes `word`, found at byte `at` of `written`,
    /// as `meant`. Only an ASCII word is replaced (its lowercased token
    /// then has the length of what was written).
    fn with_fix(mut self, written: &str, at: usize, word: &str, meant: &str) -> DurationError {
        let end = at + word.len();
        let same = written.get(at..end).is_some_and(|w| w.eq_ignore_ascii_case(word));
        let at_word_end = written
            .get(end..)
            .is_none_or(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()));
        if word.is_ascii()
            && same
            && at_word_end
            && let (Some(head), Some(tail)) = (written.get(..at), written.get(end..))
        {
            self.fix = Some(format!("{head}{meant}{tail}"));
        }
        self
    }
}

// ---------------------------------------------------------------------------
// Tokens

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// An amount in digits: whole part, and a decimal fraction as
    /// (digits, number of digits) when written with `,` or `.`.
    Num(u64, Option<(u64, u32)>),
    /// A word, lowercased, with a trailing `.` removed (`maks.` → `maks`).
    Word(String),
    Sym(char),
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    /// Byte offset of the token in the input.
    start: usize,
}

fn tokenize(input: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut it = input.char_indices().peekable();
    while let Some(&(i, c)) = it.peek() {
        if c.is_whitespace() {
            it.next();
        } else if c.is_ascii_digit() {
            let mut whole: u64 = 0;
            while let Some(&(_, d)) = it.peek() {
                let Some(v) = d.to_digit(10) else { break };
                whole = whole.saturating_mul(10).saturating_add(u64::from(v));
                it.next();
            }
            let mut frac = None;
            if let Some(&(j, sep)) = it.peek()
                && (sep == ',' || sep == '.')
                && input
                    .get(j + 1..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(|d| d.is_ascii_digit())
            {
                it.next();
                let (mut f, mut n) = (0u64, 0u32);
                while let Some(&(_, d)) = it.peek() {
                    let Some(v) = d.to_digit(10) else { break };
                    if n < 6 {
                        f = f * 10 + u64::from(v);
                        n += 1;
                    }
                    it.next();
                }
                frac = Some((f, n));
            }
            out.push(Token { tok: Tok::Num(whole, frac), start: i });
        } else if c.is_alphabetic() {
            let mut w = String::new();
            while let Some(&(j, d)) = it.peek() {
                let next_is_letter = || {
                    input
                        .get(j + d.len_utf8()..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(char::is_alphabetic)
                };
                // `s.d`, `s/d`, `selambat-lambatnya`; but `menit/berkas` is
                // a unit and its condition.
                let joins = match d {
                    '-' | '.' => true,
                    '/' => w.chars().count() == 1,
                    _ => false,
                };
                if d.is_alphabetic() || (joins && next_is_letter()) {
                    w.extend(d.to_lowercase());
                    it.next();
                } else if d == '.' {
                    // A closing dot of an abbreviation (`maks.`, `s.d.`).
                    it.next();
                    break;
                } else {
                    break;
                }
            }
            out.push(Token { tok: Tok::Word(w), start: i });
        } else if let Some(unit) = prime_unit(c, &mut it, &out) {
            // `5'` and `30"` (minutes and seconds marks, as some tables
            // write them): the mark stands for the unit word.
            out.push(Token { tok: Tok::Word(unit.into()), start: i });
        } else {
            out.push(Token { tok: Tok::Sym(c), start: i });
            it.next();
        }
    }
    out
}

/// A minutes mark (`'`, `’`, `′`) or seconds mark (`"`, `''`, `″`, `”`)
/// right after an amount, read as the unit word; consumes the mark.
fn prime_unit(
    c: char,
    it: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    before: &[Token],
) -> Option<&'static str> {
    if !matches!(before.last(), Some(Token { tok: Tok::Num(..), .. })) {
        return None;
    }
    let minute = matches!(c, '\'' | '’' | '′');
    let second = matches!(c, '"' | '″' | '”');
    if !minute && !second {
        return None;
    }
    it.next();
    if minute && it.peek().is_some_and(|&(_, d)| matches!(d, '\'' | '’' | '′')) {
        it.next();
        return Some("detik");
    }
    Some(if minute { "menit" } else { "detik" })
}

// ---------------------------------------------------------------------------
// Vocabulary

fn unit_word(words: &[&str]) -> Option<(Unit, usize)> {
    let first = *words.first()?;
    let second = words.get(1).copied().unwrap_or("");
    let unit = match first {
        "detik" | "dtk" | "det" => Unit::Detik,
        "menit" | "mnt" => Unit::Menit,
        "jam" => Unit::Jam,
        "hk" => Unit::HariKerja,
        "hari" | "hr" => match second {
            "kerja" => return Some((Unit::HariKerja, 2)),
            "kalender" | "kalendar" => return Some((Unit::HariKalender, 2)),
            _ => Unit::Hari,
        },
        "hari-kerja" | "harikerja" => Unit::HariKerja,
        "minggu" | "pekan" | "mgg" => Unit::Minggu,
        "bulan" | "bln" => Unit::Bulan,
        "tahun" | "thn" => Unit::Tahun,
        _ => return None,
    };
    Some((unit, 1))
}

/// `sehari` = 1 hari, `sejam`, `seminggu`, `sebulan`, `setahun`.
fn se_unit(word: &str) -> Option<Unit> {
    match word {
        "sedetik" => Some(Unit::Detik),
        "semenit" => Some(Unit::Menit),
        "sejam" => Some(Unit::Jam),
        "sehari" => Some(Unit::Hari),
        "seminggu" | "sepekan" => Some(Unit::Minggu),
        "sebulan" => Some(Unit::Bulan),
        "setahun" => Some(Unit::Tahun),
        _ => None,
    }
}

/// Words that make the amount an upper bound (one or two words).
const AT_MOST: &[&[&str]] = &[
    &["maksimal"],
    &["maksimum"],
    &["maks"],
    &["max"],
    &["paling", "lama"],
    &["paling", "lambat"],
    &["selambat-lambatnya"],
    &["selama-lamanya"],
    &["tidak", "lebih", "dari"],
    &["kurang", "dari"],
];
const ABOUT: &[&[&str]] = &[
    &["kurang", "lebih"],
    &["lebih", "kurang"],
    &["sekitar"],
    &["kira-kira"],
    &["kurleb"],
    &["estimasi"],
    &["perkiraan"],
];
const AT_LEAST: &[&[&str]] =
    &[&["minimal"], &["minimum"], &["paling", "cepat"], &["sekurang-kurangnya"], &["min"]];
/// Words between the two ends of a range.
const RANGE: &[&[&str]] = &[
    &["s.d"],
    &["s/d"],
    &["sd"],
    &["sampai", "dengan"],
    &["sampai"],
    &["hingga"],
    &["s", "d"],
    &["maksimal"],
    &["maksimum"],
    &["maks"],
    &["max"],
    &["paling", "lama"],
    &["paling", "lambat"],
    &["selambat-lambatnya"],
    &["atau"],
];

fn starts_with_phrase(words: &[&str], phrases: &[&[&str]]) -> Option<usize> {
    phrases
        .iter()
        .filter(|p| words.len() >= p.len() && words.iter().zip(p.iter()).all(|(a, b)| a == b))
        .map(|p| p.len())
        .max()
}

fn digit_word(w: &str) -> Option<u64> {
    Some(match w {
        "nol" => 0,
        "satu" | "se" => 1,
        "dua" => 2,
        "tiga" => 3,
        "empat" => 4,
        "lima" => 5,
        "enam" => 6,
        "tujuh" => 7,
        "delapan" => 8,
        "sembilan" => 9,
        _ => return None,
    })
}

/// An amount in Indonesian number words at the start of `words`:
/// `satu`, `sepuluh`, `empat belas`, `dua puluh lima`, `seratus`. Returns
/// the value and how many words it took.
fn number_words(words: &[&str]) -> Option<(u64, usize)> {
    let mut total = 0u64;
    let mut used = 0usize;
    let mut current: Option<u64> = None;
    while let Some(w) = words.get(used) {
        match *w {
            "sepuluh" => current = Some(current.unwrap_or(0) + 10),
            "sebelas" => current = Some(current.unwrap_or(0) + 11),
            "seratus" => {
                total += 100;
                current = None;
            }
            "belas" => match current {
                Some(c) if c < 10 => current = Some(c + 10),
                _ => break,
            },
            "puluh" => match current {
                Some(c) if c < 10 => current = Some(c * 10),
                _ => break,
            },
            "ratus" => match current {
                Some(c) if c < 10 => {
                    total += c * 100;
                    current = None;
                }
                _ => break,
            },
            w => match (digit_word(w), current) {
                (Some(d), None) if w != "se" => current = Some(d),
                (Some(d), Some(c)) if c >= 10 && c % 10 == 0 && w != "se" => current = Some(c + d),
                _ => break,
            },
        }
        used += 1;
    }
    if used == 0 {
        return None;
    }
    Some((total + current.unwrap_or(0), used))
}

/// "setengah" and "½": one half of the unit that follows.
fn half_word(w: &str) -> bool {
    w == "setengah" || w == "separuh"
}

// ---------------------------------------------------------------------------
// Parser

/// An amount as a fraction `num / den`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Amount {
    num: u64,
    den: u64,
}

/// One quantity: an amount in a unit, already reduced to a whole number
/// of its unit (`1,5 jam` → 90 menit).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Qty {
    amount: u64,
    unit: Unit,
}

struct Cursor<'a> {
    toks: &'a [Token],
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.tok)
    }

    /// Up to four words from here, stopping at the first non-word.
    fn words(&self) -> Vec<&str> {
        self.toks
            .get(self.pos..)
            .unwrap_or(&[])
            .iter()
            .take(4)
            .map_while(|t| match &t.tok {
                Tok::Word(w) => Some(w.as_str()),
                _ => None,
            })
            .collect()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    fn offset(&self, input_len: usize) -> usize {
        self.toks.get(self.pos).map_or(input_len, |t| t.start)
    }

    /// Skips a parenthesised group made only of words (`(empat belas)`):
    /// the amount in words that repeats the digits.
    fn skip_words_in_parens(&mut self) {
        if self.peek() != Some(&Tok::Sym('(')) {
            return;
        }
        let mut j = self.pos + 1;
        while let Some(t) = self.toks.get(j) {
            match &t.tok {
                Tok::Word(_) => j += 1,
                Tok::Sym(')') => {
                    self.pos = j + 1;
                    return;
                }
                _ => return,
            }
        }
    }

    /// An amount: digits (with a decimal fraction), `½`, number words.
    fn amount(&mut self) -> Option<Amount> {
        let a = match self.peek()? {
            Tok::Num(whole, frac) => {
                let a = match frac {
                    None => Amount { num: *whole, den: 1 },
                    Some((f, n)) => {
                        let den = 10u64.pow(*n);
                        Amount { num: whole.saturating_mul(den).saturating_add(*f), den }
                    }
                };
                self.pos += 1;
                // `1 ½ jam`
                if self.peek() == Some(&Tok::Sym('½')) && a.den == 1 {
                    self.pos += 1;
                    return Some(Amount { num: a.num * 2 + 1, den: 2 });
                }
                // `1/2 jam`
                if a.den == 1
                    && self.peek() == Some(&Tok::Sym('/'))
                    && let Some(Token { tok: Tok::Num(d, None), .. }) = self.toks.get(self.pos + 1)
                    && *d > 0
                    && a.num < *d
                {
                    self.pos += 2;
                    return Some(Amount { num: a.num, den: *d });
                }
                a
            }
            Tok::Sym('½') => {
                self.pos += 1;
                Amount { num: 1, den: 2 }
            }
            Tok::Word(_) => {
                let words = self.words();
                if words.first().is_some_and(|w| half_word(w)) {
                    self.pos += 1;
                    return Some(Amount { num: 1, den: 2 });
                }
                let (v, used) = number_words(&words)?;
                self.pos += used;
                Amount { num: v, den: 1 }
            }
            Tok::Sym(_) => return None,
        };
        self.skip_words_in_parens();
        Some(a)
    }

    fn unit(&mut self) -> Option<Unit> {
        let words = self.words();
        let (u, used) = unit_word(&words)?;
        self.pos += used;
        Some(u)
    }

    fn skip_phrase(&mut self, phrases: &[&[&str]]) -> bool {
        match starts_with_phrase(&self.words(), phrases) {
            Some(n) => {
                self.pos += n;
                true
            }
            None => false,
        }
    }
}

/// Reduces `amount` of `unit` to a whole number of `unit` or of a smaller
/// unit of the same kind.
fn whole(amount: Amount, unit: Unit) -> Result<Qty, (Amount, Unit)> {
    let (mut num, den, mut unit) = (amount.num, amount.den, unit);
    loop {
        if num % den == 0 {
            return Ok(Qty { amount: num / den, unit });
        }
        match unit.smaller() {
            Some((u, f)) => {
                num = num.saturating_mul(f);
                unit = u;
            }
            None => return Err((Amount { num, den }, unit)),
        }
    }
}

/// Brings two quantities of one kind to the smaller unit. A bare `hari`
/// next to `hari kerja` or `hari kalender` takes that meaning.
fn common(a: Qty, b: Qty) -> Option<(u64, u64, Unit)> {
    if a.unit == b.unit {
        return Some((a.amount, b.amount, a.unit));
    }
    let day_like = |u: Unit| matches!(u, Unit::Hari | Unit::HariKerja | Unit::HariKalender);
    if day_like(a.unit) && day_like(b.unit) {
        let unit = if a.unit == Unit::Hari { b.unit } else { a.unit };
        if a.unit != Unit::Hari && b.unit != Unit::Hari {
            return None;
        }
        return Some((a.amount, b.amount, unit));
    }
    if a.unit.bucket() != b.unit.bucket() {
        return None;
    }
    let unit = if a.unit.factor() <= b.unit.factor() { a.unit } else { b.unit };
    let f = unit.factor();
    Some((
        a.amount.saturating_mul(a.unit.factor() / f),
        b.amount.saturating_mul(b.unit.factor() / f),
        unit,
    ))
}

/// Parses a duration. Case-insensitive; see the module documentation for
/// the forms read.
pub fn parse(input: &str) -> Result<Duration, DurationError> {
    let written = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if written.is_empty() {
        return Err(err(
            msg!("waktu kosong" / "empty duration"),
            Some(msg!(
                "tuliskan jumlah dan satuan, misalnya `30 menit`"
                    / "write an amount and a unit, e.g. `30 menit`"
            )),
        ));
    }
    let toks = tokenize(&written);
    let mut c = Cursor { toks: &toks, pos: 0 };
    let mut bound = Bound::Exact;

    // Words before the first amount: qualifiers and fillers.
    let lead_start = 0usize;
    let mut lead_unknown = false;
    loop {
        if c.at_end() {
            return Err(no_amount(&written));
        }
        match c.peek() {
            Some(Tok::Num(..) | Tok::Sym('½')) => break,
            Some(Tok::Sym('±')) | Some(Tok::Sym('≈')) | Some(Tok::Sym('~')) => {
                bound = Bound::About;
                c.pos += 1;
            }
            Some(Tok::Sym('≤')) | Some(Tok::Sym('<')) => {
                bound = Bound::AtMost;
                c.pos += 1;
                if c.peek() == Some(&Tok::Sym('=')) {
                    c.pos += 1;
                }
            }
            Some(Tok::Sym('+')) => {
                // `+/-` and `+-`
                c.pos += 1;
                while matches!(c.peek(), Some(Tok::Sym('/' | '-'))) {
                    c.pos += 1;
                }
                bound = Bound::About;
            }
            Some(Tok::Sym(_)) => c.pos += 1,
            Some(Tok::Word(w)) => {
                if se_unit(w).is_some() || half_word(w) || number_words(&c.words()).is_some() {
                    break;
                }
                if let Some(n) = starts_with_phrase(&c.words(), AT_MOST) {
                    bound = Bound::AtMost;
                    c.pos += n;
                } else if let Some(n) = starts_with_phrase(&c.words(), ABOUT) {
                    bound = Bound::About;
                    c.pos += n;
                } else if let Some(n) = starts_with_phrase(&c.words(), AT_LEAST) {
                    bound = Bound::AtLeast;
                    c.pos += n;
                } else {
                    if !FILLERS.contains(&w.as_str()) {
                        lead_unknown = true;
                    }
                    c.pos += 1;
                }
            }
            None => return Err(no_amount(&written)),
        }
    }
    let lead_end = c.offset(written.len());

    let first = quantity(&mut c, &written)?;
    let (mut lo, mut hi, mut unit) = match first {
        Parsed::Qty(q) => (q.amount, q.amount, q.unit),
        Parsed::Bare(a) => {
            // `1-3 hari`, `1 s.d. 3 hari`: the unit comes after the second.
            if !skip_range(&mut c) {
                return Err(missing_unit(a));
            }
            let second = match quantity(&mut c, &written)? {
                Parsed::Qty(q) => q,
                Parsed::Bare(b) => return Err(missing_unit(b)),
            };
            let low = whole(a, second.unit).map_err(|(a, u)| decimal(&written, a, u))?;
            let (l, h, u) = common(low, second).ok_or_else(|| mixed(&written))?;
            (l, h, u)
        }
    };
    // A second quantity after the first: `1 hari maksimal 14 hari kerja`.
    let save = c.pos;
    if lo == hi && skip_range(&mut c) {
        match quantity(&mut c, &written) {
            Ok(Parsed::Qty(second)) => {
                let (l, h, u) =
                    common(Qty { amount: lo, unit }, second).ok_or_else(|| mixed(&written))?;
                (lo, hi, unit) = (l, h, u);
            }
            Ok(Parsed::Bare(b)) if b.den == 1 => {
                // `1 hari - 3` is unusual; read the second in the same unit.
                hi = b.num;
            }
            _ => c.pos = save,
        }
    }
    if hi < lo {
        let unit = unit.as_str();
        return Err(err(
            msg!("rentang `{lo}-{hi}` terbalik" / "the range `{lo}-{hi}` runs backwards"),
            Some(msg!("tuliskan `{hi}-{lo} {unit}`" / "write `{hi}-{lo} {unit}`")),
        ));
    }
    let tail_start = c.offset(written.len());
    let tail = written.get(tail_start..).unwrap_or("").trim();
    let tail = tail.trim_start_matches([',', ';', ':', '/', '-', '–']).trim();
    // A second quantity in the tail means the cell states two times.
    if has_quantity(toks.get(c.pos..).unwrap_or(&[])) {
        return Err(err(
            msg!(
                "`{written}` menyebutkan lebih dari satu waktu"
                    / "`{written}` states more than one time"
            ),
            Some(msg!(
                "tuliskan yang terlama sebagai `time: …` dan seluruh teksnya sebagai `time_note: {written}`"
                    / "write the longest as `time: …` and the whole text as `time_note: {written}`"
            )),
        ));
    }
    // `2 minggu kerja`: only days come in working and calendar kinds.
    if unit != Unit::Hari
        && let Some(kind @ ("kerja" | "kalender")) =
            tail.split_whitespace().next().map(str::to_lowercase).as_deref()
    {
        let n = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
        let help = match (unit, kind) {
            (Unit::Minggu, "kerja") => {
                let days = Duration::new(
                    n(lo.saturating_mul(5)),
                    n(hi.saturating_mul(5)),
                    Unit::HariKerja,
                )
                .canonical();
                msg!(
                    "tuliskan `{days}` (5 hari kerja dalam seminggu)"
                        / "write `{days}` (5 working days a week)"
                )
            }
            (Unit::Bulan, "kerja") => msg!(
                "tuliskan jumlah hari kerjanya, misalnya `20 hari kerja` untuk sebulan"
                    / "write the working days, e.g. `20 hari kerja` for a month"
            ),
            _ => {
                let same = Duration::new(n(lo), n(hi), unit).canonical();
                msg!(
                    "tuliskan `{same}` atau `{lo} hari {kind}`"
                        / "write `{same}` or `{lo} hari {kind}`"
                )
            }
        };
        let unit = unit.as_str();
        return Err(err(
            msg!(
                "satuan waktu `{unit} {kind}` tidak dikenal" / "unknown time unit `{unit} {kind}`"
            ),
            Some(help),
        ));
    }
    if let Some(close) = near_unit_word(tail) {
        let (unit, word) = (unit.as_str(), first_word(tail));
        let e = err(
            msg!(
                "satuan waktu `{unit} {word}` tidak dikenal" / "unknown time unit `{unit} {word}`"
            ),
            Some(crate::suggest::meant_text(close)),
        );
        // `hari kerjaa` → `hari kerja`: the second word is replaced.
        let second = close.split_once(' ').map_or(close, |(_, w)| w);
        let at = written.get(tail_start..).and_then(|t| t.find(word)).map(|i| tail_start + i);
        return Err(match at {
            Some(at) => e.with_fix(&written, at, &word.to_lowercase(), second),
            None => e,
        });
    }
    let mut condition = Vec::new();
    if lead_unknown {
        condition.push(written.get(lead_start..lead_end).unwrap_or("").trim().to_string());
    }
    if !tail.is_empty() {
        condition.push(tail.to_string());
    }
    let min = u32::try_from(lo).map_err(|_| too_large(lo))?;
    let max = u32::try_from(hi).map_err(|_| too_large(hi))?;
    Ok(Duration {
        min,
        max,
        unit,
        bound,
        written,
        condition: if condition.is_empty() { None } else { Some(condition.join("; ")) },
    })
}

/// Leading words that only say "this is the time" (`Proses 1 minggu`).
const FILLERS: &[&str] = &[
    "proses",
    "waktu",
    "selama",
    "dalam",
    "jangka",
    "lama",
    "penyelesaian",
    "kurun",
    "diproses",
    "dilayani",
    "diselesaikan",
    "selesai",
    "ditunggu",
    "langsung",
];

enum Parsed {
    Qty(Qty),
    /// An amount not followed by a unit.
    Bare(Amount),
}

/// One quantity: `2 jam 30 menit`, `2 x 24 jam`, `1,5 jam`, `sehari`.
fn quantity(c: &mut Cursor<'_>, written: &str) -> Result<Parsed, DurationError> {
    if let Some(Tok::Word(w)) = c.peek()
        && let Some(u) = se_unit(w)
    {
        c.pos += 1;
        return Ok(Parsed::Qty(Qty { amount: 1, unit: u }));
    }
    let Some(a) = c.amount() else {
        return Err(no_amount(written));
    };
    // `2x24 jam`, `3 x 24 jam`, `2 × 60 menit`
    let product = match c.peek() {
        Some(Tok::Word(w)) if w == "x" || w == "kali" => true,
        Some(Tok::Sym('×' | '*')) => true,
        _ => false,
    };
    if product {
        let save = c.pos;
        c.pos += 1;
        if let Some(b) = c.amount()
            && let Some(u) = c.unit()
        {
            if a.den != 1 || b.den != 1 {
                return Err(decimal(written, if a.den == 1 { b } else { a }, u));
            }
            // N x 24 jam: N days round the clock.
            if u == Unit::Jam && b.num == 24 {
                return Ok(Parsed::Qty(Qty { amount: a.num, unit: Unit::Hari }));
            }
            return Ok(Parsed::Qty(Qty { amount: a.num.saturating_mul(b.num), unit: u }));
        }
        c.pos = save;
    }
    let Some(unit) = c.unit() else {
        if let Some(Tok::Word(w)) = c.peek()
            && starts_with_phrase(&c.words(), RANGE).is_none()
        {
            let w = w.clone();
            let at = c.offset(written.len());
            let e = unknown_unit(&w, a);
            return Err(match meant_unit(&w) {
                Some(u) => e.with_fix(written, at, &w, u.as_str()),
                None => e,
            });
        }
        return Ok(Parsed::Bare(a));
    };
    let mut q = whole(a, unit).map_err(|(a, u)| decimal(written, a, u))?;
    // Further parts: `2 jam 30 menit`, `1 jam 15 menit 30 detik`.
    loop {
        let save = c.pos;
        let Some(b) = c.amount() else { break };
        let Some(u2) = c.unit() else {
            c.pos = save;
            break;
        };
        if u2.bucket() != unit.bucket() {
            return Err(mixed_days_and_time(written, q, b, u2));
        }
        if u2.factor() >= q.unit.factor() {
            c.pos = save;
            break;
        }
        let part = whole(b, u2).map_err(|(a, u)| decimal(written, a, u))?;
        let (x, y, u) = common(q, part).ok_or_else(|| mixed(written))?;
        q = Qty { amount: x.saturating_add(y), unit: u };
    }
    Ok(Parsed::Qty(q))
}

fn skip_range(c: &mut Cursor<'_>) -> bool {
    match c.peek() {
        Some(Tok::Sym('-' | '–' | '—' | '~')) => {
            c.pos += 1;
            true
        }
        Some(Tok::Sym('/')) => {
            // `s/d` split by the tokenizer when written `s / d`: rare.
            false
        }
        Some(Tok::Word(_)) => c.skip_phrase(RANGE),
        _ => false,
    }
}

/// Whether the tokens hold an amount followed by a unit.
fn has_quantity(toks: &[Token]) -> bool {
    toks.windows(2).any(|w| match w {
        [Token { tok: Tok::Num(..), .. }, Token { tok: Tok::Word(u), .. }] => {
            unit_word(&[u.as_str()]).is_some()
        }
        _ => false,
    }) || toks.iter().any(|t| matches!(&t.tok, Tok::Word(w) if se_unit(w).is_some()))
}

fn first_word(s: &str) -> &str {
    s.split_whitespace().next().unwrap_or("")
}

/// `hari kerjaa`, `hari kalnder`: a misspelt second word of a unit.
fn near_unit_word(tail: &str) -> Option<&'static str> {
    let w = first_word(tail).to_lowercase();
    if w.is_empty() || w == "kerja" || w == "kalender" {
        return None;
    }
    crate::suggest::closest(&w, ["kerja", "kalender"])
        .filter(|_| w.len() >= 4)
        .map(|c| if c == "kerja" { "hari kerja" } else { "hari kalender" })
}

fn too_large(v: u64) -> DurationError {
    err(msg!("jumlah `{v}` terlalu besar" / "the amount `{v}` is too large"), None)
}

fn no_amount(written: &str) -> DurationError {
    let lower = written.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let unit = (0..words.len()).find_map(|i| unit_word(words.get(i..).unwrap_or(&[])));
    let help = match unit {
        Some((u, _)) => {
            let u = u.as_str();
            msg!(
                "tuliskan jumlah sebelum satuannya, misalnya `1 {u}`"
                    / "write an amount before the unit, e.g. `1 {u}`"
            )
        }
        None => msg!(
            "tuliskan jumlah dan satuan, misalnya `30 menit` atau `2 hari kerja`; waktu yang tidak \
             dapat dihitung ditulis pada `time_note: {written}`"
                / "write an amount and a unit, e.g. `30 menit` or `2 hari kerja`; a time that cannot \
                   be counted goes in `time_note: {written}`"
        ),
    };
    err(msg!("`{written}` bukan penulisan waktu" / "`{written}` is not a duration"), Some(help))
}

fn missing_unit(a: Amount) -> DurationError {
    let n = if a.den == 1 { a.num.to_string() } else { "1".into() };
    err(
        msg!("satuan waktu wajib dicantumkan" / "a time unit is required"),
        Some(msg!(
            "tuliskan misalnya `{n} menit` atau `{n} hari kerja`"
                / "write e.g. `{n} menit` or `{n} hari kerja`"
        )),
    )
}

/// The one unit a misspelt unit word means: a known other spelling
/// (`mnit`, `hrs`), else the only unit name nearest to it.
fn meant_unit(word: &str) -> Option<Unit> {
    // `m`, `h`, `mg`: too short to be sure which unit was meant.
    if word.chars().count() < 3 {
        return None;
    }
    if let Some(u) = alias(word) {
        return Some(u);
    }
    let names = Unit::ALL.map(Unit::as_str);
    let name = crate::suggest::closest_unique(word, &names)?;
    Unit::ALL.into_iter().find(|u| u.as_str() == name)
}

fn unknown_unit(word: &str, a: Amount) -> DurationError {
    let names = Unit::ALL.map(Unit::as_str);
    let help = alias(word)
        .map(|u| {
            let n = if a.den == 1 { a.num.to_string() } else { "…".into() };
            let u = u.as_str();
            msg!(
                "mungkin maksud Anda `{u}`? tuliskan `{n} {u}`"
                    / "did you mean `{u}`? write `{n} {u}`"
            )
        })
        .or_else(|| crate::suggest::meant(word, names))
        .unwrap_or_else(|| {
            msg!(
                "satuan yang dikenal: `detik`, `menit`, `jam`, `hari kerja`, `hari`, `hari kalender`, \
                 `minggu`, `bulan`, `tahun`"
                    / "units are `detik`, `menit`, `jam`, `hari kerja`, `hari`, `hari kalender`, \
                       `minggu`, `bulan`, `tahun`"
            )
        });
    err(msg!("satuan waktu `{word}` tidak dikenal" / "unknown time unit `{word}`"), Some(help))
}

fn mixed(written: &str) -> DurationError {
    err(
        msg!(
            "`{written}` mencampur waktu kerja, hari kerja dan hari kalender"
                / "`{written}` mixes working time, working days and calendar days"
        ),
        Some(msg!(
            "tuliskan satu jenis waktu, misalnya `10 jam` sebagai ganti `1 hari kerja 2 jam` \
             (dengan hari kerja 8 jam), dan simpan rumusan aslinya pada `time_note`"
                / "write one kind of time, e.g. `10 jam` instead of `1 hari kerja 2 jam` (with an \
                   8-jam workday), and keep the wording in `time_note`"
        )),
    )
}

/// `2 hari kerja 3 jam`: days and working time in one quantity. The help
/// gives the same quantity in working time with the usual 8-jam workday
/// (a bare `hari` read as a working day, as most SOPs mean it); other
/// mixes get the general help.
fn mixed_days_and_time(written: &str, days: Qty, amount: Amount, unit: Unit) -> DurationError {
    let day_like = matches!(days.unit, Unit::HariKerja | Unit::Hari);
    if !day_like || unit.bucket() != Bucket::WorkTime || amount.den != 1 {
        return mixed(written);
    }
    let seconds = days
        .amount
        .saturating_mul(8 * 3600)
        .saturating_add(amount.num.saturating_mul(unit.factor()));
    let (read_id, read_en) = if days.unit == Unit::Hari {
        (", dengan `hari` dibaca sebagai hari kerja", ", reading `hari` as a working day")
    } else {
        ("", "")
    };
    let hours = format_seconds(seconds);
    err(
        msg!(
            "`{written}` mencampur hari kerja dengan waktu kerja"
                / "`{written}` mixes working days and working time"
        ),
        Some(msg!(
            "tuliskan `{hours}` (dengan hari kerja 8 jam{read_id}), dan simpan rumusan aslinya pada `time_note`"
                / "write `{hours}` (with an 8-jam workday{read_en}), and keep the wording in `time_note`"
        )),
    )
}

fn decimal(written: &str, amount: Amount, unit: Unit) -> DurationError {
    let den = amount.den.max(1);
    let help = match unit {
        // The same quantity in hours, with the usual 8-jam workday.
        Unit::HariKerja => {
            let hours = format_minutes(amount.num.saturating_mul(8 * 60) / den);
            let up = amount.num.div_ceil(den);
            msg!(
                "tuliskan `{hours}` (dengan hari kerja 8 jam), atau bulatkan ke atas menjadi `{up} hari kerja`"
                    / "write `{hours}` (with an 8-jam workday), or round up to `{up} hari kerja`"
            )
        }
        Unit::Hari | Unit::HariKalender => {
            let (up, u) = (amount.num.div_ceil(den), unit.as_str());
            msg!(
                "hari kalender tidak memiliki satuan yang lebih kecil di sini: bulatkan ke atas menjadi `{up} {u}`"
                    / "a calendar day has no smaller unit here: round up to `{up} {u}`"
            )
        }
        _ => msg!(
            "gunakan jumlah bulat dari satuan yang lebih kecil, misalnya `90 menit` sebagai ganti `1,5 jam`"
                / "use a whole amount of a smaller unit, e.g. `90 menit` instead of `1,5 jam`"
        ),
    };
    let (id_unit, en_unit) = (unit.as_str(), unit.english(true));
    err(
        msg!(
            "`{written}` bukan bilangan bulat {id_unit}"
                / "`{written}` is not a whole number of {en_unit}"
        ),
        Some(help),
    )
}

/// Abbreviations and English words people write for a unit.
fn alias(text: &str) -> Option<Unit> {
    match text.trim_end_matches('.') {
        "s" | "sec" | "secs" | "second" | "seconds" | "dt" => Some(Unit::Detik),
        "min" | "mins" | "minute" | "minutes" | "m" | "mnit" => Some(Unit::Menit),
        "j" | "h" | "hrs" | "hour" | "hours" => Some(Unit::Jam),
        "working" | "workday" | "workdays" => Some(Unit::HariKerja),
        "d" | "day" | "days" => Some(Unit::Hari),
        "mg" | "week" | "weeks" => Some(Unit::Minggu),
        "month" | "months" => Some(Unit::Bulan),
        "year" | "years" | "th" => Some(Unit::Tahun),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Sums

/// Time summed per bucket, in base units: seconds of working time, working
/// days and calendar days. Sums never convert between buckets by
/// themselves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Totals {
    pub work_seconds: u64,
    pub work_days: u64,
    pub calendar_days: u64,
}

impl Totals {
    pub fn of(d: &Duration, upper: bool) -> Totals {
        let v = if upper { d.max_base() } else { d.min_base() };
        let mut t = Totals::default();
        match d.bucket() {
            Bucket::WorkTime => t.work_seconds = v,
            Bucket::WorkDays => t.work_days = v,
            Bucket::Calendar => t.calendar_days = v,
        }
        t
    }

    /// Working time in whole minutes, rounded up.
    pub fn work_minutes(&self) -> u64 {
        self.work_seconds.div_ceil(60)
    }

    #[must_use]
    pub fn plus(self, o: Totals) -> Totals {
        Totals {
            work_seconds: self.work_seconds.saturating_add(o.work_seconds),
            work_days: self.work_days.saturating_add(o.work_days),
            calendar_days: self.calendar_days.saturating_add(o.calendar_days),
        }
    }

    pub fn is_zero(&self) -> bool {
        *self == Totals::default()
    }

    /// Working time and working days in seconds of working time, given the
    /// workday length in minutes: `None` when calendar time is mixed in,
    /// since calendar days and working days cannot be compared without a
    /// calendar.
    pub fn in_work_seconds(&self, workday_minutes: u64) -> Option<u64> {
        if self.calendar_days > 0 {
            return None;
        }
        Some(
            self.work_seconds
                .saturating_add(self.work_days.saturating_mul(workday_minutes.saturating_mul(60))),
        )
    }

    /// [`Totals::in_work_seconds`] in whole minutes, rounded up.
    pub fn in_work_minutes(&self, workday_minutes: u64) -> Option<u64> {
        self.in_work_seconds(workday_minutes).map(|s| s.div_ceil(60))
    }
}

impl fmt::Display for Totals {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if self.calendar_days > 0 {
            parts.push(format!("{} hari", self.calendar_days));
        }
        if self.work_days > 0 {
            parts.push(format!("{} hari kerja", self.work_days));
        }
        if self.work_seconds > 0 || parts.is_empty() {
            parts.push(format_seconds(self.work_seconds));
        }
        f.write_str(&parts.join(" + "))
    }
}

impl Totals {
    /// The total in words in both languages: `2 hari kerja + 1 jam 30
    /// menit` / `2 working days + 1 hour 30 minutes`. Buckets are never
    /// merged.
    pub fn text(&self) -> Text {
        Text::new(self.to_string(), self.english())
    }

    fn english(&self) -> String {
        let unit =
            |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = Vec::new();
        if self.calendar_days > 0 {
            parts.push(unit(self.calendar_days, "day", "days"));
        }
        if self.work_days > 0 {
            parts.push(unit(self.work_days, "working day", "working days"));
        }
        if self.work_seconds > 0 || parts.is_empty() {
            let s = self.work_seconds;
            let (h, m, sec) = (s / 3600, (s % 3600) / 60, s % 60);
            let mut time = Vec::new();
            if h > 0 {
                time.push(unit(h, "hour", "hours"));
            }
            if m > 0 || (h == 0 && sec == 0) {
                time.push(unit(m, "minute", "minutes"));
            }
            if sec > 0 {
                time.push(unit(sec, "second", "seconds"));
            }
            parts.push(time.join(" "));
        }
        parts.join(" + ")
    }
}

/// `95` → `1 jam 35 menit`; `120` → `2 jam`; `30` → `30 menit`.
pub fn format_minutes(m: u64) -> String {
    format_seconds(m.saturating_mul(60))
}

/// `5730` → `1 jam 35 menit 30 detik`; `30` → `30 detik`; `0` → `0 menit`.
pub fn format_seconds(s: u64) -> String {
    let (h, m, sec) = (s / 3600, (s % 3600) / 60, s % 60);
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(format!("{h} jam"));
    }
    if m > 0 || (h == 0 && sec == 0) {
        parts.push(format!("{m} menit"));
    }
    if sec > 0 {
        parts.push(format!("{sec} detik"));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> Duration {
        match parse(s) {
            Ok(d) => d,
            Err(e) => panic!("{s}: {} ({:?})", e.message.en, e.help),
        }
    }

    /// (min, max, unit, bound) of a parsed text.
    fn q(s: &str) -> (u32, u32, Unit, Bound) {
        let d = ok(s);
        (d.min, d.max, d.unit, d.bound)
    }

    fn help(s: &str) -> String {
        match parse(s) {
            Ok(d) => panic!("{s} parsed as {}", d.canonical()),
            Err(e) => format!("{}; {}", e.message.en, e.help.map(|h| h.en).unwrap_or_default()),
        }
    }

    use Bound::{About, AtLeast, AtMost, Exact};
    use Unit::*;

    #[test]
    fn accepts_the_documented_forms() {
        assert_eq!(q("15 menit"), (15, 15, Menit, Exact));
        assert_eq!(ok("2 jam").max_base(), 7200);
        assert_eq!(q("1-3 hari kerja"), (1, 3, HariKerja, Exact));
        assert_eq!(ok("3 (tiga) hari kerja").max, 3);
        assert_eq!(q("maksimal 1 hari kerja"), (1, 1, HariKerja, AtMost));
        assert_eq!(ok("Maksimal 1 (satu) Hari Kerja").unit, HariKerja);
        assert_eq!(ok("paling lama 30 hari").unit, Hari);
        assert_eq!(ok("1 minggu").max_base(), 7);
        assert_eq!(ok("2 bulan").max_base(), 60);
        assert_eq!(ok("1 - 3 hari").min, 1);
        assert_eq!(ok("30 menit").to_string(), "30 menit");
    }

    /// Every form of issue 12, one assertion each.
    #[test]
    fn reads_the_forms_of_published_sops() {
        assert_eq!(q("30 detik"), (30, 30, Detik, Exact));
        assert_eq!(ok("30 detik").max_base(), 30);
        assert_eq!(q("± 2 menit"), (2, 2, Menit, About));
        assert_eq!(q("±2 menit"), (2, 2, Menit, About));
        assert_eq!(q("2x24 jam"), (2, 2, Hari, Exact));
        assert_eq!(q("3 x 24 jam"), (3, 3, Hari, Exact));
        assert_eq!(q("1 s.d. 3 hari"), (1, 3, Hari, Exact));
        assert_eq!(q("1 sd 3 hari"), (1, 3, Hari, Exact));
        assert_eq!(q("1 s/d 3 hari kerja"), (1, 3, HariKerja, Exact));
        assert_eq!(q("Maks. 2 hari kerja"), (2, 2, HariKerja, AtMost));
        assert_eq!(q("paling lama 14 hari kerja"), (14, 14, HariKerja, AtMost));
        assert_eq!(q("selambat-lambatnya 3 hari"), (3, 3, Hari, AtMost));
        assert_eq!(q("2 jam 30 menit"), (150, 150, Menit, Exact));
        assert_eq!(q("3 hari kalender"), (3, 3, HariKalender, Exact));
        assert_eq!(q("1 (satu) hari kerja"), (1, 1, HariKerja, Exact));
        assert_eq!(q("10 Menit"), (10, 10, Menit, Exact));
        assert_eq!(q("5 Hari"), (5, 5, Hari, Exact));
        assert_eq!(q("Proses 1 Minggu"), (1, 1, Minggu, Exact));
        assert_eq!(q("5'"), (5, 5, Menit, Exact));
        assert_eq!(q("± 5’"), (5, 5, Menit, About));
        assert_eq!(q("10 '"), (10, 10, Menit, Exact));
        assert_eq!(q("30\""), (30, 30, Detik, Exact));
        assert_eq!(q("30''"), (30, 30, Detik, Exact));
        assert_eq!(q("5'-10'"), (5, 10, Menit, Exact));
        assert_eq!(ok("5'").to_string(), "5'");
        assert_eq!(ok("Proses 1 Minggu").condition, None);
        assert_eq!(
            q("1 (satu) hari maksimal 14 (empat belas) hari kerja"),
            (1, 14, HariKerja, Exact)
        );
        let d = ok("Maksimal 15 (lima belas) menit terhitung persyaratan diterima lengkap");
        assert_eq!((d.min, d.max, d.unit, d.bound), (15, 15, Menit, AtMost));
        assert_eq!(d.condition.as_deref(), Some("terhitung persyaratan diterima lengkap"));
        assert_eq!(
            d.to_string(),
            "Maksimal 15 (lima belas) menit terhitung persyaratan diterima lengkap"
        );
        assert_eq!(d.normalized(), "maksimal 15 menit terhitung persyaratan diterima lengkap");
        assert_eq!(ok("2 Jam 30 Menit").normalized(), ok("150 menit").normalized());
    }

    #[test]
    fn reads_the_wider_class() {
        assert_eq!(q("30menit"), (30, 30, Menit, Exact));
        assert_eq!(q("3hari"), (3, 3, Hari, Exact));
        assert_eq!(q("1x24 Jam"), (1, 1, Hari, Exact));
        assert_eq!(q("2 X 24 JAM"), (2, 2, Hari, Exact));
        assert_eq!(q("1 sampai dengan 3 hari kerja"), (1, 3, HariKerja, Exact));
        assert_eq!(q("1 hingga 2 jam"), (1, 2, Jam, Exact));
        assert_eq!(q("30 menit - 1 jam"), (30, 60, Menit, Exact));
        assert_eq!(q("1–2 hari"), (1, 2, Hari, Exact));
        assert_eq!(q("kurang lebih 10 menit"), (10, 10, Menit, About));
        assert_eq!(q("+/- 5 menit"), (5, 5, Menit, About));
        assert_eq!(q("Tiga hari kerja"), (3, 3, HariKerja, Exact));
        assert_eq!(q("empat belas hari kerja"), (14, 14, HariKerja, Exact));
        assert_eq!(q("dua puluh lima menit"), (25, 25, Menit, Exact));
        assert_eq!(q("sehari"), (1, 1, Hari, Exact));
        assert_eq!(q("setengah jam"), (30, 30, Menit, Exact));
        assert_eq!(q("1,5 jam"), (90, 90, Menit, Exact));
        assert_eq!(q("1½ jam"), (90, 90, Menit, Exact));
        assert_eq!(q("1 jam 15 menit 30 detik"), (4530, 4530, Detik, Exact));
        assert_eq!(q("5 Hari Kerja"), (5, 5, HariKerja, Exact));
        assert_eq!(q("14 HK"), (14, 14, HariKerja, Exact));
        assert_eq!(q("minimal 2 jam"), (2, 2, Jam, AtLeast));
        assert_eq!(q("dalam waktu 3 x 24 jam"), (3, 3, Hari, Exact));
        assert_eq!(q("1 tahun"), (1, 1, Tahun, Exact));
        assert_eq!(q("2 pekan"), (2, 2, Minggu, Exact));
        let d = ok("15 Menit/berkas");
        assert_eq!((d.max, d.unit), (15, Menit));
        assert_eq!(d.condition.as_deref(), Some("berkas"));
        let d = ok("5 menit per berkas");
        assert_eq!(d.condition.as_deref(), Some("per berkas"));
        let d = ok("3 hari kerja setelah berkas lengkap");
        assert_eq!((d.max, d.unit), (3, HariKerja));
        assert_eq!(d.condition.as_deref(), Some("setelah berkas lengkap"));
    }

    #[test]
    fn bare_days_take_the_sop_meaning() {
        let mut d = ok("5 hari");
        d.resolve_days(DayMeaning::Kerja);
        assert_eq!(d.unit, HariKerja);
        let mut k = ok("3 hari kalender");
        k.resolve_days(DayMeaning::Kerja);
        assert_eq!(k.unit, HariKalender);
        assert_eq!(DayMeaning::parse("Kerja"), Some(DayMeaning::Kerja));
    }

    #[test]
    fn rejects_with_reasons() {
        assert!(parse("30").unwrap_err().message.en.contains("unit is required"));
        // Every reason and help line is written in both languages.
        let e = parse("3 mnit").unwrap_err();
        assert_eq!(e.message.id, "satuan waktu `mnit` tidak dikenal");
        assert_eq!(
            e.help.map(|h| h.id).as_deref(),
            Some("mungkin maksud Anda `menit`? tuliskan `3 menit`")
        );
        assert!(help("0,5 hari kerja").contains("`4 jam`"));
        assert!(help("1,5 hari kerja").contains("`12 jam`"));
        assert!(help("½ hari").contains("`1 hari`"));
        assert!(help("3 mnit").contains("`menit`"));
        assert!(help("bulan").contains("1 bulan"));
        assert!(help("3-1 hari").contains("backwards"));
        assert!(help("3-1 hari").contains("`1-3 hari`"));
        assert!(help("sesuai kebutuhan").contains("time_note"));
        assert!(parse("").is_err());
        assert!(parse("99999999999 menit").is_err());
        assert!(help("7 hari dengan bupati; 2 hari dengan Kadin").contains("time_note"));
        assert!(help("1 hari kerja 2 jam").contains("`10 jam`"));
        assert!(help("2 hari kerja 3 jam").contains("`19 jam`"), "{}", help("2 hari kerja 3 jam"));
        assert!(help("2 hari 30 menit").contains("`16 jam 30 menit`"));
        assert!(help("1 minggu 2 jam").contains("time_note"));
        assert!(help("3 hari kerjaa").contains("hari kerja"));
        assert!(help("1,5 hari").contains("2 hari"));
        assert!(help("2 minggu kerja").contains("`10 hari kerja`"));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in ["(", "1 (", "1 x", "1 x 24", "± ", "s.d.", "1 s.d.", "½", "1/0 jam", "- 3 hari"]
        {
            let _ = parse(s);
        }
    }

    #[test]
    fn totals_keep_buckets_apart() {
        let t = Totals::of(&ok("90 menit"), true).plus(Totals::of(&ok("2 hari kerja"), true));
        assert_eq!(t.to_string(), "2 hari kerja + 1 jam 30 menit");
        assert_eq!(t.in_work_minutes(480), Some(2 * 480 + 90));
        let c = t.plus(Totals::of(&ok("1 minggu"), true));
        assert_eq!(c.in_work_minutes(480), None);
        let s = Totals::of(&ok("30 detik"), true).plus(Totals::of(&ok("1 menit"), true));
        assert_eq!(s.to_string(), "1 menit 30 detik");
        assert_eq!(s.work_minutes(), 2);
    }
}
