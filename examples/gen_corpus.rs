//! Generates a realistic, deterministic corpus of `sop-ap/1` SOPs for
//! benchmarks, fuzzing seeds and scale tests.
//!
//! ```text
//! cargo run --release --example gen_corpus -- N DIR [--defects] [--seed S] [--steps K]
//!     [--actors A-B] [--branches A-B]
//! ```
//!
//! Writes N files into DIR (created if missing). Files come in families: a
//! makro SOP whose `sub_sop` steps name mikro SOPs of the same family, with
//! matching `related` parent/child entries on both sides. Each SOP has 8-25
//! steps (or exactly K with `--steps`), 3-7 actors (some outside the unit),
//! decisions whose "no" answer either loops back for rework (the "yes"
//! answer is the loop's exit) or ends the procedure early, wait steps on
//! outside parties, and Indonesian text. The same N and seed always give the
//! same bytes. Without `--defects` the corpus lints clean; with it, every
//! file gets exactly one planted mistake, listed in DIR/manifest.json as
//! `{file, code, name, line}`.
//!
//! `--actors 3-12 --branches 2-6` widens the corpus for the flowchart
//! router's tests: up to 12 actors, and decisions with up to 6 branches
//! (the extra ones loop back for rework or end the procedure early, each
//! with its own label). Without them the output is what it always was.
//!
//! `--real-forms` writes SOPs the way agencies do (issue 12): `days: kerja`
//! with bare `hari` times and the time forms of published tables (`± 15
//! menit`, `5'`, `2x24 jam`, `1 s.d. 3 hari`, `Maks. 2 hari`, `2 jam 30
//! menit`, a time with its condition …), dates with Indonesian month names
//! and day/month/year, row numbers (`row`), numbered rows of several steps
//! (`same_row`), early ends as branch `outcome`s, and substitute signers
//! (`alternate`). Still lint-clean; with `--defects` it may also plant a
//! box left blank on purpose (`number: kosong`, blank-field). Without it
//! the output is what it always was.

// Indices into the generator's own vectors are taken modulo their length or
// come from positions it just pushed; they cannot be out of range.
#![allow(clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use serde::Serialize;

fn main() -> Result<()> {
    let args = Args::parse(std::env::args().skip(1))?;
    write_args(&args)
}

/// Writes the corpus (and, with `defects`, its manifest) into `dir`. Public
/// so tests can include this file as a module and generate corpora in
/// process.
pub fn write_corpus(
    dir: &std::path::Path,
    count: usize,
    defects: bool,
    seed: u64,
    steps: Option<usize>,
) -> Result<()> {
    let args = Args {
        count,
        dir: dir.to_path_buf(),
        defects,
        seed,
        steps,
        actors: DEFAULT_ACTORS,
        branches: DEFAULT_BRANCHES,
        real: false,
    };
    write_args(&args)
}

/// [`write_corpus`] with the forms of published SOPs (`--real-forms`).
pub fn write_real_corpus(
    dir: &std::path::Path,
    count: usize,
    defects: bool,
    seed: u64,
) -> Result<()> {
    write_args(&real_args(dir, count, defects, seed))
}

/// The SOPs of a corpus written with the forms of published SOPs (see
/// `--real-forms`), in memory, as (id, YAML).
pub fn generate_real(count: usize, seed: u64) -> Vec<(String, String)> {
    let args = real_args(std::path::Path::new(""), count, false, seed);
    corpus(&args).into_iter().map(|g| (g.id, g.text)).collect()
}

fn real_args(dir: &std::path::Path, count: usize, defects: bool, seed: u64) -> Args {
    Args {
        count,
        dir: dir.to_path_buf(),
        defects,
        seed,
        steps: None,
        actors: DEFAULT_ACTORS,
        branches: DEFAULT_BRANCHES,
        real: true,
    }
}

/// The SOPs of a corpus in memory, as (id, YAML), without writing files:
/// `actors` and `branches` are inclusive ranges (see `--actors`,
/// `--branches`).
pub fn generate(
    count: usize,
    seed: u64,
    steps: Option<usize>,
    actors: (usize, usize),
    branches: (usize, usize),
) -> Vec<(String, String)> {
    let args = Args {
        count,
        dir: PathBuf::new(),
        defects: false,
        seed,
        steps,
        actors: clamp_range(actors, 3, 12),
        branches: clamp_range(branches, 2, 8),
        real: false,
    };
    corpus(&args).into_iter().map(|g| (g.id, g.text)).collect()
}

fn clamp_range((lo, hi): (usize, usize), min: usize, max: usize) -> (usize, usize) {
    let lo = lo.clamp(min, max);
    (lo, hi.clamp(lo, max))
}

const DEFAULT_ACTORS: (usize, usize) = (3, 7);
const DEFAULT_BRANCHES: (usize, usize) = (2, 2);

fn write_args(args: &Args) -> Result<()> {
    std::fs::create_dir_all(&args.dir)
        .with_context(|| format!("cannot create `{}`", args.dir.display()))?;
    let mut manifest = Vec::new();
    for sop in corpus(args) {
        let path = args.dir.join(format!("{}.yaml", sop.id));
        std::fs::write(&path, &sop.text)
            .with_context(|| format!("cannot write `{}`", path.display()))?;
        if let Some(d) = sop.defect {
            manifest.push(d);
        }
    }
    if args.defects {
        let path = args.dir.join("manifest.json");
        let json = serde_json::to_string_pretty(&manifest)?;
        std::fs::write(&path, json + "\n")
            .with_context(|| format!("cannot write `{}`", path.display()))?;
    }
    Ok(())
}

