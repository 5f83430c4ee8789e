//! Durations as SOP AP writes them in the Mutu Baku "Waktu" column
//! (`15 menit`, `1-3 hari kerja`, `3 (tiga) hari kerja`, `maksimal 1 hari
//! kerja`), parsed into a typed [`Duration`].
//!
//! Three kinds of time are kept apart and never mixed silently: working
//! time (`menit`, `jam`), working days (`hari kerja`) and calendar time
//! (`hari`, `minggu`, `bulan`). Converting between them needs a workday
//! length or a calendar, which is the caller's decision ([`Totals`]).

use std::fmt;

use crate::diagnostic::Text;
use crate::msg;

/// A unit as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    Menit,
    Jam,
    HariKerja,
    Hari,
    Minggu,
    Bulan,
}

/// Which kind of time a unit measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bucket {
    /// Minutes of working time (`menit`, `jam`).
    WorkTime,
    /// Working days (`hari kerja`).
    WorkDays,
    /// Calendar days (`hari`, `minggu` = 7, `bulan` = 30).
    Calendar,
}

impl Unit {
    pub const ALL: [Unit; 6] =
        [Unit::Menit, Unit::Jam, Unit::HariKerja, Unit::Hari, Unit::Minggu, Unit::Bulan];

    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Menit => "menit",
            Unit::Jam => "jam",
            Unit::HariKerja => "hari kerja",
            Unit::Hari => "hari",
            Unit::Minggu => "minggu",
            Unit::Bulan => "bulan",
        }
    }

    /// The English word, for `--lang en` output.
    pub fn english(self, plural: bool) -> &'static str {
        match (self, plural) {
            (Unit::Menit, false) => "minute",
            (Unit::Menit, true) => "minutes",
            (Unit::Jam, false) => "hour",
            (Unit::Jam, true) => "hours",
            (Unit::HariKerja, false) => "working day",
            (Unit::HariKerja, true) => "working days",
            (Unit::Hari, false) => "day",
            (Unit::Hari, true) => "days",
            (Unit::Minggu, false) => "week",
            (Unit::Minggu, true) => "weeks",
            (Unit::Bulan, false) => "month",
            (Unit::Bulan, true) => "months",
        }
    }

    pub fn bucket(self) -> Bucket {
        match self {
            Unit::Menit | Unit::Jam => Bucket::WorkTime,
            Unit::HariKerja => Bucket::WorkDays,
            Unit::Hari | Unit::Minggu | Unit::Bulan => Bucket::Calendar,
        }
    }

    /// How many base units (minutes, working days or calendar days) one of
    /// this unit is.
    pub fn factor(self) -> u64 {
        match self {
            Unit::Menit | Unit::HariKerja | Unit::Hari => 1,
            Unit::Jam => 60,
            Unit::Minggu => 7,
            Unit::Bulan => 30,
        }
    }
}

/// A parsed duration: an amount or a range of amounts in one unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Duration {
    pub min: u32,
    pub max: u32,
    pub unit: Unit,
}

impl Duration {
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
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min == self.max {
            write!(f, "{} {}", self.max, self.unit.as_str())
        } else {
            write!(f, "{}-{} {}", self.min, self.max, self.unit.as_str())
        }
    }
}

/// Why a duration string was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DurationError {
    pub message: Text,
    pub help: Option<Text>,
}

fn err(message: Text, help: Option<Text>) -> DurationError {
    DurationError { message, help }
}

const PREFIXES: [&str; 6] =
    ["maksimal", "maksimum", "paling lama", "paling lambat", "selambat-lambatnya", "max"];

