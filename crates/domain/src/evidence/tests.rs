use proptest::prelude::*;

use super::*;

/// How a test ZIP is written.
#[derive(Clone, Copy, PartialEq)]
enum Zip {
    /// Sizes in the local headers, as Office writes them.
    Sized,
    /// Sizes in data descriptors after the data, as streaming writers do.
    Streamed,
}

/// A minimal ZIP of stored (uncompressed) entries, with its central directory.
fn zip(entries: &[(&str, &[u8])], style: Zip) -> Vec<u8> {
    let le16 = |n: usize| u16::try_from(n).expect("small").to_le_bytes();
    let le32 = |n: usize| u32::try_from(n).expect("small").to_le_bytes();
    let flags = if style == Zip::Streamed { 0x08 } else { 0 };
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, data) in entries {
        let offset = out.len();
        let size = if style == Zip::Streamed { 0 } else { data.len() };
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&le16(20)); // version needed
        out.extend_from_slice(&le16(flags));
        out.extend_from_slice(&le16(0)); // stored
        out.extend_from_slice(&[0; 8]); // time, date, CRC-32 (not checked)
        out.extend_from_slice(&le32(size));
        out.extend_from_slice(&le32(size));
        out.extend_from_slice(&le16(name.len()));
        out.extend_from_slice(&le16(0)); // extra
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        if style == Zip::Streamed {
            out.extend_from_slice(b"PK\x07\x08\0\0\0\0");
            out.extend_from_slice(&le32(data.len()));
            out.extend_from_slice(&le32(data.len()));
        }
        directory.extend_from_slice(b"PK\x01\x02");
        directory.extend_from_slice(&le16(20)); // made by
        directory.extend_from_slice(&le16(20)); // needed
        directory.extend_from_slice(&le16(flags));
        directory.extend_from_slice(&le16(0));
        directory.extend_from_slice(&[0; 8]);
        directory.extend_from_slice(&le32(data.len()));
        directory.extend_from_slice(&le32(data.len()));
        directory.extend_from_slice(&le16(name.len()));
        directory.extend_from_slice(&[0; 12]); // extra, comment, disk, attributes
        directory.extend_from_slice(&le32(offset));
        directory.extend_from_slice(name.as_bytes());
    }
    let directory_offset = out.len();
    out.extend_from_slice(&directory);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    out.extend_from_slice(&le16(entries.len()));
    out.extend_from_slice(&le16(entries.len()));
    out.extend_from_slice(&le32(directory.len()));
    out.extend_from_slice(&le32(directory_offset));
    out.extend_from_slice(&le16(0));
    out
}

const CONTENT_TYPES: (&str, &[u8]) = ("[Content_Types].xml", b"<?xml version=\"1.0\"?><Types/>");
const RELS: (&str, &[u8]) = ("_rels/.rels", b"<Relationships/>");

fn office(folder_entry: &str) -> Vec<u8> {
    zip(&[CONTENT_TYPES, RELS, (folder_entry, b"<document/>")], Zip::Sized)
}

fn head(file: &[u8]) -> &[u8] {
    file.get(..HEAD_LEN).unwrap_or(file)
}

const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
const JPEG: &[u8] = b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0";
const OLE: &[u8] =
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x3e\0\x03\0\xfe\xff\x09\0";
/// 「議事録,関係課」 and a line end in Shift_JIS: trail bytes 0x63 and 0x5E are ASCII.
const SHIFT_JIS: &[u8] = b"\x8b\x63\x8e\x96\x98\x5e,\x8a\xd6\x8c\x57\x89\xdb\r\n";

#[test]
fn accepts_pdf_png_and_jpeg_whatever_their_names() {
    assert_eq!(detect(PDF, "議事録.pdf"), Some(EvidenceKind::Pdf));
    assert_eq!(detect(PDF, "議事録.docx"), Some(EvidenceKind::Pdf));
    assert_eq!(detect(PNG, "写真"), Some(EvidenceKind::Png));
    assert_eq!(detect(JPEG, "IMG_0001.JPG"), Some(EvidenceKind::Jpeg));
    assert_eq!(detect(JPEG, "チラシ.png"), Some(EvidenceKind::Jpeg));
}

