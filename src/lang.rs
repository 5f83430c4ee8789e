//! The language of human-readable output: Indonesian by default (the
//! users' language and the language of PermenPANRB 35/2012), English with
//! `--lang en`. Every text sopmap prints in a language is defined here, in
//! one table ([`texts!`]) where each text is written once with both
//! languages side by side, so that a text cannot lack its translation and
//! every renderer prints the same words. Grouped by reader: [`Labels`]
//! (the SOP AP form), [`DiffWords`], [`ChecklistWords`], [`Texts`] (the
//! other renderers) and [`Months`].

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
    /// The labels of the SOP AP form in this language.
    pub fn labels(self) -> &'static Labels {
        Labels::of(self)
    }

    /// The other words of the renderers in this language.
    pub fn texts(self) -> &'static Texts {
        Texts::of(self)
    }

    /// The words of the published catalogue in this language.
    pub fn site(self) -> &'static SiteWords {
        SiteWords::of(self)
    }

    /// The language's BCP 47 code, for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
}

/// A fixed text written in both languages where it is defined (a rule's
/// summary and explanation): both fields are required, so a text without
/// its translation does not compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bilingual {
    pub id: &'static str,
    pub en: &'static str,
}

impl Bilingual {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => self.id,
            Lang::En => self.en,
        }
    }
}