/// Parses a duration. Case-insensitive; a leading `maksimal`/`paling lama`
/// and a parenthesised number in words are accepted and ignored.
pub fn parse(input: &str) -> Result<Duration, DurationError> {
    let lower = input.trim().to_lowercase();
    let mut rest = lower.as_str();
    if rest.is_empty() {
        return Err(err(
            msg!("waktu kosong" / "empty duration"),
            Some(msg!(
                "tulis jumlah dan satuannya, misalnya `30 menit`"
                    / "write an amount and a unit, e.g. `30 menit`"
            )),
        ));
    }
    for p in PREFIXES {
        if let Some(r) = rest.strip_prefix(p)
            && r.starts_with(char::is_whitespace)
        {
            rest = r.trim_start();
            break;
        }
    }
    let digits_end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    if digits_end == 0 {
        let unit_hint = match parse_unit(rest) {
            Some(u) => Some(msg!(
                "tulis jumlah sebelum satuannya, misalnya `1 {}`"
                    / "write an amount before the unit, e.g. `1 {}`",
                u.as_str()
            )),
            None => Some(msg!(
                "tulis jumlah dan satuannya, misalnya `30 menit` atau `2 hari kerja`"
                    / "write an amount and a unit, e.g. `30 menit` or `2 hari kerja`"
            )),
        };
        let shown = input.trim();
        return Err(err(
            msg!("`{shown}` bukan penulisan waktu" / "`{shown}` is not a duration"),
            unit_hint,
        ));
    }
    let (first, mut rest) = rest.split_at(digits_end);
    let min = amount(first)?;
    let mut max = min;
    if rest.starts_with([',', '.']) && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return Err(err(
            msg!("jumlah pecahan tidak diperbolehkan" / "decimal amounts are not allowed"),
            Some(decimal_help(input)),
        ));
    }
    let trimmed = rest.trim_start();
    if let Some(r) = trimmed.strip_prefix(['-', '–']) {
        let r = r.trim_start();
        let end = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
        if end == 0 {
            return Err(err(
                msg!(
                    "rentang waktu memerlukan batas atas, misalnya `1-3 hari kerja`"
                        / "a range needs an upper bound, e.g. `1-3 hari kerja`"
                ),
                None,
            ));
        }
        let (second, r2) = r.split_at(end);
        max = amount(second)?;
        if max < min {
            return Err(err(
                msg!("rentang `{min}-{max}` terbalik" / "the range `{min}-{max}` runs backwards"),
                Some(msg!("tulis `{max}-{min}`" / "write `{max}-{min}`")),
            ));
        }
        rest = r2;
    }
    let mut rest = rest.trim_start();
    if let Some(r) = rest.strip_prefix('(') {
        match r.find(')') {
            Some(close) => rest = r[close + 1..].trim_start(),
            None => {
                return Err(err(
                    msg!("tanda `(` pada waktu tidak ditutup" / "unclosed `(` in the duration"),
                    None,
                ));
            }
        }
    }
    let unit_text = rest.trim();
    if unit_text.is_empty() {
        return Err(err(
            msg!("satuan waktu wajib ditulis" / "a time unit is required (satuan waktu wajib)"),
            Some(msg!(
                "tulis misalnya `{max} menit` atau `{max} hari kerja`"
                    / "write e.g. `{max} menit` or `{max} hari kerja`"
            )),
        ));
    }
    match parse_unit(unit_text) {
        Some(unit) => Ok(Duration { min, max, unit }),
        None => {
            let names = Unit::ALL.map(Unit::as_str);
            let help = alias(unit_text)
                .map(|u| crate::suggest::meant_text(u.as_str()))
                .or_else(|| crate::suggest::meant(unit_text, names))
                .or_else(|| {
                    Some(msg!(
                        "satuan yang tersedia: `menit`, `jam`, `hari kerja`, `hari`, `minggu`, `bulan`"
                            / "units are `menit`, `jam`, `hari kerja`, `hari`, `minggu`, `bulan`"
                    ))
                });
            Err(err(
                msg!(
                    "satuan waktu `{unit_text}` tidak dikenal" / "unknown time unit `{unit_text}`"
                ),
                help,
            ))
        }
    }
}

fn amount(digits: &str) -> Result<u32, DurationError> {
    digits.parse::<u32>().map_err(|_| {
        err(msg!("jumlah `{digits}` terlalu besar" / "the amount `{digits}` is too large"), None)
    })
}

fn parse_unit(text: &str) -> Option<Unit> {
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        ["menit"] => Some(Unit::Menit),
        ["jam"] => Some(Unit::Jam),
        ["hari", "kerja"] => Some(Unit::HariKerja),
        ["hari"] => Some(Unit::Hari),
        ["minggu"] => Some(Unit::Minggu),
        ["bulan"] => Some(Unit::Bulan),
        _ => None,
    }
}

/// Abbreviations and English words people write for a unit.
fn alias(text: &str) -> Option<Unit> {
    match text.trim_end_matches('.') {
        "mnt" | "min" | "mins" | "minute" | "minutes" | "m" => Some(Unit::Menit),
        "j" | "h" | "hr" | "hrs" | "hour" | "hours" => Some(Unit::Jam),
        "hk" | "hari-kerja" | "harikerja" | "working day" | "working days" | "workday"
        | "workdays" | "business days" => Some(Unit::HariKerja),
        "hr." | "d" | "day" | "days" => Some(Unit::Hari),
        "mg" | "week" | "weeks" => Some(Unit::Minggu),
        "bln" | "month" | "months" => Some(Unit::Bulan),
        _ => None,
    }
}