#[test]
fn accepts_office_open_xml_by_its_entries() {
    assert_eq!(detect(&office("word/document.xml"), "議事録.docx"), Some(EvidenceKind::Word));
    assert_eq!(detect(&office("xl/workbook.xml"), "実績.xlsx"), Some(EvidenceKind::Excel));
    assert_eq!(detect(&office("ppt/presentation.xml"), "説明資料.pptx"), Some(EvidenceKind::PowerPoint));
    // The content decides, not the name.
    assert_eq!(detect(&office("xl/workbook.xml"), "実績.docx"), Some(EvidenceKind::Excel));
    assert_eq!(detect(&office("word/document.xml"), "no-extension"), Some(EvidenceKind::Word));
}

#[test]
fn reads_the_entries_of_a_large_document_from_its_first_bytes() {
    let body = vec![b'x'; 3 * HEAD_LEN];
    let file =
        zip(&[CONTENT_TYPES, RELS, ("word/document.xml", &body), ("word/styles.xml", b"")], Zip::Sized);
    assert!(file.len() > 3 * HEAD_LEN);
    assert_eq!(detect(head(&file), "report.docx"), Some(EvidenceKind::Word));
}

#[test]
fn follows_streamed_entries_and_the_central_directory() {
    let file = zip(&[RELS, ("xl/workbook.xml", b"<workbook/>"), CONTENT_TYPES], Zip::Streamed);
    assert_eq!(detect(&file, "book.xlsx"), Some(EvidenceKind::Excel));
    // With `[Content_Types].xml` written last, far beyond the first bytes, only the whole
    // file tells: the head alone is refused, never guessed.
    let padding = vec![b' '; 2 * HEAD_LEN];
    let file = zip(&[RELS, ("xl/workbook.xml", &padding), CONTENT_TYPES], Zip::Sized);
    assert_eq!(detect(&file, "book.xlsx"), Some(EvidenceKind::Excel));
    assert_eq!(detect(head(&file), "book.xlsx"), None);
}

#[test]
fn accepts_legacy_office_files_named_for_their_application() {
    for (name, app) in [
        ("議事録.doc", OfficeApp::Word),
        ("実績.XLS", OfficeApp::Excel),
        ("説明.ppt", OfficeApp::PowerPoint),
        ("説明.pps", OfficeApp::PowerPoint),
    ] {
        assert_eq!(detect(OLE, name), Some(EvidenceKind::LegacyOffice(app)), "{name}");
    }
    assert_eq!(detect(OLE, "setup.msi"), None);
    assert_eq!(detect(OLE, "mail.msg"), None);
    assert_eq!(detect(OLE, "document"), None);
}

#[test]
fn accepts_text_and_csv_in_utf8_and_shift_jis() {
    let utf8 = "施策の方向,実績\r\n1-1-1,3回\r\n".as_bytes();
    let with_bom = [b"\xef\xbb\xbf".as_slice(), utf8].concat();
    assert_eq!(detect(utf8, "実績.csv"), Some(EvidenceKind::Csv(TextEncoding::Utf8)));
    assert_eq!(detect(&with_bom, "実績.CSV"), Some(EvidenceKind::Csv(TextEncoding::Utf8)));
    assert_eq!(detect(SHIFT_JIS, "実績.csv"), Some(EvidenceKind::Csv(TextEncoding::ShiftJis)));
    assert_eq!(detect(utf8, "メモ.txt"), Some(EvidenceKind::Text(TextEncoding::Utf8)));
    assert_eq!(detect(SHIFT_JIS, "メモ.txt"), Some(EvidenceKind::Text(TextEncoding::ShiftJis)));
    // Text named as something else is still text, and a CSV only by its name.
    assert_eq!(detect(utf8, "実績.pdf"), Some(EvidenceKind::Text(TextEncoding::Utf8)));
    assert_eq!(detect(b"\tplain words\x0c\n", "notes"), Some(EvidenceKind::Text(TextEncoding::Utf8)));
}

