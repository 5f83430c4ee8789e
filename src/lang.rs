//! The language of rendered labels: Indonesian by default (the users'
//! language and the language of PermenPANRB 35/2012), English with
//! `--lang en`. Shared labels of the SOP AP form live here so that every
//! renderer prints the same words; a renderer keeps words only it uses.

/// A language for rendered output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Bahasa Indonesia.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Picks the Indonesian or the English text.
    pub fn pick<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    /// The labels of the SOP AP form in this language.
    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }
}

/// Defines [`Labels`] from one table in which every label is written once
/// with both languages side by side (`field: "Indonesian" / "English",`):
/// a label without its translation does not compile.
macro_rules! labels {
    ($($field:ident: $id:literal / $en:literal,)*) => {
        /// Labels of the SOP AP identity block and flowchart table.
        #[derive(Debug)]
        pub struct Labels {
            $(pub $field: &'static str,)*
        }

        static ID: Labels = Labels { $($field: $id,)* };
        static EN: Labels = Labels { $($field: $en,)* };
    };
}

labels! {
    agency: "Instansi" / "Agency",
    unit: "Unit Kerja" / "Unit",
    number: "Nomor SOP" / "SOP number",
    title: "Nama SOP" / "SOP title",
    created: "Tanggal Pembuatan" / "Date created",
    revised: "Tanggal Revisi" / "Date revised",
    revision: "Revisi ke-" / "Revision",
    effective: "Tanggal Efektif" / "Effective date",
    approved_by: "Disahkan oleh" / "Approved by",
    position: "Jabatan" / "Position",
    name: "Nama" / "Name",
    nip: "NIP" / "NIP",
    legal_basis: "Dasar Hukum" / "Legal basis",
    qualifications: "Kualifikasi Pelaksana" / "Implementer qualifications",
    related: "Keterkaitan" / "Related SOPs",
    equipment: "Peralatan/Perlengkapan" / "Equipment and supplies",
    warnings: "Peringatan" / "Warnings",
    records: "Pencatatan dan Pendataan" / "Records and data-keeping",
    no: "No" / "No",
    activity: "Kegiatan" / "Activity",
    actors: "Pelaksana" / "Actors",
    quality_standard: "Mutu Baku" / "Quality standard",
    requirements: "Kelengkapan" / "Requirements",
    time: "Waktu" / "Time",
    output: "Output" / "Output",
    notes: "Keterangan" / "Remarks",
    step: "langkah" / "step",
    waiting: "menunggu pihak luar" / "waiting on an outside party",
    see_sop: "lihat SOP" / "see SOP",
    service_time: "Jangka waktu penyelesaian" / "Service time",
    best_path: "Jalur tercepat" / "Fastest path",
    worst_path: "Jalur terlama" / "Slowest path",
    signature: "Tanda tangan" / "Signature",
    date: "Tanggal" / "Date",
    level_makro: "SOP Makro" / "Macro SOP",
    level_mikro: "SOP Mikro" / "Micro SOP",
}

impl Lang {
    /// A date written out as printed documents write it: `15 November 2022`.
    pub fn long_date(self, d: crate::model::Date) -> String {
        const ID_MONTHS: [&str; 12] = [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ];
        const EN_MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let months = match self {
            Lang::Id => &ID_MONTHS,
            Lang::En => &EN_MONTHS,
        };
        match months.get(usize::from(d.month).wrapping_sub(1)) {
            Some(m) => format!("{} {m} {}", d.day, d.year),
            None => d.to_string(),
        }
    }

    /// How a Keterkaitan entry relates to this SOP.
    pub fn relation(self, r: crate::model::Relation) -> &'static str {
        use crate::model::Relation;
        match (self, r) {
            (Lang::Id, Relation::Parent) => "SOP induk (makro)",
            (Lang::Id, Relation::Child) => "SOP turunan (mikro)",
            (Lang::Id, Relation::Prerequisite) => "SOP prasyarat",
            (Lang::Id, Relation::FollowUp) => "SOP lanjutan",
            (Lang::Id, Relation::Related) => "SOP terkait",
            (Lang::En, Relation::Parent) => "parent (macro) SOP",
            (Lang::En, Relation::Child) => "child (micro) SOP",
            (Lang::En, Relation::Prerequisite) => "prerequisite SOP",
            (Lang::En, Relation::FollowUp) => "follow-up SOP",
            (Lang::En, Relation::Related) => "related SOP",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn long_dates_in_both_languages() {
        let d = Date { year: 2024, month: 6, day: 28 };
        assert_eq!(Lang::Id.long_date(d), "28 Juni 2024");
        assert_eq!(Lang::En.long_date(d), "28 June 2024");
        assert_eq!(Lang::Id.long_date(Date { year: 2024, month: 13, day: 1 }), "2024-13-01");
    }
}