fn decimal_help(input: &str) -> Text {
    let lower = input.to_lowercase();
    if lower.contains("jam") {
        msg!(
            "gunakan menit bulat, misalnya `30 menit` sebagai pengganti `0,5 jam`"
                / "use whole minutes, e.g. `30 menit` instead of `0,5 jam`"
        )
    } else if lower.contains("hari kerja") {
        msg!(
            "gunakan satuan bulat, misalnya `4 jam` sebagai pengganti `0,5 hari kerja`"
                / "use whole units, e.g. `4 jam` instead of `0,5 hari kerja`"
        )
    } else {
        msg!(
            "gunakan jumlah bulat dengan satuan yang lebih kecil"
                / "use a whole amount of a smaller unit"
        )
    }
}

/// Time summed per bucket, in base units: minutes of working time, working
/// days and calendar days. Sums never convert between buckets by
/// themselves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Totals {
    pub work_minutes: u64,
    pub work_days: u64,
    pub calendar_days: u64,
}

impl Totals {
    pub fn of(d: &Duration, upper: bool) -> Totals {
        let v = if upper { d.max_base() } else { d.min_base() };
        let mut t = Totals::default();
        match d.bucket() {
            Bucket::WorkTime => t.work_minutes = v,
            Bucket::WorkDays => t.work_days = v,
            Bucket::Calendar => t.calendar_days = v,
        }
        t
    }

    #[must_use]
    pub fn plus(self, o: Totals) -> Totals {
        Totals {
            work_minutes: self.work_minutes.saturating_add(o.work_minutes),
            work_days: self.work_days.saturating_add(o.work_days),
            calendar_days: self.calendar_days.saturating_add(o.calendar_days),
        }
    }

    pub fn is_zero(&self) -> bool {
        *self == Totals::default()
    }

    /// Working time expressed in working days, given the workday length in
    /// minutes: `None` when calendar time is mixed in, since calendar days
    /// and working days cannot be compared without a calendar.
    pub fn in_work_minutes(&self, workday_minutes: u64) -> Option<u64> {
        if self.calendar_days > 0 {
            return None;
        }
        Some(self.work_minutes.saturating_add(self.work_days.saturating_mul(workday_minutes)))
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
        if self.work_minutes > 0 || parts.is_empty() {
            parts.push(format_minutes(self.work_minutes));
        }
        f.write_str(&parts.join(" + "))
    }
}

/// `95` → `1 jam 35 menit`; `120` → `2 jam`; `30` → `30 menit`.
pub fn format_minutes(m: u64) -> String {
    match (m / 60, m % 60) {
        (0, r) => format!("{r} menit"),
        (h, 0) => format!("{h} jam"),
        (h, r) => format!("{h} jam {r} menit"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> Duration {
        match parse(s) {
            Ok(d) => d,
            Err(e) => panic!("{s}: {}", e.message.en),
        }
    }

    #[test]
    fn accepts_the_documented_forms() {
        assert_eq!(ok("15 menit"), Duration { min: 15, max: 15, unit: Unit::Menit });
        assert_eq!(ok("2 jam").max_base(), 120);
        assert_eq!(ok("1-3 hari kerja"), Duration { min: 1, max: 3, unit: Unit::HariKerja });
        assert_eq!(ok("3 (tiga) hari kerja").max, 3);
        assert_eq!(ok("maksimal 1 hari kerja").unit, Unit::HariKerja);
        assert_eq!(ok("Maksimal 1 (satu) Hari Kerja").unit, Unit::HariKerja);
        assert_eq!(ok("paling lama 30 hari").unit, Unit::Hari);
        assert_eq!(ok("1 minggu").max_base(), 7);
        assert_eq!(ok("2 bulan").max_base(), 60);
        assert_eq!(ok("1 - 3 hari").min, 1);
        assert_eq!(ok("30 menit").to_string(), "30 menit");
    }

    #[test]
    fn rejects_with_reasons() {
        assert!(parse("30").unwrap_err().message.en.contains("unit is required"));
        assert!(parse("0,5 jam").unwrap_err().help.unwrap().id.contains("30 menit"));
        assert_eq!(parse("3 mnt").unwrap_err().help.unwrap().en, "did you mean `menit`?");
        assert!(parse("bulan").unwrap_err().help.unwrap().en.contains("1 bulan"));
        assert!(parse("3-1 hari").unwrap_err().message.id.contains("terbalik"));
        assert!(parse("sesuai kebutuhan").is_err());
        assert!(parse("").is_err());
        assert!(parse("99999999999 menit").is_err());
    }

    #[test]
    fn totals_keep_buckets_apart() {
        let t = Totals::of(&ok("90 menit"), true).plus(Totals::of(&ok("2 hari kerja"), true));
        assert_eq!(t.to_string(), "2 hari kerja + 1 jam 30 menit");
        assert_eq!(t.in_work_minutes(480), Some(2 * 480 + 90));
        let c = t.plus(Totals::of(&ok("1 minggu"), true));
        assert_eq!(c.in_work_minutes(480), None);
    }
}