#[test]
fn accepts_text_whose_head_ends_inside_a_character() {
    let text = "議事録".repeat(HEAD_LEN);
    let cut = &text.as_bytes()[..HEAD_LEN];
    assert!(std::str::from_utf8(cut).is_err());
    assert_eq!(detect(cut, "memo.txt"), Some(EvidenceKind::Text(TextEncoding::Utf8)));
    let sjis = SHIFT_JIS.repeat(HEAD_LEN / SHIFT_JIS.len() + 1);
    assert_eq!(detect(&sjis[..HEAD_LEN + 1], "a.csv"), Some(EvidenceKind::Csv(TextEncoding::ShiftJis)));
}

#[test]
fn refuses_programs_dressed_as_documents() {
    let exe = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0\xb8\0\0\0\0\0\0\0@\0";
    let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0>\0";
    for (bytes, name) in [
        (exe.as_slice(), "議事録.pdf"),
        (b"MZ".as_slice(), "memo.txt"),
        (elf.as_slice(), "議事録.pdf"),
        (b"\xcf\xfa\xed\xfe\x07\0\0\x01".as_slice(), "a.png"),
        (b"#!/bin/sh\nrm -rf ~\n".as_slice(), "memo.txt"),
    ] {
        assert_eq!(detect(bytes, name), None, "{name}");
    }
}

