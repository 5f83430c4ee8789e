//! Indonesian hyphenation: where a word may be broken across lines, at a
//! syllable boundary, following the syllabification rules of Pedoman Umum
//! Ejaan Bahasa Indonesia (PUEBI, "pemenggalan kata"):
//!
//! - one consonant between vowels goes with the next syllable (V-CV:
//!   `ma-kan`, `pe-mo-hon`);
//! - two consonants between vowels are split (VC-CV: `man-di`, `ap-ril`);
//! - three or more are split so that the next syllable starts with the
//!   longest cluster a syllable can start with (`in-stru-men`, `ul-tra`,
//!   `bang-krut`), else after the first consonant;
//! - `ng`, `ny`, `kh` and `sy` are one consonant (`pe-na-nga-nan`,
//!   `nya-nyi`, `ikh-las`, `sya-rat`);
//! - vowels next to each other are not split (diphthongs `ai`, `au`, `ei`,
//!   `oi` never may be; the others could, but keeping them is always
//!   correct and avoids guessing).
//!
//! Breaks leave at least two letters on each side, as typesetters do.
//! Only runs of letters are hyphenated: digits and punctuation end a run,
//! so `(menunggu` breaks like `menunggu`. Words without vowels (acronyms
//! such as `DPMPTSP`) have no break points.

/// Consonant clusters a syllable may start with (loanwords: `struk-tur`,
/// `kla-si-fi-ka-si`, `pro-gram`).
/// Clusters that begin words but hardly syllables inside them (`sm`, `ps`)
/// are left out, so `trans-mig-ra-si` and `eks-klu-sif` come out right.
const ONSETS: [&str; 20] = [
    "bl", "br", "dr", "dw", "fl", "fr", "gl", "gr", "kl", "kr", "kw", "pl", "pr", "sk", "sp", "st",
    "sw", "tr", "str", "sl",
];

/// Consonants written with two letters that count as one.
const DIGRAPHS: [&str; 4] = ["ng", "ny", "kh", "sy"];

/// Fewest letters a break leaves on either side.
const MIN_PART: usize = 2;

fn is_vowel(c: char) -> bool {
    matches!(
        c.to_lowercase().next().unwrap_or(c),
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'á'
            | 'à'
            | 'â'
            | 'ä'
            | 'é'
            | 'è'
            | 'ê'
            | 'ë'
            | 'í'
            | 'ì'
            | 'î'
            | 'ï'
            | 'ó'
            | 'ò'
            | 'ô'
            | 'ö'
            | 'ú'
            | 'ù'
            | 'û'
            | 'ü'
    )
}

/// Byte offsets into `word` where it may be broken with a hyphen, in
/// increasing order.
pub fn points(word: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut run: Vec<(usize, char)> = Vec::new();
    for (i, c) in word.char_indices() {
        if c.is_alphabetic() {
            run.push((i, c));
        } else {
            run_points(&run, &mut out);
            run.clear();
        }
    }
    run_points(&run, &mut out);
    out
}

/// Break points of one run of letters (offsets as in the word).
fn run_points(run: &[(usize, char)], out: &mut Vec<usize>) {
    let lower: Vec<char> = run.iter().map(|(_, c)| c.to_lowercase().next().unwrap_or(*c)).collect();
    // Between each two vowels with consonants between them, one break.
    let mut k = 0;
    let mut last_vowel: Option<usize> = None;
    while k < lower.len() {
        let Some(&c) = lower.get(k) else { break };
        if !is_vowel(c) {
            k += 1;
            continue;
        }
        let between = last_vowel.filter(|&v| k > v + 1).and_then(|v| split(&lower, v + 1, k));
        let at = between.filter(|&b| b >= MIN_PART && lower.len() - b >= MIN_PART);
        if let Some((off, _)) = at.and_then(|b| run.get(b)) {
            out.push(*off);
        }
        last_vowel = Some(k);
        k += 1;
    }
}