struct Args {
    count: usize,
    dir: PathBuf,
    defects: bool,
    seed: u64,
    steps: Option<usize>,
    actors: (usize, usize),
    branches: (usize, usize),
    /// `--real-forms`.
    real: bool,
}

/// `A-B` (or `A`) as an inclusive range.
fn parse_range(s: &str) -> Option<(usize, usize)> {
    let (a, b) = s.split_once('-').unwrap_or((s, s));
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

impl Args {
    fn parse(mut it: impl Iterator<Item = String>) -> Result<Args> {
        const USAGE: &str = "usage: gen_corpus N DIR [--defects] [--real-forms] [--seed S] [--steps K] [--actors A-B] [--branches A-B]  (K >= 8 steps per SOP; 3 <= A <= B <= 12 actors; 2 <= A <= B <= 8 branches)";
        let mut positional = Vec::new();
        let (mut defects, mut seed, mut steps, mut real) = (false, 1, None, false);
        let (mut actors, mut branches) = (DEFAULT_ACTORS, DEFAULT_BRANCHES);
        while let Some(a) = it.next() {
            match a.as_str() {
                "--defects" => defects = true,
                "--real-forms" => real = true,
                "--seed" => seed = it.next().context(USAGE)?.parse().context(USAGE)?,
                "--steps" => steps = Some(it.next().context(USAGE)?.parse().context(USAGE)?),
                "--actors" => {
                    actors = it.next().as_deref().and_then(parse_range).context(USAGE)?;
                }
                "--branches" => {
                    branches = it.next().as_deref().and_then(parse_range).context(USAGE)?;
                }
                "-h" | "--help" => bail!(USAGE),
                _ if a.starts_with('-') => bail!("unknown option `{a}`; {USAGE}"),
                _ => positional.push(a),
            }
        }
        let [count, dir] = positional.as_slice() else { bail!(USAGE) };
        if steps.is_some_and(|k| k < 8)
            || !(3 <= actors.0 && actors.0 <= actors.1 && actors.1 <= 12)
            || !(2 <= branches.0 && branches.0 <= branches.1 && branches.1 <= 8)
        {
            bail!(USAGE);
        }
        Ok(Args {
            count: count.parse().context(USAGE)?,
            dir: dir.into(),
            defects,
            seed,
            steps,
            actors,
            branches,
            real,
        })
    }
}

/// One planted mistake, as listed in the manifest.
#[derive(Clone, Debug, Serialize)]
struct Defect {
    file: String,
    code: &'static str,
    name: &'static str,
    line: usize,
}

struct Generated {
    id: String,
    text: String,
    defect: Option<Defect>,
}

/// SplitMix64: tiny, fast, and fixed forever, so a seed means the same
/// corpus on every machine and every version of every crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() - 1)]
    }
}