#[test]
fn refuses_zip_files_that_are_not_office_documents() {
    let cases = [
        ("plain archive", zip(&[("photo.jpg", JPEG), ("notes.txt", b"hello")], Zip::Sized)),
        ("no folder", zip(&[CONTENT_TYPES, RELS, ("docProps/app.xml", b"")], Zip::Sized)),
        ("no content types", zip(&[RELS, ("word/document.xml", b"")], Zip::Sized)),
        ("OpenDocument", zip(&[("mimetype", b"application/vnd.oasis.opendocument.text")], Zip::Sized)),
        ("macros", zip(&[CONTENT_TYPES, ("xl/workbook.xml", b""), ("xl/vbaProject.bin", b"")], Zip::Sized)),
        ("program", zip(&[CONTENT_TYPES, ("word/document.xml", b""), ("word/setup.EXE", b"MZ")], Zip::Sized)),
        ("empty", b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0".to_vec()),
        ("truncated", b"PK\x03\x04\x14\0".to_vec()),
    ];
    for (what, bytes) in cases {
        assert_eq!(detect(&bytes, "document.docx"), None, "{what}");
    }
}

#[test]
fn refuses_html_svg_and_binary_text() {
    let cases: [(&str, &[u8]); 12] = [
        ("html", b"<!DOCTYPE html><html><body>hi</body></html>"),
        ("html after spaces", b"\r\n  <HTML>\n"),
        ("html with a bom", b"\xef\xbb\xbf<html lang=\"ja\">"),
        ("svg", b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        ("script in text", b"memo\n<ScRiPt>alert(1)</script>\n"),
        ("svg in a csv", b"a,b\n1,<svg onload=alert(1)>\n"),
        ("nul", b"hello\0world"),
        ("utf-16", b"\xff\xfeh\0e\0l\0l\0o\0"),
        ("escape", b"\x1b$B$3$s$K$A$O\x1b(B"),
        ("bom without utf-8", b"\xef\xbb\xbf\x8b\x63\x8e\x96"),
        ("not shift_jis", b"caf\xe9 \xff\xfe"),
        ("gif", b"GIF89a\x01\0\x01\0\x80\0\0"),
    ];
    for (what, bytes) in cases {
        assert_eq!(detect(bytes, "file.txt"), None, "{what}");
        assert_eq!(detect(bytes, "file.csv"), None, "{what}");
    }
}

#[test]
fn refuses_empty_files() {
    assert_eq!(detect(b"", "empty.txt"), None);
    assert_eq!(detect(b"\xef\xbb\xbf", "bom-only.csv"), None);
}

#[test]
fn names_media_types_labels_and_extensions() {
    assert_eq!(
        EvidenceKind::Word.mime(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert_eq!(EvidenceKind::Csv(TextEncoding::Utf8).mime(), "text/csv; charset=utf-8");
    assert_eq!(EvidenceKind::Csv(TextEncoding::ShiftJis).mime(), "text/csv");
    assert_eq!(EvidenceKind::Text(TextEncoding::ShiftJis).mime(), "text/plain");
    assert_eq!(EvidenceKind::LegacyOffice(OfficeApp::Excel).mime(), "application/vnd.ms-excel");
    assert_eq!(EvidenceKind::Jpeg.extension(), "jpg");
    assert_eq!(EvidenceKind::LegacyOffice(OfficeApp::PowerPoint).extension(), "ppt");
    assert_eq!(EvidenceKind::Text(TextEncoding::Utf8).extension(), "txt");
    assert_eq!(EvidenceKind::Excel.label(Language::Ja), "Excelブック");
    assert_eq!(EvidenceKind::Png.label(Language::En), "PNG image");
    for kind in EvidenceKind::ALL {
        assert_eq!(EvidenceKind::from_mime(kind.mime()), Some(kind), "{kind:?}");
        assert!(kind.extensions().contains(&kind.extension()));
    }
    assert_eq!(EvidenceKind::from_mime("text/html"), None);
}

#[test]
fn download_names_end_in_what_the_file_is() {
    assert_eq!(download_name("会議.exe", EvidenceKind::Pdf), "会議.exe.pdf");
    assert_eq!(download_name("写真.JPEG", EvidenceKind::Jpeg), "写真.JPEG");
    assert_eq!(download_name("実績.xls", EvidenceKind::LegacyOffice(OfficeApp::Excel)), "実績.xls");
    assert_eq!(download_name("一覧.html", EvidenceKind::Text(TextEncoding::Utf8)), "一覧.html.txt");
    assert_eq!(download_name("議事録", EvidenceKind::Word), "議事録.docx");
}

#[test]
fn accepts_ordinary_names_and_trims_them() {
    for name in
        ["令和6年度 第2回 推進会議 議事録.pdf", "チラシ(最終版).png", ".htaccess", "console.txt", "COM10.pdf"]
    {
        assert_eq!(check_file_name(name).as_deref(), Ok(name));
    }
    assert_eq!(check_file_name("  報告書.xlsx\u{3000}\n").as_deref(), Ok("報告書.xlsx"));
    let longest = "あ".repeat(MAX_NAME_CHARS - 4) + ".pdf";
    assert_eq!(check_file_name(&longest), Ok(longest.clone()));
}

#[test]
fn refuses_paths_controls_reserved_and_overlong_names() {
    use FileNameProblem::*;
    let too_long = "あ".repeat(MAX_NAME_CHARS - 3) + ".pdf";
    let cases = [
        ("../../etc/passwd", PathSeparator),
        ("..\\..\\windows\\win.ini", PathSeparator),
        ("議事録/2024.pdf", PathSeparator),
        (".", OnlyDots),
        ("..", OnlyDots),
        (" ... ", OnlyDots),
        ("", Empty),
        (" \u{3000}\t", Empty),
        ("a\u{0}b.pdf", ControlCharacter { character: '\u{0}' }),
        ("議事\n録.pdf", ControlCharacter { character: '\n' }),
        ("a\u{7f}.pdf", ControlCharacter { character: '\u{7f}' }),
        ("a\u{85}b.pdf", ControlCharacter { character: '\u{85}' }),
        ("invoice\u{202e}fdp.exe", ControlCharacter { character: '\u{202e}' }),
        ("\u{2066}report.pdf", ControlCharacter { character: '\u{2066}' }),
        (&too_long, TooLong { chars: MAX_NAME_CHARS + 1 }),
        ("CON", ReservedName { name: "CON".into() }),
        ("nul.txt", ReservedName { name: "nul".into() }),
        ("Com1.tar.gz", ReservedName { name: "Com1".into() }),
        ("LPT9.pdf", ReservedName { name: "LPT9".into() }),
        ("com¹.pdf", ReservedName { name: "com¹".into() }),
        ("AUX .pdf", ReservedName { name: "AUX".into() }),
    ];
    for (name, problem) in cases {
        assert_eq!(check_file_name(name), Err(problem), "{name:?}");
    }
}

#[test]
fn file_name_problems_read_in_both_languages() {
    let problem = check_file_name("a\u{202e}b").expect_err("an override is refused");
    assert_eq!(problem.localized(Language::Ja), "ファイル名に使えない制御文字（U+202E）が含まれています");
    assert_eq!(problem.localized(Language::En), "the file name contains a control character (U+202E)");
    let problem = check_file_name("con.pdf").expect_err("a device name is refused");
    assert!(problem.localized(Language::Ja).contains("「con」はWindowsで予約されている名前"));
    assert!(FileNameProblem::TooLong { chars: 201 }.localized(Language::En).contains("at most 200"));
}

#[test]
fn dispositions_carry_a_fallback_and_the_exact_name() {
    assert_eq!(
        content_disposition("令和6年度 第2回 推進会議 議事録.pdf"),
        "attachment; filename=\"__6__ _2_ ____ ___.pdf\"; filename*=UTF-8''\
         %E4%BB%A4%E5%92%8C6%E5%B9%B4%E5%BA%A6%20%E7%AC%AC2%E5%9B%9E%20%E6%8E%A8%E9%80%B2%E4%BC%9A%E8%AD%B0%20\
         %E8%AD%B0%E4%BA%8B%E9%8C%B2.pdf"
    );
    assert_eq!(
        content_disposition("say \"hi\"\\now.txt"),
        "attachment; filename=\"say hinow.txt\"; filename*=UTF-8''say%20%22hi%22%5Cnow.txt"
    );
    assert_eq!(
        content_disposition("a\r\nSet-Cookie: x=1"),
        "attachment; filename=\"a__Set-Cookie: x=1\"; filename*=UTF-8''a%0D%0ASet-Cookie%3A%20x%3D1"
    );
}

fn percent_decode(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut bytes = text.bytes();
    while let Some(byte) = bytes.next() {
        if byte == b'%' {
            let hex: String = bytes.by_ref().take(2).map(char::from).collect();
            out.push(u8::from_str_radix(&hex, 16).expect("two hex digits"));
        } else {
            out.push(byte);
        }
    }
    out
}

#[test]
fn detection_never_panics() {
    let names = "\\PC{0,12}(\\.(csv|doc|xls|ppt|txt))?";
    proptest!(|(bytes in prop::collection::vec(any::<u8>(), 0..600), name in names)| {
        let _ = detect(&bytes, &name);
    });
    // Structured prefixes reach the ZIP and OLE readers, with lengths and offsets that
    // point anywhere.
    let prefixes = prop::sample::select(vec![
        b"PK\x03\x04".to_vec(),
        OLE.to_vec(),
        office("word/document.xml"),
        b"\xef\xbb\xbf".to_vec(),
    ]);
    proptest!(|(prefix in prefixes, tail in prop::collection::vec(any::<u8>(), 0..300), cut in any::<prop::sample::Index>(), end in any::<bool>())| {
        let mut bytes = prefix;
        let at = cut.index(bytes.len() + 1);
        bytes.truncate(at);
        bytes.extend_from_slice(&tail);
        if end {
            bytes.extend_from_slice(b"PK\x05\x06\0\0\0\0\x05\0\x05\0\xff\xff\0\0\x10\0\0\0\0\0");
        }
        let _ = detect(&bytes, "a.docx");
    });
}

#[test]
fn accepted_names_are_safe_names() {
    proptest!(|(name in "(?:\\PC|[/\\\\.\u{0}-\u{1f}\u{7f}-\u{9f}\u{202a}-\u{202e}\u{2066}-\u{2069} ]){0,220}")| {
        if let Ok(accepted) = check_file_name(&name) {
            prop_assert!(!accepted.contains(['/', '\\']));
            prop_assert!(!accepted.chars().any(char::is_control));
            let bidi = |c: char| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            prop_assert!(!accepted.chars().any(bidi), "{:?}", accepted);
            prop_assert!(accepted.chars().count() <= MAX_NAME_CHARS);
            prop_assert!(!accepted.is_empty() && accepted != "." && accepted != "..");
            prop_assert_eq!(accepted.trim(), accepted.as_str());
        }
    });
}

#[test]
fn dispositions_are_printable_ascii_and_keep_the_name() {
    proptest!(|(name in any::<String>())| {
        let value = content_disposition(&name);
        prop_assert!(value.bytes().all(|b| b == b' ' || b.is_ascii_graphic()), "{value:?}");
        let encoded = value.split_once("filename*=UTF-8''").map(|(_, e)| e).unwrap_or_default();
        prop_assert_eq!(percent_decode(encoded), name.as_bytes());
        let _ = download_name(&name, EvidenceKind::Pdf);
    });
}