/// Where the consonants `lower[from..to]` (between two vowels) are split:
/// an index in `from+1..=to-1`, or `from` for a single consonant unit.
fn split(lower: &[char], from: usize, to: usize) -> Option<usize> {
    // Units: start indices of each consonant (digraphs as one).
    let mut units = Vec::new();
    let mut i = from;
    while i < to {
        units.push(i);
        let pair: String = lower.get(i..(i + 2).min(to))?.iter().collect();
        i += if DIGRAPHS.contains(&pair.as_str()) { 2 } else { 1 };
    }
    match units.len() {
        0 => None,
        1 => Some(from),
        2 => units.get(1).copied(),
        _ => {
            // The longest onset cluster that leaves a consonant behind.
            for start in units.iter().skip(1) {
                let cluster: String = lower.get(*start..to)?.iter().collect();
                if to - start == 1 || ONSETS.contains(&cluster.as_str()) {
                    return Some(*start);
                }
            }
            units.get(1).copied()
        }
    }
}

/// `word` with a hyphen at every break point, for tests and docs.
pub fn syllables(word: &str) -> String {
    let mut s = String::new();
    let mut prev = 0;
    for p in points(word) {
        s.push_str(word.get(prev..p).unwrap_or(""));
        s.push('-');
        prev = p;
    }
    s.push_str(word.get(prev..).unwrap_or(""));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_from_the_bundled_and_real_sops() {
        for (word, want) in [
            ("Penanganan", "Pe-na-nga-nan"),
            ("Administrasi", "Ad-mi-nis-tra-si"),
            ("Pemohon", "Pe-mo-hon"),
            ("menit", "me-nit"),
            ("menunggu", "me-nung-gu"),
            ("(menunggu", "(me-nung-gu"),
            ("Pelaksana", "Pe-lak-sa-na"),
            ("Kelengkapan", "Ke-leng-ka-pan"),
            ("Keterangan", "Ke-te-ra-ngan"),
            ("Pengaduan", "Pe-nga-duan"),
            ("Verifikator", "Ve-ri-fi-ka-tor"),
            ("Perlindungan", "Per-lin-du-ngan"),
            ("Penyelesaian", "Pe-nye-le-saian"),
            ("instrumen", "in-stru-men"),
            ("bangkrut", "bang-krut"),
            ("ikhlas", "ikh-las"),
            ("syarat", "sya-rat"),
            ("nyanyi", "nya-nyi"),
            ("Pemerintah", "Pe-me-rin-tah"),
            ("Kabupaten", "Ka-bu-pa-ten"),
            ("Kepegawaian", "Ke-pe-ga-waian"),
            ("Transmigrasi", "Trans-mig-ra-si"),
            ("eksklusif", "eks-klu-sif"),
            ("Rekomendasi", "Re-ko-men-da-si"),
        ] {
            assert_eq!(syllables(word), want, "{word}");
        }
    }

    #[test]
    fn acronyms_short_words_and_numbers_have_no_breaks() {
        for word in ["DPMPTSP", "BP3MI", "SOP", "atau", "ke", "2024", "", "-", "ya"] {
            assert!(points(word).is_empty(), "{word}: {}", syllables(word));
        }
        // Two letters stay on each side.
        assert_eq!(syllables("apa"), "apa");
        assert_eq!(syllables("ambil"), "am-bil");
    }

    #[test]
    fn runs_are_hyphenated_separately_and_offsets_are_bytes() {
        assert_eq!(syllables("Pemohon/Kuasa"), "Pe-mo-hon/Kua-sa");
        assert_eq!(syllables("Pelayanan2024"), "Pe-la-ya-nan2024");
        // Non-ASCII letters keep their byte offsets valid.
        assert_eq!(syllables("kafétaria"), "ka-fé-ta-ria");
        for w in ["ÆØÅ", "ñañaña", "日本語", "x\u{301}y"] {
            let _ = syllables(w);
        }
    }
}