const UNITS: &[&str] = &[
    "Biro Umum dan Keuangan",
    "Direktorat Pelindungan dan Pemberdayaan",
    "Bagian Hukum dan Organisasi",
    "Seksi Pelayanan Penempatan",
    "Bidang Perizinan Terpadu",
    "Subbagian Kepegawaian",
    "Pusat Data dan Informasi",
    "Inspektorat Wilayah II",
];
const REGIONS: &[&str] = &[
    "Sumatera Utara",
    "Jawa Barat",
    "Jawa Timur",
    "Nusa Tenggara Barat",
    "Kalimantan Barat",
    "Sulawesi Selatan",
    "Kepulauan Riau",
    "Bali",
];
/// Internal actors: (id, name).
const STAFF: &[(&str, &str)] = &[
    ("petugas_loket", "Petugas Loket Pelayanan"),
    ("verifikator", "Verifikator"),
    ("analis", "Analis Kebijakan"),
    ("pengelola_data", "Pengelola Data dan Informasi"),
    ("kasubbag", "Kepala Subbagian"),
    ("kasi", "Kepala Seksi"),
    ("kabid", "Kepala Bidang"),
    ("sekretaris", "Sekretaris Unit"),
    ("kepala", "Kepala Kantor"),
    ("bendahara", "Bendahara Pengeluaran"),
];
/// Actors outside the unit: (id, name); their steps are often waits.
const OUTSIDE: &[(&str, &str)] = &[
    ("pemohon", "Pemohon (Warga/Badan Usaha)"),
    ("instansi_terkait", "Instansi Terkait"),
    ("perwakilan_ri", "Perwakilan RI (KBRI/KJRI)"),
    ("pihak_ketiga", "Pihak Ketiga/Penyedia"),
];
/// (id verb, activity verb).
const VERBS: &[(&str, &str)] = &[
    ("terima", "Menerima"),
    ("periksa", "Memeriksa"),
    ("verifikasi", "Memverifikasi"),
    ("catat", "Mencatat"),
    ("susun", "Menyusun"),
    ("telaah", "Menelaah"),
    ("kirim", "Mengirimkan"),
    ("validasi", "Memvalidasi"),
    ("input", "Menginput"),
    ("cetak", "Mencetak"),
    ("paraf", "Memaraf"),
    ("teruskan", "Meneruskan"),
    ("koordinasikan", "Mengoordinasikan"),
    ("evaluasi", "Mengevaluasi"),
    ("siapkan", "Menyiapkan"),
    ("ajukan", "Mengajukan"),
    ("sampaikan", "Menyampaikan"),
    ("rekap", "Merekapitulasi"),
];
/// (id object, text).
const OBJECTS: &[(&str, &str)] = &[
    ("berkas", "berkas permohonan"),
    ("dokumen", "dokumen pendukung"),
    ("surat", "surat pengantar"),
    ("laporan", "laporan hasil pemeriksaan"),
    ("data", "data pemohon pada aplikasi"),
    ("formulir", "formulir isian"),
    ("nota_dinas", "nota dinas"),
    ("rekomendasi", "rekomendasi teknis"),
    ("jadwal", "jadwal pelaksanaan"),
    ("anggaran", "rincian anggaran"),
    ("kontrak", "rancangan kontrak"),
    ("sertifikat", "sertifikat kompetensi"),
    ("izin", "rancangan surat izin"),
    ("pengaduan", "pengaduan masyarakat"),
    ("berita_acara", "berita acara"),
];
const TAILS: &[&str] = &[
    "sesuai ketentuan yang berlaku",
    "melalui aplikasi layanan",
    "dan memberikan paraf",
    "beserta lampirannya",
    "untuk ditindaklanjuti",
    "secara cermat dan lengkap",
];
/// Labels of branches past yes/no (the real decisions that have them:
/// revoked, not the region's authority, postponed, …).
const EXTRA_LABELS: &[&str] = &[
    "Dicabut",
    "Bukan kewenangan daerah",
    "Perlu klarifikasi",
    "Ditunda",
    "Dilimpahkan ke instansi lain",
    "Perlu perbaikan",
    "Ditolak sebagian",
];
/// Decision questions: (id, question, yes label, no label).
const QUESTIONS: &[(&str, &str, &str, &str)] = &[
    ("cek_lengkap", "Berkas lengkap dan sah?", "Lengkap", "Tidak lengkap"),
    ("cek_sesuai", "Data sesuai dengan dokumen asli?", "Sesuai", "Tidak sesuai"),
    ("cek_setuju", "Konsep disetujui pimpinan?", "Ya", "Tidak"),
    ("cek_memenuhi", "Permohonan memenuhi persyaratan teknis?", "Memenuhi", "Tidak memenuhi"),
    ("cek_kewenangan", "Permasalahan termasuk kewenangan unit?", "Ya", "Tidak"),
    ("cek_anggaran", "Anggaran tersedia?", "Tersedia", "Tidak tersedia"),
];
const WORK_TIMES: &[&str] = &[
    "15 menit",
    "30 menit",
    "45 menit",
    "1 jam",
    "2 jam",
    "1 hari kerja",
    "2 hari kerja",
    "3 (tiga) hari kerja",
    "1-3 hari kerja",
    "maksimal 1 hari kerja",
];
const WAIT_TIMES: &[&str] =
    &["5 hari kerja", "7 hari kerja", "14 hari kalender", "1 minggu", "30 hari kalender"];
const LAWS: &[&str] = &[
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
    "Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan",
    "Undang-Undang Nomor 18 Tahun 2017 tentang Pelindungan Pekerja Migran Indonesia",
    "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Pelayanan Publik",
    "Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan SOP Administrasi Pemerintahan",
    "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik",
];

