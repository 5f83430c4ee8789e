//! Dates of the identity block as published SOPs write them: ISO
//! `2022-01-07`, day/month/year `01/03/2022` (`1-3-2022`, `01.03.2022`),
//! Indonesian (or English) month names in any case with or without the
//! day (`16 Juli 2012`, `24 Februari 2025`, `JUNI 2020`, `Agustus 2023`,
//! `7 Jan 2022`, old spellings `Pebruari`, `Nopember`), and month
//! precision `2020-06`.
//!
//! A [`Date`] keeps its precision (a day, or only a month) and the text as
//! written, so the document prints what the author wrote and `date-order`
//! compares at the precision both dates give.

use std::cmp::Ordering;
use std::fmt;

/// A calendar date, to the day or to the month.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    /// `None` when only the month is given (`Juni 2020`).
    pub day: Option<u8>,
    /// The text as written when it is not ISO (`16 Juli 2012`); `None`
    /// for `YYYY-MM-DD`.
    pub written: Option<String>,
}

impl Date {
    /// A day-precision date with no written form (ISO).
    pub fn ymd(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day: Some(day), written: None }
    }

    /// Compares two dates at the precision both give: `Juni 2020` and
    /// `2020-06-15` are equal at month precision.
    pub fn cmp_at_precision(&self, other: &Date) -> Ordering {
        let by_month = (self.year, self.month).cmp(&(other.year, other.month));
        match (self.day, other.day) {
            (Some(a), Some(b)) => by_month.then(a.cmp(&b)),
            _ => by_month,
        }
    }

    /// The date as the author wrote it, else ISO.
    pub fn as_written(&self) -> String {
        self.written.clone().unwrap_or_else(|| self.to_string())
    }
}

impl fmt::Display for Date {
    /// ISO: `2022-01-07`, or `2020-06` at month precision.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.day {
            Some(d) => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, d),
            None => write!(f, "{:04}-{:02}", self.year, self.month),
        }
    }
}

/// Why a date was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    pub reason: DateReason,
    /// The same date in ISO, when the text could be read another way.
    pub suggestion: Option<String>,
}

/// What is wrong with a date, as plain data; [`DateReason::text`] words
/// it in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateReason {
    MonthOutOfRange,
    NoSuchDay,
    ExpectedIso,
    FourDigitYear,
    UnknownForm,
    UnknownMonth,
    DayNotANumber,
}

impl DateReason {
    pub fn text(self) -> crate::diagnostic::Text {
        use crate::msg;
        match self {
            DateReason::MonthOutOfRange => {
                msg!("bulan harus 01 sampai 12" / "the month must be 01 to 12")
            }
            DateReason::NoSuchDay => msg!(
                "tanggal itu tidak ada pada bulan tersebut"
                    / "that day does not exist in that month"
            ),
            DateReason::ExpectedIso => {
                msg!("yang diharapkan `YYYY-MM-DD`" / "expected `YYYY-MM-DD`")
            }
            DateReason::FourDigitYear => {
                msg!("tuliskan tahun dengan empat angka" / "write the year with four digits")
            }
            DateReason::UnknownForm => msg!(
                "yang diharapkan `YYYY-MM-DD`, `16 Juli 2012` atau `01/03/2022`"
                    / "expected `YYYY-MM-DD`, `16 Juli 2012` or `01/03/2022`"
            ),
            DateReason::UnknownMonth => msg!("nama bulan tidak dikenal" / "unknown month name"),
            DateReason::DayNotANumber => {
                msg!("tanggal harus berupa angka" / "the day must be a number")
            }
        }
    }
}

fn fail(reason: DateReason) -> DateError {
    DateError { reason, suggestion: None }
}

/// The month a name stands for: Indonesian and English names, their
/// usual abbreviations and the old spellings.
pub fn month_number(name: &str) -> Option<u8> {
    let n = name.trim_end_matches('.').to_lowercase();
    Some(match n.as_str() {
        "januari" | "january" | "jan" => 1,
        "februari" | "pebruari" | "february" | "feb" | "peb" => 2,
        "maret" | "march" | "mar" | "mrt" => 3,
        "april" | "apr" => 4,
        "mei" | "may" => 5,
        "juni" | "june" | "jun" => 6,
        "juli" | "july" | "jul" => 7,
        "agustus" | "august" | "agu" | "agt" | "ags" | "agus" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "october" | "okt" | "oct" => 10,
        "november" | "nopember" | "nov" | "nop" => 11,
        "desember" | "december" | "des" | "dec" => 12,
        _ => return None,
    })
}

fn days_in(year: u16, month: u8) -> u8 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn build(
    year: u16,
    month: u8,
    day: Option<u8>,
    written: Option<String>,
) -> Result<Date, DateError> {
    if !(1..=12).contains(&month) {
        return Err(fail(DateReason::MonthOutOfRange));
    }
    if let Some(d) = day
        && (d == 0 || d > days_in(year, month))
    {
        return Err(fail(DateReason::NoSuchDay));
    }
    Ok(Date { year, month, day, written })
}