/// Every text sopmap prints in a language, in one table: each written
/// once with both languages side by side (`key: "Indonesian" / "English",`),
/// so a text without its translation does not compile. Each group becomes
/// a struct with one field per text, and `Group::of(lang)` gives the
/// texts of one language.
macro_rules! texts {
    ($($(#[$meta:meta])* $group:ident { $($field:ident: $id:literal / $en:literal,)* })*) => {
        $(
            $(#[$meta])*
            #[derive(Debug, PartialEq, Eq)]
            pub struct $group {
                $(pub $field: &'static str,)*
            }

            impl $group {
                /// The texts in `lang`.
                pub fn of(lang: Lang) -> &'static $group {
                    static ID: $group = $group { $($field: $id,)* };
                    static EN: $group = $group { $($field: $en,)* };
                    match lang {
                        Lang::Id => &ID,
                        Lang::En => &EN,
                    }
                }
            }
        )*
    };
}

texts! {
    /// Labels of the SOP AP identity block and flowchart table.
    Labels {
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
        // The word in a start or end capsule, and the activity of a capsule
        // written without one.
        start_capsule: "Mulai" / "Start",
        end_capsule: "Selesai" / "End",
        // Before the names of the actors who may stand in (`alternate`).
        alternate: "Pengganti" / "Substitute",
        // A branch that ends the procedure: "Tidak → selesai: …".
        ends: "selesai" / "ends",
    }
    /// YAML slips a policy writer makes (`yaml/slip.rs`): what is wrong in
    /// plain words, and what to type. `{key}` is the line's key, `{text}`
    /// the corrected text, `{want}` the numbers of spaces that would fit.
    YamlSlipWords {
        tab: "baris ini diberi indentasi dengan tab; YAML hanya menerima spasi" / "a tab indents this line; YAML indents with spaces only",
        tab_help: "ganti tab dengan spasi (dua spasi per tingkat)" / "replace the tab with spaces (two spaces per level)",
        odd_space: "indentasi baris ini memuat spasi khusus dari pengolah kata, bukan spasi biasa" / "this line is indented with a special space from a word processor, not a plain space",
        odd_space_help: "hapus spasi di awal baris lalu ketik ulang dengan tombol spasi" / "delete the space at the start of the line and type it again with the space bar",
        smart_quote: "tanda kutip miring dari pengolah kata bukan tanda kutip YAML" / "a curly quote from a word processor is not a YAML quote",
        smart_quote_help: "pakai tanda kutip lurus: {text}" / "use straight quotes: {text}",
        colon: "teks tanpa tanda kutip memuat titik dua diikuti spasi, sehingga terbaca sebagai kunci baru" / "unquoted text holds a colon followed by a space, which reads as a new key",
        colon_help: "beri tanda kutip pada teks yang mengandung titik dua: {text}" / "put text holding a colon in quotes: {text}",
        unclosed_quote: "tanda kutip dibuka di sini tetapi tidak ditutup" / "a quote opens here but is never closed",
        unclosed_quote_help: "tutup teks dengan tanda kutip yang sama di akhir baris: {text}" / "close the text with the same quote at the end of the line: {text}",
        text_after_quote: "tanda kutip ditutup di sini, tetapi teksnya masih berlanjut" / "the quote closes here, but the text goes on",
        text_after_quote_help: "letakkan seluruh teks di dalam tanda kutip: {text}" / "put the whole text inside the quotes: {text}",
        no_space_after_dash: "tanda `-` butir daftar harus diikuti spasi" / "the `-` of a list item must be followed by a space",
        no_space_after_dash_help: "tambahkan spasi setelah `-`: {text}" / "add a space after the `-`: {text}",
        no_space_after_colon: "titik dua setelah kunci `{key}` harus diikuti spasi" / "the colon after the key `{key}` must be followed by a space",
        no_space_after_colon_help: "tambahkan spasi setelah titik dua: {text}" / "add a space after the colon: {text}",
        odd_space_after_colon: "setelah titik dua kunci `{key}` terdapat spasi khusus dari pengolah kata, bukan spasi biasa" / "the space after the colon of the key `{key}` is a special space from a word processor, not a plain space",
        odd_space_after_colon_help: "hapus spasi itu lalu ketik ulang dengan tombol spasi: {text}" / "delete that space and type it again with the space bar: {text}",
        missing_colon: "baris ini tidak memiliki titik dua antara kunci dan nilainya" / "this line has no colon between its key and its value",
        missing_colon_help: "tulis kunci, titik dua dan spasi, lalu nilainya: {text}" / "write the key, a colon and a space, then the value: {text}",
        deeper: "baris ini menjorok lebih dalam daripada baris di atasnya, padahal baris di atas tidak membuka blok baru" / "this line is indented deeper than the line above, which opens no block",
        deeper_help: "mulai baris ini dengan {want} spasi, sejajar dengan baris di atasnya" / "start this line with {want} spaces, in line with the line above",
        misaligned: "indentasi baris ini tidak sejajar dengan baris mana pun di atasnya" / "the indentation of this line lines up with no line above it",
        misaligned_help: "mulai baris ini dengan {want} spasi, sejajar dengan baris setingkat di atasnya" / "start this line with {want} spaces, in line with the lines of its level above",
        value_then_list: "kunci `{key}` sudah bernilai `{text}` di barisnya, jadi tidak dapat diikuti daftar" / "the key `{key}` already has the value `{text}` on its line, so a list cannot follow",
        value_then_list_help: "tulis `{key}:` sendirian di barisnya dan setiap butir di bawahnya sebagai `- butir` (termasuk `{text}`), atau tulis `{key}: [{text}, …]`" / "write `{key}:` alone on its line and each item below it as `- item` (`{text}` too), or write `{key}: [{text}, …]`",
        pasted_quote_mark: "baris ini diawali `>`, tanda kutipan yang ikut tersalin dari surel" / "this line starts with `>`, a quotation mark copied along from an e-mail",
        pasted_quote_mark_help: "hapus `>` di awal baris: {text}" / "delete the `>` at the start of the line: {text}",
        text_after_block_mark: "setelah `|` atau `>` teks harus dimulai di baris berikutnya" / "after `|` or `>` the text must start on the next line",
        text_after_block_mark_help: "hapus `|` atau `>`, dan beri tanda kutip pada teksnya: {text}" / "delete the `|` or `>` and put the text in quotes: {text}",
        reserved: "teks tanpa tanda kutip tidak boleh diawali karakter ini; YAML memakainya sebagai tanda khusus" / "unquoted text cannot start with this character; YAML reserves it as a marker",
        reserved_help: "beri tanda kutip pada teksnya: {text}" / "put the text in quotes: {text}",
        unclosed_bracket: "kurung `{key}` dibuka di sini tetapi tidak ditutup" / "the bracket `{key}` opens here but is never closed",
        unclosed_bracket_help: "tutup dengan `{text}` setelah butir terakhir" / "close it with `{text}` after the last item",
        bad_escape: "di dalam tanda kutip ganda, garis miring terbalik memulai kode khusus, dan yang ini tidak dikenal" / "inside double quotes a backslash starts an escape code, and this one is unknown",
        bad_escape_help: "pakai tanda kutip tunggal agar garis miring terbalik tetap apa adanya: {text}" / "use single quotes so the backslash stays as written: {text}",
        parser: "YAML tidak dapat dibaca di sini" / "the YAML cannot be read here",
        several_documents: "berkas ini memuat lebih dari satu dokumen YAML (`---`); satu berkas SOP memuat tepat satu dokumen" / "this file holds more than one YAML document (`---`); a SOP file holds exactly one",
        several_documents_help: "hapus baris `---` ini dan pindahkan SOP berikutnya ke berkasnya sendiri" / "delete this `---` line and move the next SOP into a file of its own",
        parser_help: "periksa baris ini dan baris di atasnya: indentasi dengan spasi, tanda kutip yang berpasangan, dan titik dua diikuti spasi" / "check this line and the one above: spaces for indentation, quotes in pairs, and a space after each colon",
    }
    /// Words of `sopmap diff`: headings, what happened to a thing, how values read.
    DiffWords {
        identity: "Identitas" / "Identity",
        actors: "Pelaksana" / "Actors",
        steps: "Langkah" / "Steps",
        flow: "Alur" / "Flow",
        timing: "Waktu" / "Time",
        findings: "Temuan" / "Findings",
        warnings: "Peringatan" / "Warnings",
        added: "ditambahkan" / "added",
        removed: "dihapus" / "removed",
        renamed: "berganti id" / "new id",
        changed: "diubah" / "changed",
        retargeted: "dialihkan" / "retargeted",
        relabeled: "label diganti" / "relabelled",
        introduced: "baru" / "introduced",
        fixed: "diperbaiki" / "fixed",
        row: "baris" / "row",
        field: "Kolom" / "Field",
        old: "Lama" / "Old",
        new: "Baru" / "New",
        step: "Langkah" / "Step",
        path: "Jalur" / "Path",
        best: "jalur tercepat" / "best path",
        worst: "jalur terlama" / "worst path",
        unchanged: "tidak berubah" / "unchanged",
        none: "(tidak ada)" / "(none)",
        unknown: "(tidak dapat dihitung)" / "(cannot be computed)",
        yes: "ya" / "yes",
        no: "tidak" / "no",
        no_changes: "Tidak ada perubahan." / "No changes.",
        label: "label" / "label",
        via: "melalui" / "via",
        at: "di" / "at",
    }
    /// Words of `sopmap checklist`.
    ChecklistWords {
        checklist: "Daftar Periksa" / "Checklist",
        for_role: "Daftar periksa untuk" / "Checklist for",
        steps: "Langkah" / "Steps",
        decision: "Keputusan" / "Decision",
        go_on: "lanjut ke" / "go on to",
        go_back: "kembali ke" / "go back to",
        unknown_step: "langkah tidak dikenal" / "unknown step",
        assisting: "sebagai pelaksana pendamping" / "as a supporting actor",
        standing_in: "sebagai pelaksana pengganti" / "as a substitute actor",
        substitute: "pengganti" / "substitute",
        ends: "prosedur selesai" / "the procedure ends",
        with: "bersama" / "with",
        from: "Dari" / "From",
        to: "Ke" / "To",
        start_here: "awal SOP" / "start of the SOP",
        outcome: "Hasil akhir" / "Outcome",
        details: "Rincian" / "Details",
        signoff: "Pelaksanaan" / "Sign-off",
        done_by: "Dilaksanakan oleh" / "Done by",
        checked_by: "Diperiksa oleh" / "Checked by",
        none: "-" / "-",
    }
    /// `sopmap import`: its messages and the remarks it leaves in drafts.
    ImportWords {
        draft_from: "Draf hasil sopmap import dari" / "Draft made by sopmap import from",
        unsettled: "hal yang perlu diperiksa" / "things to check",
        no_text_layer: "PDF tidak memiliki lapisan teks (hasil pindai atau gambar); OCR tidak dilakukan" / "the PDF has no text layer (a scan or a picture); OCR is not attempted",
        not_sop_ap: "bukan dokumen SOP AP: tidak ada tabel flowchart dengan kolom No, Kegiatan, Pelaksana dan Mutu Baku" / "not a SOP AP document: no flowchart table with the columns No, Kegiatan, Pelaksana and Mutu Baku",
        flowchart_picture: "tabel flowchart tidak ada dalam teks PDF, tetapi ada gambar besar: tabel itu ditempel sebagai gambar; OCR tidak dilakukan" / "no flowchart table in the PDF's text, but a large picture: the table was pasted as an image; OCR is not attempted",
        no_poppler: "program poppler `{}` tidak ditemukan; pasang dengan `apt-get install poppler-utils` (Debian/Ubuntu)" / "poppler's `{}` was not found; install it with `apt-get install poppler-utils` (Debian/Ubuntu)",
        wrote: "ditulis" / "wrote",
        related_titles: "Keterkaitan dibaca sebagai judul SOP lain; isi `sop:` bila SOP itu ada di korpus" / "Keterkaitan read as titles of other SOPs; give `sop:` when that SOP is in the corpus",
        empty_box: "kotak ini kosong pada PDF" / "this box is empty in the PDF",
        actor_unnamed: "kolom Pelaksana tanpa nama, nomor" / "Pelaksana column without a name, number",
        loose_arrows: "panah yang salah satu ujungnya tidak menyentuh simbol" / "arrows with an end that touches no symbol",
        row_without_symbol: "baris bernomor tanpa simbol:" / "numbered row without a symbol:",
        symbols_pictured: "simbol flowchart ditempel sebagai gambar (tidak dibaca; OCR tidak dilakukan) pada baris bernomor" / "flowchart symbols pasted as a picture (not read; OCR is not attempted) in the numbered rows",
        straddles: "simbol melintasi lebih dari satu kolom Pelaksana; pelaksana dipilih dari kolom tengahnya" / "the symbol straddles Pelaksana columns; the actor is the column of its centre",
        sub_sop_guessed: "kotak bergaris ganda (SOP mikro): id sub_sop ditebak dari judulnya; periksa" / "double-bordered box (mikro SOP): the sub_sop id is guessed from its title; check it",
        time_as_note: "Waktu tidak terbaca sebagai durasi; ditulis sebagai time_note" / "Waktu does not read as a duration; written as time_note",
        branch_unlabelled: "panah cabang tanpa label di dekatnya" / "a branch arrow without a label near it",
        arrow_to_nothing: "panah cabang tidak menuju langkah mana pun" / "a branch arrow leads to no step",
        arrow_from_end: "panah keluar dari simbol akhir" / "an arrow leaves an end symbol",
        extra_arrow: "panah keluar tambahan dari langkah bukan keputusan, menuju" / "an extra arrow leaves a step that is not a decision, to",
        no_arrowhead: "kepala panah tidak ditemukan; arah panah diambil dari urutan gambar" / "no arrowhead found; the arrow's direction is the drawing order",
        next_by_row: "tidak ada panah keluar yang terbaca; langkah berikutnya diambil dari urutan baris" / "no outgoing arrow was read; the next step is the next row",
        no_identity_page: "halaman identitas tidak ditemukan" / "no identity page found",
        no_steps: "tidak ada langkah yang terbaca dari tabel flowchart" / "no step was read from the flowchart table",
        summary: "{} berkas diimpor, {} gagal; {} hal perlu diperiksa" / "{} files imported, {} failed; {} things to check",
    }

    /// The other words of the renderers (tables, diagrams, listings).
    Texts {
        step_id: "id langkah" / "step id",
        with: "bersama" / "with",
        no_actor: "(tanpa pelaksana)" / "(no actor)",
        start: "Mulai" / "Start",
        sopmap_findings: "temuan sopmap" / "sopmap findings",
        end: "Selesai" / "End",
        external_sop: "SOP luar" / "External SOP",
        sop_not_loaded: "SOP tidak dimuat" / "SOP not loaded",
        detailed: "dirinci" / "detailed",
        parent_child: "induk-anak" / "parent-child",
        prerequisite: "prasyarat" / "prerequisite",
        follow_up: "lanjutan" / "follow-up",
        related: "terkait" / "related",
        level: "Cakupan" / "Level",
        title: "Nama SOP" / "Title",
        unit: "Unit Kerja" / "Unit",
        steps: "Langkah" / "Steps",
        actors: "Pelaksana" / "Actors",
        slowest_path: "Jalur terlama" / "Slowest path",
        service_time: "Jangka waktu" / "Service time",
        errors: "Kesalahan" / "Errors",
        warnings: "Peringatan" / "Warnings",
        exceeded_suffix: " (terlampaui)" / " (exceeded)",
        not_comparable_suffix: " (tak terbandingkan)" / " (not comparable)",
        excluding_waiting: "tanpa waktu tunggu pihak luar" / "excluding waiting on outside parties",
        to: "ke" / "to",
        start_end: "mulai/selesai" / "start/end",
        process: "proses" / "process",
        process_with_sub_sop: "proses dirinci SOP lain" / "process detailed by another SOP",
        decision: "keputusan" / "decision",
        supporting_actor: "pelaksana pendamping" / "supporting actor",
        met: "terpenuhi" / "met",
        exceeded_verdict: "TERLAMPAUI" / "EXCEEDED",
        not_comparable_verdict: "tidak dapat dibandingkan tanpa kalender (hari kalender vs hari kerja)" / "cannot be compared without a calendar (calendar days vs working days)",
        equals: "setara" / "=",
        time: "Waktu" / "Time",
        working_day: "Hari kerja" / "Working day",
        timing_legend: "Waktu tunggu pihak luar tidak dihitung; setiap perulangan dihitung sekali; rentang: batas bawah (tercepat) dan batas atas (terlama)." / "Waiting on outside parties is not counted; each loop counts once; ranges: lower bound (fastest) and upper bound (slowest).",
        mixed_path_note: "Catatan: jalur mencampur hari kalender dengan waktu kerja; keduanya tidak dijumlahkan. Jalur terlama dipilih menurut hari kalender lebih dulu, lalu waktu kerja.\n" / "Note: the path mixes calendar days with working time; they are not added up. The slowest path is chosen by calendar days first, then working time.\n",
        critical_slowest_path: "Jalur kritis (terlama)" / "Critical (slowest) path",
        step: "Langkah" / "Step",
        wait_not_counted: "tunggu, tidak dihitung" / "wait, not counted",
        load_per_actor: "Beban per pelaksana" / "Load per actor",
        total_all_branches: "Total (semua cabang)" / "Total (all branches)",
        on_the_critical_path: "Di jalur kritis" / "On the critical path",
        waiting_on_critical_path: "Waktu tunggu di jalur kritis (tidak dihitung)" / "Waiting on the critical path (not counted)",
        wait_steps: "langkah tunggu" / "wait steps",
        steps_without_time: "Langkah tanpa waktu (tidak dihitung)" / "Steps without a time (not counted)",
        untimed: "Tanpa waktu" / "Untimed",
        cannot_be_judged_no_times: "tidak dapat dinilai: tidak ada langkah yang mencantumkan waktu" / "cannot be judged: no step states a time",
        cannot_be_judged_suffix: " (tak dapat dinilai)" / " (cannot be judged)",
        met_so_far: "terpenuhi sejauh ini" / "met so far",
        met_so_far_suffix: " (terpenuhi sejauh ini)" / " (met so far)",
        steps_untimed: "langkah tanpa waktu" / "steps untimed",
        no_step_states_a_time: "— (tidak ada langkah yang mencantumkan waktu)" / "— (no step states a time)",
        steps_not_counted: "langkah tanpa waktu, tidak dihitung" / "steps without a time, not counted",
        step_not_counted: "langkah tanpa waktu, tidak dihitung" / "step without a time, not counted",
        untimed_short: "tanpa waktu" / "untimed",
        loops_counted_once: "Perulangan dihitung sekali (panah balik)" / "Loops counted once (back arrows)",
        logo: "Logo" / "Logo",
        signature_and_stamp: "(tanda tangan dan cap)" / "(signature and stamp)",
        continued: "lanjutan" / "continued",
        actor_key_prefix: "P" / "A",
        list_of_sops: "Daftar SOP" / "List of SOPs",
        steps_lower: "langkah" / "steps",
        working_day_one: "hari kerja" / "working day",
        working_days: "hari kerja" / "working days",
        relation_parent: "SOP induk (makro)" / "parent (macro) SOP",
        relation_child: "SOP turunan (mikro)" / "child (micro) SOP",
        relation_prerequisite: "SOP prasyarat" / "prerequisite SOP",
        relation_follow_up: "SOP lanjutan" / "follow-up SOP",
        relation_related: "SOP terkait" / "related SOP",
    }
    /// Words of the published catalogue (`sopmap site`).
    SiteWords {
        site_title: "Katalog SOP" / "SOP catalogue",
        skip_to_content: "Langsung ke isi" / "Skip to content",
        site_navigation: "Navigasi situs" / "Site navigation",
        nav_index: "Daftar SOP" / "All SOPs",
        nav_actors: "Per pelaksana" / "By actor",
        nav_map: "Peta SOP" / "SOP map",
        nav_reviewers: "Temuan" / "Findings",
        generated_by: "Dibuat oleh sopmap dari berkas YAML sop-ap/1." / "Generated by sopmap from sop-ap/1 YAML files.",
        search: "Cari" / "Search",
        search_hint: "Nomor, nama, unit, kegiatan atau pelaksana; huruf besar/kecil dan aksen diabaikan." / "Number, title, unit, activity or actor; case and accents are ignored.",
        filter_level: "Cakupan" / "Level",
        filter_unit: "Unit kerja" / "Unit",
        filter_actor: "Pelaksana" / "Actor",
        all: "Semua" / "All",
        shown: "SOP ditampilkan" / "SOPs shown",
        of: "dari" / "of",
        sort_by: "Urutkan menurut" / "Sort by",
        status: "Status" / "Status",
        clean: "bersih" / "clean",
        warnings: "peringatan" / "warnings",
        errors: "kesalahan" / "errors",
        flowchart: "Bagan alir" / "Flowchart",
        flowchart_page: "halaman" / "page",
        flowchart_desc: "Bagan alir SOP AP: satu baris per langkah, satu kolom per pelaksana. Setiap langkah tertulis lengkap di daftar periksa di bawah." / "SOP AP flowchart: one row per step, one column per actor. Every step is written out in the checklist below.",
        identity: "Identitas" / "Identity",
        timing: "Waktu" / "Timing",
        links: "Keterkaitan" / "Links",
        makro_parent: "SOP makro induk" / "Makro parent",
        mikro_children: "SOP mikro turunan" / "Mikro children",
        other_related: "SOP terkait lainnya" / "Other related SOPs",
        not_in_site: "tidak ada di katalog ini" / "not in this catalogue",
        external: "SOP luar" / "external SOP",
        none: "Tidak ada." / "None.",
        findings: "Temuan" / "Findings",
        no_findings: "Tidak ada temuan." / "No findings.",
        downloads: "Unduhan" / "Downloads",
        download_yaml: "Sumber YAML" / "YAML source",
        download_bpmn: "BPMN 2.0 (bpmn.io, Camunda Modeler)" / "BPMN 2.0 (bpmn.io, Camunda Modeler)",
        download_print: "Dokumen SOP AP siap cetak (HTML)" / "Print-ready SOP AP document (HTML)",
        download_pdf: "Dokumen SOP AP (PDF)" / "SOP AP document (PDF)",
        verdict: "Jangka waktu terpenuhi?" / "Service time met?",
        at_step: "langkah" / "step",
        line: "baris" / "line",
        actors_intro: "Setiap langkah yang dikerjakan setiap pelaksana di semua SOP, untuk dibaca pertama kali oleh pegawai baru." / "Every step each actor carries out across all SOPs: what a new staff member reads first.",
        role: "Peran" / "Role",
        role_main: "pelaksana" / "actor",
        role_alternate: "pengganti" / "substitute",
        role_with: "pendamping" / "supporting",
        activity: "Kegiatan" / "Activity",
        sop: "SOP" / "SOP",
        map_intro: "SOP makro dan SOP mikro yang merinci langkahnya. Klik sebuah kotak untuk membuka SOP-nya." / "Makro SOPs and the mikro SOPs detailing their steps. Click a box to open its SOP.",
        map_desc: "Setiap SOP makro di kiri, garis ke setiap SOP mikro turunannya di kanan. Daftar yang sama tertulis di bawah bagan." / "Each makro SOP on the left, a line to each of its mikro children on the right. The same list is written out below the diagram.",
        map_list: "Daftar makro dan mikro" / "Makro and mikro list",
        unlinked: "SOP tanpa induk makro" / "SOPs without a makro parent",
        reviewers_intro: "Setiap temuan di katalog, per aturan lalu per SOP, dengan tautan ke langkahnya." / "Every finding in the catalogue, by rule then by SOP, linked to its step.",
        rule: "Aturan" / "Rule",
        no_page: "tanpa halaman: berkas ini bukan SOP yang terbaca" / "no page: this file is not a readable SOP",
        sops_count: "SOP" / "SOPs",
        steps_count: "langkah" / "steps",
    }
    /// Words of the finding reports and the summary line of `check`.
    ReportWords {
        help: "saran:" / "help:",
        help_name: "saran" / "help",
        note: "catatan" / "note",
        checked_before: "" / "checked ",
        checked_after: " diperiksa" / "",
        no_problems: "tidak ada masalah" / "no problems found",
        found: "ditemukan" / "found",
        error: "kesalahan" / "error",
        errors: "kesalahan" / "errors",
        warning: "peringatan" / "warning",
        warnings: "peringatan" / "warnings",
        file: "berkas" / "file",
        files: "berkas" / "files",
        and: " dan " / " and ",
        in_: "dalam" / "in",
        of: "dari" / "of",
        could_not_be_read: "tidak dapat dibaca" / "could not be read",
        too_many_warnings: "terlalu banyak peringatan" / "too many warnings",
        // Findings that follow from another (its cause), counted apart:
        // "1 kesalahan (17 turunan)".
        follow_on: "turunan" / "follow-on",
        follow_ons_here: "temuan turunan yang disebabkan temuan ini" / "follow-on findings caused by this one",
        and_more: "dan {n} lainnya" / "and {n} more",
    }
    /// Words of `sopmap rules`, `sopmap explain` and the generated rule
    /// reference (`docs/rules.md`, `docs/rules.id.md`).
    RulesWords {
        title: "Aturan" / "Rules",
        generated: "Dihasilkan dari daftar aturan (src/rule_id/table.rs); jangan disunting langsung. Hasilkan ulang dengan `UPDATE_EXPECT=1 cargo test rules_reference`. English: docs/rules.md." / "Generated from the rule registry (src/rule_id/table.rs); do not edit by hand. Regenerate with `UPDATE_EXPECT=1 cargo test rules_reference`. Bahasa Indonesia: docs/rules.id.md.",
        intro: "Setiap aturan memiliki kode tetap, nama berhuruf kecil dengan tanda hubung, dan tingkat bawaan. Pilih atau abaikan aturan dengan salah satunya (`--select cycle`, `--ignore SOP301`); `sopmap explain <kode atau nama>` mencetak penjelasan aturan. Ketepatan aturan yang bersifat perkiraan diukur dalam [docs/measurements.md](measurements.md)." / "Every rule has a stable code, a kebab-case name and a default level. Select or ignore rules by either (`--select cycle`, `--ignore SOP301`); `sopmap explain <code or name>` prints a rule's explanation. The measured precision of the heuristic rules is in [docs/measurements.md](measurements.md).",
        columns: "Kode | Nama | Tingkat bawaan | Ringkasan" / "Code | Name | Default level | Summary",
        default_level: "Tingkat bawaan:" / "Default level:",
        code: "Kode" / "Code",
        name: "Nama" / "Name",
        level: "Tingkat" / "Level",
        summary: "Ringkasan" / "Summary",
        unknown_rule: "aturan `{rule}` tidak dikenal" / "unknown rule `{rule}`",
        list_them: "jalankan `sopmap rules` untuk melihat daftarnya" / "run `sopmap rules` to list them",
    }
    /// Month names for dates written out.
    Months {
        january: "Januari" / "January",
        february: "Februari" / "February",
        march: "Maret" / "March",
        april: "April" / "April",
        may: "Mei" / "May",
        june: "Juni" / "June",
        july: "Juli" / "July",
        august: "Agustus" / "August",
        september: "September" / "September",
        october: "Oktober" / "October",
        november: "November" / "November",
        december: "Desember" / "December",
    }
    /// The summary line of `check --fix` and `--diff` (`fixed 3 findings in
    /// 2 files`), and the language server's "fix all" action.
    FixWords {
        nothing: "tidak ada yang perlu diperbaiki" / "nothing to fix",
        fixed_before: "" / "fixed ",
        fixed_after: " diperbaiki" / "",
        would_before: "" / "would fix ",
        would_after: " akan diperbaiki" / "",
        finding: "temuan" / "finding",
        findings: "temuan" / "findings",
        unsettled_before: "; perbaikan masih bermunculan setelah " / "; fixes were still appearing after ",
        unsettled_after: " putaran, jalankan lagi untuk melihat sisanya" / " rounds, run again to see what is left",
        fix_all: "Terapkan semua perbaikan aman sopmap di berkas ini" / "Fix all safe sopmap fixes in this file",
    }
    /// Messages of the language server to the editor's user.
    LspWords {
        slow_before: "pemeriksaan `" / "checking `",
        slow_after: "` memakan waktu lebih dari batasnya; temuannya menyusul setelah selesai, berkas lain tetap diperiksa" / "` is taking longer than its budget; its findings follow when it ends, other files are checked meanwhile",
        config_ignored: "pengaturan diabaikan sampai diperbaiki" / "the settings are ignored until it is fixed",
        bad_lang: "bahasa tidak dikenal; gunakan `id` atau `en`" / "unknown language; use `id` or `en`",
        external: " (eksternal)" / " (external)",
        actor: "pelaksana" / "actor",
    }
}

impl Lang {
    /// A date written out as printed documents write it: `15 November 2022`.
    pub fn long_date(self, d: &crate::model::Date) -> String {
        let m = Months::of(self);
        let months = [
            m.january,
            m.february,
            m.march,
            m.april,
            m.may,
            m.june,
            m.july,
            m.august,
            m.september,
            m.october,
            m.november,
            m.december,
        ];
        match (months.get(usize::from(d.month).wrapping_sub(1)), d.day) {
            (Some(m), Some(day)) => format!("{day} {m} {}", d.year),
            (Some(m), None) => format!("{m} {}", d.year),
            (None, _) => d.to_string(),
        }
    }

    /// How a Keterkaitan entry relates to this SOP.
    pub fn relation(self, r: crate::model::Relation) -> &'static str {
        use crate::model::Relation;
        let t = self.texts();
        match r {
            Relation::Parent => t.relation_parent,
            Relation::Child => t.relation_child,
            Relation::Prerequisite => t.relation_prerequisite,
            Relation::FollowUp => t.relation_follow_up,
            Relation::Related => t.relation_related,
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