/// Work times as published tables write them (with `days: kerja`, a bare
/// `hari` is a working day).
const REAL_TIMES: &[&str] = &[
    "± 15 menit",
    "10 Menit",
    "5'",
    "30 detik",
    "2 jam 30 menit",
    "1 s.d. 3 hari",
    "1 sd 2 hari",
    "Maks. 2 hari",
    "1 (satu) hari",
    "2x24 jam",
    "paling lama 3 hari kerja",
    "selambat-lambatnya 3 hari",
    "1 (satu) hari maksimal 14 (empat belas) hari kerja",
    "Maksimal 15 (lima belas) menit terhitung persyaratan diterima lengkap",
];
const MONTHS: &[&str] = &[
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

/// Rewrites a flow the way published SOPs are written (`--real-forms`):
/// their time forms, early ends as branch outcomes, plain process steps
/// joined into the row before them, and substitute signers. Keeps the SOP
/// lint-clean: a joined step leaves its Mutu Baku to the row's first step,
/// and only a process step that the one before it leads into is joined.
fn real_forms(rng: &mut Rng, rows: &mut Vec<Step>, actors: &[Actor]) {
    for r in rows.iter_mut() {
        if !matches!(r.kind, Kind::Process { wait: true, .. }) && rng.chance(50) {
            r.time = rng.pick(REAL_TIMES).to_string();
        }
    }
    // An early end right below its decision becomes the decision's
    // outcome: "Tidak: dikembalikan kepada pemohon".
    let mut k = 0;
    while k < rows.len() {
        let no = match &rows[k].kind {
            Kind::Decision { no, .. } => Some(no.clone()),
            _ => None,
        };
        let below = rows.get(k + 1).filter(|r| Some(&r.id) == no.as_ref());
        let early = below.is_some_and(|r| r.kind == Kind::End { outcome: false });
        if early && rng.chance(60) {
            let end = rows.remove(k + 1);
            rows[k].outcome_no = Some(end.activity.replace("Mengembalikan", "Dikembalikan"));
        }
        k += 1;
    }
    let internal: Vec<usize> = (0..actors.len()).filter(|&a| !actors[a].external).collect();
    for k in 1..rows.len() {
        let plain = |r: &Step| matches!(r.kind, Kind::Process { wait: false, sub_sop: None });
        let leads = rows[k - 1].next.as_deref() == Some(rows[k].id.as_str());
        if plain(&rows[k]) && plain(&rows[k - 1]) && !rows[k - 1].joined && leads && rng.chance(20)
        {
            rows[k].joined = true;
        }
        if plain(&rows[k]) && rng.chance(12) {
            let others: Vec<usize> = internal
                .iter()
                .copied()
                .filter(|&a| a != rows[k].actor && !rows[k].with.contains(&a))
                .collect();
            if !others.is_empty() {
                rows[k].alternate = Some(*rng.pick(&others));
            }
        }
    }
}

/// The whole corpus: families of one makro SOP and its mikro SOPs. Mikro
/// SOPs come first in a family, so "existing" children are always written.
fn corpus(args: &Args) -> Vec<Generated> {
    let mut rng = Rng(args.seed);
    let mut out = Vec::with_capacity(args.count);
    let mut family = 0;
    while out.len() < args.count {
        family += 1;
        let left = args.count - out.len();
        // A family needs one makro and at least one mikro; a lone file at
        // the end is a mikro SOP without a parent.
        let children = if left >= 2 { rng.range(1, 3).min(left - 1) } else { 0 };
        let code = *rng.pick(OBJECTS);
        let parent_id = format!("{}-{:05}-makro", code.0.replace('_', "-"), family);
        let child_ids: Vec<String> = (1..=children)
            .map(|c| format!("{}-{:05}-{c}-mikro", code.0.replace('_', "-"), family))
            .collect();
        for (c, id) in child_ids.iter().enumerate() {
            let parent = (children > 0).then_some(parent_id.as_str());
            out.push(sop(&mut rng, args, id, family, c + 1, parent, &[]));
        }
        if children > 0 {
            out.push(sop(&mut rng, args, &parent_id, family, 0, None, &child_ids));
        } else {
            let id = format!("{}-{:05}-mikro", code.0.replace('_', "-"), family);
            out.push(sop(&mut rng, args, &id, family, 1, None, &[]));
        }
    }
    out.truncate(args.count);
    out
}

#[derive(Clone, Debug, PartialEq)]
enum Kind {
    Start,
    Process {
        wait: bool,
        sub_sop: Option<String>,
    },
    /// `extra`: further branches (label, target) past the yes/no pair.
    Decision {
        yes: String,
        no: String,
        extra: Vec<(&'static str, String)>,
    },
    End {
        outcome: bool,
    },
}

#[derive(Clone, Debug)]
struct Step {
    id: String,
    kind: Kind,
    actor: usize,
    with: Vec<usize>,
    activity: String,
    requirements: Vec<String>,
    time: String,
    output: String,
    notes: Option<String>,
    next: Option<String>,
    labels: Option<(&'static str, &'static str)>,
    /// Continues the previous step's numbered row (`same_row`).
    joined: bool,
    /// A substitute actor (`alternate`).
    alternate: Option<usize>,
    /// The "no" answer ends the procedure with this outcome.
    outcome_no: Option<String>,
}

struct Actor {
    id: &'static str,
    name: &'static str,
    external: bool,
}

/// The flow: a chain from the start to the main end, with decisions whose
/// "no" either loops back to an earlier process step (rework: the "yes"
/// answer leaves the loop) or goes to an early end placed just below it.
fn steps(
    rng: &mut Rng,
    total: usize,
    actors: &[Actor],
    children: &[String],
    branches: (usize, usize),
) -> Vec<Step> {
    let mut ids = BTreeSet::new();
    let mut unique = |base: String| {
        let mut id = base.clone();
        let mut k = 2;
        while !ids.insert(id.clone()) {
            id = format!("{base}_{k}");
            k += 1;
        }
        id
    };
    let internal: Vec<usize> = (0..actors.len()).filter(|&a| !actors[a].external).collect();
    let external: Vec<usize> = (0..actors.len()).filter(|&a| actors[a].external).collect();
    // Every actor gets at least one step: the first rows go round-robin.
    let mut owed: Vec<usize> = (0..actors.len()).collect();
    let mut rows: Vec<Step> = Vec::with_capacity(total);
    let mut chain: Vec<usize> = Vec::new();
    let mut children = children.iter();
    while rows.len() < total {
        let left = total - rows.len();
        let row = rows.len();
        let (verb, verb_text) = *rng.pick(VERBS);
        let (obj, obj_text) = *rng.pick(OBJECTS);
        let mut step = Step {
            id: String::new(),
            kind: Kind::Start,
            actor: *rng.pick(&internal),
            with: Vec::new(),
            activity: format!("{verb_text} {obj_text} {}", rng.pick(TAILS)),
            requirements: (0..rng.range(1, 3)).map(|_| cap(rng.pick(OBJECTS).1)).collect(),
            time: rng.pick(WORK_TIMES).to_string(),
            output: format!("{} yang telah di{}", cap(obj_text), verb_text_suffix(verb)),
            notes: None,
            next: None,
            labels: None,
            joined: false,
            alternate: None,
            outcome_no: None,
        };
        if row == 0 {
            step.id = unique(format!("{verb}_{obj}"));
            chain.push(row);
            rows.push(step);
            continue;
        }
        if left == 1 {
            step.id = unique("selesai".into());
            step.kind = Kind::End { outcome: true };
            step.activity = format!("Menetapkan {obj_text} selesai dan mengarsipkan berkas");
            chain.push(row);
            rows.push(step);
            continue;
        }
        let last_process =
            chain.iter().rev().find(|&&r| matches!(rows[r].kind, Kind::Process { .. }));
        let prev_is_decision =
            chain.last().is_some_and(|&r| matches!(rows[r].kind, Kind::Decision { .. }));
        // Room below for the decision, its early ends and the rest.
        let room = 4 + branches.1.saturating_sub(2);
        if left >= room && last_process.is_some() && !prev_is_decision && rng.chance(22) {
            let (qid, question, yes, no) = *rng.pick(QUESTIONS);
            step.id = unique(qid.to_string());
            step.activity = question.to_string();
            step.output = format!("Keputusan: {} atau {}", yes.to_lowercase(), no.to_lowercase());
            step.time = rng.pick(&WORK_TIMES[..4]).to_string();
            step.labels = Some((yes, no));
            // Rework loops go back to a process step a few rows up, never
            // further than 6 chain steps so loops stay readable.
            let back: Vec<usize> = chain
                .iter()
                .rev()
                .take(6)
                .copied()
                .filter(|&r| matches!(rows[r].kind, Kind::Process { wait: false, sub_sop: None }))
                .collect();
            let rework = !back.is_empty() && rng.chance(60);
            // Branches past yes/no (only drawn when asked for, so default
            // corpora stay byte-identical): each loops back to another
            // rework step or ends early at a step of its own.
            let more = if branches.1 > 2 { rng.range(branches.0, branches.1) - 2 } else { 0 };
            let mut extra: Vec<(&'static str, String)> = Vec::new();
            let mut extra_ends: Vec<(String, &'static str)> = Vec::new();
            let mut free_labels: Vec<&'static str> =
                EXTRA_LABELS.iter().copied().filter(|l| *l != yes && *l != no).collect();
            for _ in 0..more {
                if free_labels.is_empty() {
                    break;
                }
                let label = free_labels.remove(rng.range(0, free_labels.len() - 1));
                let unused: Vec<usize> = back
                    .iter()
                    .copied()
                    .filter(|&r| !extra.iter().any(|(_, t)| *t == rows[r].id))
                    .collect();
                if !unused.is_empty() && rng.chance(40) {
                    extra.push((label, rows[*rng.pick(&unused)].id.clone()));
                } else {
                    let id = unique(format!("akhiri_{obj}"));
                    extra.push((label, id.clone()));
                    extra_ends.push((id, label));
                }
            }
            if rework {
                let target = rows[*rng.pick(&back)].id.clone();
                extra.retain(|(_, t)| *t != target);
                step.kind = Kind::Decision { yes: String::new(), no: target, extra };
                chain.push(row);
                rows.push(step);
            } else {
                let end_id = unique(format!("tolak_{obj}"));
                step.kind = Kind::Decision { yes: String::new(), no: end_id.clone(), extra };
                chain.push(row);
                rows.push(step);
                let actor = rows[row].actor;
                rows.push(Step {
                    id: end_id,
                    kind: Kind::End { outcome: false },
                    actor,
                    with: Vec::new(),
                    activity: format!("Mengembalikan {obj_text} kepada pemohon disertai alasan"),
                    requirements: vec![format!("Catatan hasil {}", verb)],
                    time: "30 menit".into(),
                    output: "Surat pengembalian".into(),
                    notes: None,
                    next: None,
                    labels: None,
                    joined: false,
                    alternate: None,
                    outcome_no: None,
                });
            }
            let actor = rows[row].actor;
            for (id, label) in extra_ends {
                rows.push(Step {
                    id,
                    kind: Kind::End { outcome: false },
                    actor,
                    with: Vec::new(),
                    activity: format!(
                        "Menutup {obj_text} dengan keterangan: {}",
                        label.to_lowercase()
                    ),
                    requirements: vec![format!("Catatan hasil {}", verb)],
                    time: "30 menit".into(),
                    output: "Surat pemberitahuan".into(),
                    notes: None,
                    next: None,
                    labels: None,
                    joined: false,
                    alternate: None,
                    outcome_no: None,
                });
            }
            continue;
        }
        let wait = !external.is_empty() && rng.chance(15);
        if wait {
            step.actor = *rng.pick(&external);
            step.time = rng.pick(WAIT_TIMES).to_string();
            step.activity =
                format!("{verb_text} {obj_text} sebagai tanggapan atas permintaan unit");
        }
        if !wait && let Some(a) = owed.pop() {
            step.actor = a;
        }
        if !wait && rng.chance(15) && internal.len() > 1 && step.with.is_empty() {
            let w = *rng.pick(&internal);
            if w != step.actor {
                step.with.push(w);
            }
        }
        if rng.chance(25) {
            step.notes = Some(format!("Dilaksanakan {}", rng.pick(TAILS)));
        }
        let sub_sop = if wait { None } else { children.next().cloned() };
        if let Some(child) = &sub_sop {
            step.notes = Some(format!("Rincian pada SOP mikro `{child}`"));
        }
        step.id = unique(format!("{verb}_{obj}"));
        step.kind = Kind::Process { wait, sub_sop };
        chain.push(row);
        rows.push(step);
    }
    // Actors still owed a step (flows with few process rows and many
    // actors) join process rows as `with` partners, round-robin.
    let process: Vec<usize> =
        (0..rows.len()).filter(|&r| matches!(rows[r].kind, Kind::Process { .. })).collect();
    for (k, a) in owed.into_iter().enumerate() {
        if process.is_empty() {
            break;
        }
        let r = process[k % process.len()];
        if rows[r].actor != a && !rows[r].with.contains(&a) {
            rows[r].with.push(a);
        } else if let Some(&other) =
            process.iter().find(|&&o| rows[o].actor != a && !rows[o].with.contains(&a))
        {
            rows[other].with.push(a);
        }
    }
    // Link the chain: each chain row's successor is the next chain row.
    for w in chain.windows(2) {
        let next_id = rows[w[1]].id.clone();
        match &mut rows[w[0]].kind {
            Kind::Decision { yes, .. } => *yes = next_id,
            Kind::Start | Kind::Process { .. } => rows[w[0]].next = Some(next_id),
            Kind::End { .. } => {}
        }
    }
    rows
}

fn verb_text_suffix(verb: &str) -> &'static str {
    match verb {
        "terima" => "terima",
        "periksa" => "periksa",
        "verifikasi" => "verifikasi",
        "catat" => "catat",
        "susun" => "susun",
        "telaah" => "telaah",
        "kirim" => "kirim",
        "validasi" => "validasi",
        "input" => "input",
        "cetak" => "cetak",
        "paraf" => "paraf",
        "teruskan" => "teruskan",
        "koordinasikan" => "koordinasikan",
        "evaluasi" => "evaluasi",
        "siapkan" => "siapkan",
        "ajukan" => "ajukan",
        "sampaikan" => "sampaikan",
        _ => "proses",
    }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Which mistake to plant.
#[derive(Clone, Copy, Debug)]
enum Plant {
    UnknownStep,
    UnknownActor,
    UnreachableStep,
    DeadEnd,
    MissingTime,
    DuplicateActor,
    UnknownKey,
    InvalidDuration,
    DateOrder,
    /// `number: kosong` (only with `--real-forms`).
    BlankField,
}

const PLANTS: &[Plant] = &[
    Plant::UnknownStep,
    Plant::UnknownActor,
    Plant::UnreachableStep,
    Plant::DeadEnd,
    Plant::MissingTime,
    Plant::DuplicateActor,
    Plant::UnknownKey,
    Plant::InvalidDuration,
    Plant::DateOrder,
];
/// With `--real-forms`: also a box left blank on purpose.
const PLANTS_REAL: &[Plant] = &[
    Plant::UnknownStep,
    Plant::UnknownActor,
    Plant::UnreachableStep,
    Plant::DeadEnd,
    Plant::MissingTime,
    Plant::DuplicateActor,
    Plant::UnknownKey,
    Plant::InvalidDuration,
    Plant::DateOrder,
    Plant::BlankField,
];

impl Plant {
    fn rule(self) -> &'static str {
        match self {
            Plant::UnknownStep => "unknown-step",
            Plant::UnknownActor => "unknown-actor",
            Plant::UnreachableStep => "unreachable-step",
            Plant::DeadEnd => "dead-end",
            Plant::MissingTime => "missing-time",
            Plant::DuplicateActor => "duplicate-id",
            Plant::UnknownKey => "unknown-key",
            Plant::InvalidDuration => "invalid-duration",
            Plant::DateOrder => "date-order",
            Plant::BlankField => "blank-field",
        }
    }
}

/// Writes YAML line by line, so the line of every planted mistake is known.
struct Writer {
    text: String,
    line: usize,
}

impl Writer {
    fn line(&mut self, s: impl AsRef<str>) -> usize {
        self.text.push_str(s.as_ref());
        self.text.push('\n');
        self.line += 1;
        self.line
    }
}

/// Quotes a YAML scalar when plain style could change its meaning.
fn q(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.contains([
            ':', '#', '"', '\'', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@', '`',
        ])
        && !s.starts_with(['-', '?', ' '])
        && !s.ends_with(' ');
    if plain { s.to_string() } else { serde_json::Value::String(s.to_string()).to_string() }
}

fn sop(
    rng: &mut Rng,
    args: &Args,
    id: &str,
    family: usize,
    index: usize,
    parent: Option<&str>,
    children: &[String],
) -> Generated {
    let makro = !children.is_empty();
    let total = args.steps.unwrap_or_else(|| rng.range(8, 25)).max(children.len() + 6);
    let n_actors = rng.range(args.actors.0, args.actors.1);
    // Ten staff names: past ten actors, two come from outside the unit.
    let n_outside = rng.range(0, 2.min(n_actors - 2)).max(n_actors.saturating_sub(STAFF.len()));
    let mut actors: Vec<Actor> = Vec::new();
    let mut staff: Vec<usize> = (0..STAFF.len()).collect();
    for _ in 0..n_actors - n_outside {
        let i = staff.remove(rng.range(0, staff.len() - 1));
        actors.push(Actor { id: STAFF[i].0, name: STAFF[i].1, external: false });
    }
    let mut outside: Vec<usize> = (0..OUTSIDE.len()).collect();
    for _ in 0..n_outside {
        let i = outside.remove(rng.range(0, outside.len() - 1));
        actors.push(Actor { id: OUTSIDE[i].0, name: OUTSIDE[i].1, external: true });
    }
    let mut rows = steps(rng, total, &actors, children, args.branches);
    if args.real {
        real_forms(rng, &mut rows, &actors);
    }
    let plants = if args.real { PLANTS_REAL } else { PLANTS };
    let plant = args.defects.then(|| *rng.pick(plants));
    let plant = plant.map(|p| match p {
        // A dead end is planted on an early end; flows without one get an
        // unreachable step instead.
        Plant::DeadEnd if !rows.iter().any(|s| s.kind == Kind::End { outcome: false }) => {
            Plant::UnreachableStep
        }
        p => p,
    });
    if let Some(Plant::UnreachableStep) = plant {
        let last = rows.len() - 1;
        let end_id = rows[last].id.clone();
        let mut orphan = rows[last - 1].clone();
        orphan.id = format!("{}_lama", orphan.id);
        orphan.kind = Kind::Process { wait: false, sub_sop: None };
        orphan.actor = rows[0].actor;
        orphan.labels = None;
        orphan.joined = false;
        orphan.outcome_no = None;
        orphan.next = Some(end_id);
        rows.insert(last, orphan);
    }

    let region = *rng.pick(REGIONS);
    let unit = format!("{} Provinsi {region}", rng.pick(UNITS));
    let year = 2019 + rng.range(0, 5);
    let month = rng.range(1, 12);
    let day = rng.range(1, 28);
    let mut w = Writer { text: String::new(), line: 0 };
    let mut defect_line = 0;
    w.line("# Dibuat oleh gen_corpus (data uji sopmap), bukan dokumen resmi.");
    w.line("schema: sop-ap/1");
    w.line(format!("id: {id}"));
    w.line(format!("level: {}", if makro { "makro" } else { "mikro" }));
    w.line(format!("type: {}", if rng.chance(70) { "administratif" } else { "teknis" }));
    if args.real {
        w.line("days: kerja");
    }
    w.line("");
    w.line("identity:");
    w.line("  agency: Kementerian Pelayanan Publik Republik Indonesia");
    w.line(format!("  unit: {}", q(&unit)));
    if let Some(Plant::BlankField) = plant {
        defect_line = w.line("  number: kosong");
    } else {
        w.line(format!("  number: {}", q(&format!("SOP-{family:05}.{index}/PLY/{year}"))));
    }
    let topic =
        OBJECTS.iter().find(|o| id.starts_with(&o.0.replace('_', "-"))).map_or("layanan", |o| o.1);
    let level = if makro { "Makro" } else { "Mikro" };
    w.line(format!("  title: {}", q(&format!("Tata Cara Pengelolaan {} ({level})", cap(topic)))));
    let name = MONTHS[month - 1];
    if args.real {
        // `16 Juli 2012`, `01/03/2022`, `16 JULI 2013`.
        w.line(format!("  created: {day} {name} {year}"));
        w.line(format!("  revised: {day:02}/{month:02}/{}", year + 1));
    } else {
        w.line(format!("  created: {year}-{month:02}-{day:02}"));
        w.line(format!("  revised: {}-{month:02}-{day:02}", year + 1));
    }
    w.line("  revision: 1");
    let effective = if args.real {
        format!("  effective: {day} {} {}", name.to_uppercase(), year + 1)
    } else {
        format!("  effective: {}-{month:02}-{day:02}", year + 1)
    };
    if let Some(Plant::DateOrder) = plant {
        defect_line = w.line(format!("  effective: {}-{month:02}-{day:02}", year - 1));
    } else {
        w.line(effective);
    }
    w.line("  approved_by:");
    w.line(format!("    position: Kepala {}", q(&unit)));
    w.line("    name: \"[nama pejabat]\"");
    w.line(format!(
        "    nip: \"19{:06}{:08}\"",
        rng.range(700_000, 899_999),
        rng.range(0, 99_999_999)
    ));
    w.line("");
    w.line(format!(
        "purpose: {}",
        q(&format!("Memberikan kepastian alur dan waktu layanan di {unit}"))
    ));
    w.line("legal_basis:");
    for law in LAWS.iter().skip(rng.range(0, 3)).take(rng.range(1, 3)) {
        w.line(format!("  - {law}"));
    }
    w.line("qualifications:");
    w.line("  - Memahami peraturan perundang-undangan terkait layanan");
    w.line("  - Mampu mengoperasikan aplikasi layanan");
    if parent.is_some() || makro {
        w.line("related:");
        if let Some(p) = parent {
            w.line(format!("  - sop: {p}"));
            w.line("    relation: parent");
        }
        for c in children {
            w.line(format!("  - sop: {c}"));
            w.line("    relation: child");
        }
    }
    w.line("equipment:");
    w.line("  - Komputer dan jaringan internet");
    w.line("  - Aplikasi layanan");
    w.line("warnings:");
    w.line("  - Apabila SOP ini tidak dilaksanakan, layanan tertunda dan pemohon dirugikan.");
    w.line("records:");
    w.line("  - Buku agenda dan register layanan");
    // No `service_time`: random step times would often exceed a random
    // promise, and the clean corpus must lint clean.
    w.line("");
    w.line("actors:");
    let dup_actor = matches!(plant, Some(Plant::DuplicateActor));
    for a in &actors {
        w.line(format!("  - id: {}", a.id));
        w.line(format!("    name: {}", q(a.name)));
        if a.external {
            w.line("    external: true");
        }
    }
    if dup_actor {
        let a = &actors[0];
        defect_line = w.line(format!("  - id: {}", a.id));
        w.line(format!("    name: {}", q(&format!("{} (Pengganti)", a.name))));
    }
    w.line("");
    w.line("steps:");

    // Pick the rows that carry a planted mistake.
    let process_rows: Vec<usize> = (0..rows.len())
        .filter(|&r| matches!(rows[r].kind, Kind::Process { sub_sop: None, .. }))
        .filter(|&r| !rows[r].joined)
        .collect();
    let mut uses = vec![0usize; actors.len()];
    for s in &rows {
        uses[s.actor] += 1;
    }
    let target_row = match plant {
        Some(Plant::UnknownStep) => Some(0),
        Some(Plant::UnknownActor) => {
            // An actor used twice, so the misspelt one is not left unused.
            (0..rows.len())
                .find(|&r| uses[rows[r].actor] >= 2 && !rows[r].with.contains(&rows[r].actor))
        }
        Some(Plant::MissingTime | Plant::UnknownKey | Plant::InvalidDuration) => {
            Some(*rng.pick(&process_rows))
        }
        Some(Plant::DeadEnd) => rows.iter().position(|s| s.kind == Kind::End { outcome: false }),
        Some(Plant::UnreachableStep) => Some(rows.len() - 2),
        _ => None,
    };

    let mut number = 0;
    for (r, s) in rows.iter().enumerate() {
        let here = target_row == Some(r);
        let id_line = w.line(format!("  - id: {}", s.id));
        if args.real && s.joined {
            w.line("    same_row: true");
        } else if args.real {
            number += 1;
            w.line(format!("    row: {number}"));
        }
        let kind = match (&s.kind, plant) {
            (Kind::End { .. }, Some(Plant::DeadEnd)) if here => "process",
            (Kind::Start, _) => "start",
            (Kind::Process { .. }, _) => "process",
            (Kind::Decision { .. }, _) => "decision",
            (Kind::End { .. }, _) => "end",
        };
        w.line(format!("    kind: {kind}"));
        let actor_line = w.line(format!("    actor: {}", actors[s.actor].id));
        if here && matches!(plant, Some(Plant::UnknownActor)) {
            // Replace the line just written with a misspelt actor.
            let good = format!("    actor: {}\n", actors[s.actor].id);
            w.text.truncate(w.text.len() - good.len());
            w.text.push_str(&format!("    actor: {}x\n", actors[s.actor].id));
            defect_line = actor_line;
        }
        if !s.with.is_empty() {
            let with: Vec<&str> = s.with.iter().map(|&a| actors[a].id).collect();
            w.line(format!("    with: [{}]", with.join(", ")));
        }
        if let Some(a) = s.alternate {
            w.line(format!("    alternate: {}", actors[a].id));
        }
        if let Kind::Process { sub_sop: Some(child), .. } = &s.kind {
            w.line(format!("    sub_sop: {child}"));
        }
        w.line(format!("    activity: {}", q(&s.activity)));
        // A joined step's Mutu Baku is its row's, on the row's first step.
        let mutu = !s.joined;
        if mutu {
            w.line("    requirements:");
        }
        for req in s.requirements.iter().filter(|_| mutu) {
            w.line(format!("      - {}", q(req)));
        }
        match plant {
            _ if !mutu => {}
            Some(Plant::MissingTime) if here => defect_line = id_line,
            Some(Plant::InvalidDuration) if here => {
                defect_line = w.line("    time: 2 hri kerja");
            }
            // A makro step detailed by a mikro SOP takes as long as that
            // SOP's worst path, which sopmap computes and checks itself.
            _ if matches!(s.kind, Kind::Process { sub_sop: Some(_), .. }) => {
                w.line("    time_note: Sesuai jangka waktu SOP mikro");
            }
            _ => {
                w.line(format!("    time: {}", q(&s.time)));
            }
        }
        if let Kind::Process { wait: true, .. } = s.kind {
            w.line("    wait: true");
        }
        if mutu {
            w.line(format!("    output: {}", q(&s.output)));
        }
        if let Some(notes) = &s.notes {
            let key =
                if here && matches!(plant, Some(Plant::UnknownKey)) { "notse" } else { "notes" };
            let l = w.line(format!("    {key}: {}", q(notes)));
            if key == "notse" {
                defect_line = l;
            }
        } else if here && matches!(plant, Some(Plant::UnknownKey)) {
            defect_line = w.line("    notse: Perlu diperhatikan");
        }
        if here && matches!(plant, Some(Plant::DeadEnd)) {
            defect_line = id_line;
        }
        if here && matches!(plant, Some(Plant::UnreachableStep)) {
            defect_line = id_line;
        }
        match &s.kind {
            Kind::Decision { yes, no, extra } => {
                let (yl, nl) = s.labels.unwrap_or(("Ya", "Tidak"));
                w.line("    branches:");
                w.line(format!("      - label: {}", q(yl)));
                w.line(format!("        next: {yes}"));
                w.line(format!("      - label: {}", q(nl)));
                match &s.outcome_no {
                    Some(outcome) => w.line(format!("        outcome: {}", q(outcome))),
                    None => w.line(format!("        next: {no}")),
                };
                for (label, target) in extra {
                    w.line(format!("      - label: {}", q(label)));
                    w.line(format!("        next: {target}"));
                }
            }
            Kind::End { outcome: true } => {
                w.line("    outcome: Layanan selesai");
            }
            _ => {
                if let Some(next) = &s.next {
                    if here && matches!(plant, Some(Plant::UnknownStep)) {
                        defect_line = w.line(format!("    next: {}", misspell(next)));
                    } else {
                        w.line(format!("    next: {next}"));
                    }
                }
            }
        }
        w.line("");
    }
    let defect = plant.map(|p| {
        let rule = sopmap::rule_id::find(p.rule());
        Defect {
            file: format!("{id}.yaml"),
            code: rule.map_or("?", |r| r.code),
            name: p.rule(),
            line: defect_line,
        }
    });
    Generated { id: id.to_string(), text: w.text, defect }
}

/// A one-letter typo: the last two letters swapped (or one dropped when
/// they are the same), so did-you-mean finds the intended id.
fn misspell(id: &str) -> String {
    let mut c: Vec<char> = id.chars().collect();
    let n = c.len();
    if n >= 2 && c[n - 1] != c[n - 2] {
        c.swap(n - 1, n - 2);
    } else {
        c.pop();
    }
    c.into_iter().collect()
}