fn number<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses a date in any of the forms of the module documentation.
pub fn parse(text: &str) -> Result<Date, DateError> {
    let s = text.trim();
    let written = s.split_whitespace().collect::<Vec<_>>().join(" ");
    // ISO `YYYY-MM-DD` and `YYYY-MM`.
    let parts: Vec<&str> = s.split('-').collect();
    if let [y, m, rest @ ..] = parts.as_slice()
        && y.len() == 4
        && let (Some(year), Some(month)) = (number::<u16>(y), number::<u8>(m))
    {
        return match rest {
            [] if m.len() == 2 => build(year, month, None, Some(written)),
            [d] if m.len() == 2 && d.len() == 2 => {
                build(year, month, Some(number::<u8>(d).unwrap_or(0)), None)
            }
            _ => Err(fail(DateReason::ExpectedIso)),
        };
    }
    // Day/month/year with `/`, `-` or `.`; or year/month/day with `/`.
    let parts: Vec<&str> = s.split(['/', '-', '.']).map(str::trim).collect();
    if let [a, b, c] = parts.as_slice()
        && let (Some(x), Some(m), Some(z)) = (number::<u16>(a), number::<u8>(b), number::<u16>(c))
    {
        if c.len() == 4 && a.len() <= 2 {
            let day = u8::try_from(x).unwrap_or(0);
            return build(z, m, Some(day), Some(written));
        }
        if a.len() == 4 && c.len() <= 2 {
            let day = u8::try_from(z).unwrap_or(0);
            return build(x, m, Some(day), Some(written));
        }
        return Err(fail(DateReason::FourDigitYear));
    }
    // `[D] Month YYYY`, month names in any case, `7 Jan. 2022`, `16 Juli, 2012`.
    let words: Vec<&str> =
        s.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    let (day, month, year) = match words.as_slice() {
        [d, m, y] => (Some(*d), *m, *y),
        [m, y] => (None, *m, *y),
        _ => return Err(fail(DateReason::UnknownForm)),
    };
    let Some(month) = month_number(month) else {
        let suggestion = crate::suggest::closest(
            &month.to_lowercase(),
            [
                "januari",
                "februari",
                "maret",
                "april",
                "mei",
                "juni",
                "juli",
                "agustus",
                "september",
                "oktober",
                "november",
                "desember",
            ],
        )
        .map(|m| match day {
            Some(d) => format!("{d} {} {year}", capitalise(m)),
            None => format!("{} {year}", capitalise(m)),
        });
        return Err(DateError { reason: DateReason::UnknownMonth, suggestion });
    };
    let Some(year) = number::<u16>(year).filter(|_| year.len() == 4) else {
        return Err(fail(DateReason::FourDigitYear));
    };
    let day = match day {
        Some(d) => Some(number::<u8>(d).ok_or(fail(DateReason::DayNotANumber))?),
        None => None,
    };
    build(year, month, day, Some(written))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> Date {
        match parse(s) {
            Ok(d) => d,
            Err(e) => panic!("{s}: {:?}", e.reason),
        }
    }

    #[test]
    fn reads_the_forms_of_published_sops() {
        assert_eq!(ok("16 Juli 2012").to_string(), "2012-07-16");
        assert_eq!(ok("16 Juli 2012").as_written(), "16 Juli 2012");
        assert_eq!(ok("24 Februari 2025").to_string(), "2025-02-24");
        assert_eq!(ok("JUNI 2020").to_string(), "2020-06");
        assert_eq!(ok("JUNI 2020").day, None);
        assert_eq!(ok("Agustus 2023").to_string(), "2023-08");
        assert_eq!(ok("01/03/2022").to_string(), "2022-03-01");
        assert_eq!(ok("01/03/2022").as_written(), "01/03/2022");
        assert_eq!(ok("2022-01-07"), Date::ymd(2022, 1, 7));
        assert_eq!(ok("2022-01-07").as_written(), "2022-01-07");
    }

    #[test]
    fn reads_the_wider_class() {
        assert_eq!(ok("7 januari 2022").to_string(), "2022-01-07");
        assert_eq!(ok("10 Pebruari 2022").to_string(), "2022-02-10");
        assert_eq!(ok("3 Nopember 2019").to_string(), "2019-11-03");
        assert_eq!(ok("7 Jan. 2022").to_string(), "2022-01-07");
        assert_eq!(ok("16 Juli, 2012").to_string(), "2012-07-16");
        assert_eq!(ok("1-3-2022").to_string(), "2022-03-01");
        assert_eq!(ok("15.11.2022").to_string(), "2022-11-15");
        assert_eq!(ok("2022/11/15").to_string(), "2022-11-15");
        assert_eq!(ok("2020-06").to_string(), "2020-06");
        assert_eq!(ok("12 August 2021").to_string(), "2021-08-12");
    }

    #[test]
    fn rejects_with_reasons() {
        assert!(parse("2023-02-29").is_err());
        assert!(parse("2024-13-01").is_err());
        assert!(parse("31 April 2020").is_err());
        assert!(parse("32/01/2020").is_err());
        assert_eq!(
            parse("16 Julli 2012").err().and_then(|e| e.suggestion).as_deref(),
            Some("16 Juli 2012")
        );
        assert!(parse("01/03/22").is_err());
        assert!(parse("kemarin").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn compares_at_the_precision_given() {
        let june = ok("Juni 2020");
        assert_eq!(june.cmp_at_precision(&ok("2020-06-15")), Ordering::Equal);
        assert_eq!(june.cmp_at_precision(&ok("2020-05-31")), Ordering::Greater);
        assert_eq!(ok("2020-06-01").cmp_at_precision(&ok("2020-06-02")), Ordering::Less);
    }
}
