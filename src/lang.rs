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

/// Labels of the SOP AP identity block and flowchart table.
#[derive(Debug)]
pub struct Labels {
    pub agency: &'static str,
    pub unit: &'static str,
    pub number: &'static str,
    pub title: &'static str,
    pub created: &'static str,
    pub revised: &'static str,
    pub revision: &'static str,
    pub effective: &'static str,
    pub approved_by: &'static str,
    pub position: &'static str,
    pub name: &'static str,
    pub nip: &'static str,
    pub legal_basis: &'static str,
    pub qualifications: &'static str,
    pub related: &'static str,
    pub equipment: &'static str,
    pub warnings: &'static str,
    pub records: &'static str,
    pub no: &'static str,
    pub activity: &'static str,
    pub actors: &'static str,
    pub quality_standard: &'static str,
    pub requirements: &'static str,
    pub time: &'static str,
    pub output: &'static str,
    pub notes: &'static str,
    pub step: &'static str,
    pub waiting: &'static str,
    pub see_sop: &'static str,
    pub service_time: &'static str,
    pub best_path: &'static str,
    pub worst_path: &'static str,
    pub signature: &'static str,
    pub date: &'static str,
    pub level_makro: &'static str,
    pub level_mikro: &'static str,
}

static ID: Labels = Labels {
    agency: "Instansi",
    unit: "Unit Kerja",
    number: "Nomor SOP",
    title: "Nama SOP",
    created: "Tanggal Pembuatan",
    revised: "Tanggal Revisi",
    revision: "Revisi ke-",
    effective: "Tanggal Efektif",
    approved_by: "Disahkan oleh",
    position: "Jabatan",
    name: "Nama",
    nip: "NIP",
    legal_basis: "Dasar Hukum",
    qualifications: "Kualifikasi Pelaksana",
    related: "Keterkaitan",
    equipment: "Peralatan/Perlengkapan",
    warnings: "Peringatan",
    records: "Pencatatan dan Pendataan",
    no: "No",
    activity: "Kegiatan",
    actors: "Pelaksana",
    quality_standard: "Mutu Baku",
    requirements: "Kelengkapan",
    time: "Waktu",
    output: "Output",
    notes: "Keterangan",
    step: "langkah",
    waiting: "menunggu pihak luar",
    see_sop: "lihat SOP",
    service_time: "Jangka waktu penyelesaian",
    best_path: "Jalur tercepat",
    worst_path: "Jalur terlama",
    signature: "Tanda tangan",
    date: "Tanggal",
    level_makro: "SOP Makro",
    level_mikro: "SOP Mikro",
};

static EN: Labels = Labels {
    agency: "Agency",
    unit: "Unit",
    number: "SOP number",
    title: "SOP title",
    created: "Date created",
    revised: "Date revised",
    revision: "Revision",
    effective: "Effective date",
    approved_by: "Approved by",
    position: "Position",
    name: "Name",
    nip: "NIP",
    legal_basis: "Legal basis",
    qualifications: "Implementer qualifications",
    related: "Related SOPs",
    equipment: "Equipment and supplies",
    warnings: "Warnings",
    records: "Records and data-keeping",
    no: "No",
    activity: "Activity",
    actors: "Actors",
    quality_standard: "Quality standard",
    requirements: "Requirements",
    time: "Time",
    output: "Output",
    notes: "Remarks",
    step: "step",
    waiting: "waiting on an outside party",
    see_sop: "see SOP",
    service_time: "Service time",
    best_path: "Fastest path",
    worst_path: "Slowest path",
    signature: "Signature",
    date: "Date",
    level_makro: "Macro SOP",
    level_mikro: "Micro SOP",
};

impl Lang {
    /// A date written out as printed documents write it: `15 November 2022`.
    pub fn long_date(self, d: &crate::model::Date) -> String {
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
        match (months.get(usize::from(d.month).wrapping_sub(1)), d.day) {
            (Some(m), Some(day)) => format!("{day} {m} {}", d.year),
            (Some(m), None) => format!("{m} {}", d.year),
            (None, _) => d.to_string(),
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
        let d = Date::ymd(2024, 6, 28);
        assert_eq!(Lang::Id.long_date(&d), "28 Juni 2024");
        assert_eq!(Lang::En.long_date(&d), "28 June 2024");
        assert_eq!(Lang::Id.long_date(&Date::ymd(2024, 13, 1)), "2024-13-01");
        let june = Date { day: None, ..Date::ymd(2020, 6, 1) };
        assert_eq!(Lang::Id.long_date(&june), "Juni 2020");
    }
}
