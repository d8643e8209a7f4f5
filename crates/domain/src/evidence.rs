//! Evidence files (meeting minutes, flyers, photos, spreadsheets) that owners attach to
//! their reports: which files are accepted, what they are, and how their names are
//! checked and sent back.
//!
//! A file is judged by its bytes, never by its name: an executable renamed `議事録.pdf`
//! is refused, and a PDF named `議事録.docx` is a PDF. Only formats a municipal office
//! actually exchanges are accepted (PDF, PNG, JPEG, Word, Excel, PowerPoint in both their
//! current and legacy forms, CSV and plain text). HTML and SVG are refused although they
//! are text: they carry scripts that run when a browser opens them.
//!
//! The name is kept for people, so it is checked ([`check_file_name`]) rather than
//! repaired, and sent back in a header that cannot be broken by it
//! ([`content_disposition`]). Because the name may still say something other than the
//! content (a PDF named `a.exe`), downloads should use [`download_name`].

use crate::i18n::{Language, Localized};

/// How much of the start of a file [`detect`] needs: pass at least this many bytes, or
/// the whole file if it is smaller. More is fine and can only help (see [`detect`]).
pub const HEAD_LEN: usize = 8 * 1024;

/// The longest file name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 200;

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";
const JPEG_MAGIC: &[u8] = b"\xff\xd8\xff";
const PDF_MAGIC: &[u8] = b"%PDF-";
/// The OLE compound file (Compound File Binary) of .doc, .xls and .ppt.
const OLE_MAGIC: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";
const ZIP_LOCAL_HEADER: &[u8] = b"PK\x03\x04";
const ZIP_CENTRAL_HEADER: &[u8] = b"PK\x01\x02";
const ZIP_END_OF_DIRECTORY: &[u8] = b"PK\x05\x06";
const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

/// Starts of programs: refused whatever else the bytes might pass for. A Windows
/// executable (`MZ`), ELF, Mach-O (both byte orders, and fat binaries, which share
/// `CAFEBABE` with Java classes) and scripts (`#!`).
const PROGRAM_MAGICS: [&[u8]; 8] = [
    b"MZ",
    b"#!",
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
];

/// Entry names that no genuine Office document contains: a ZIP with one of these is an
/// archive of programs dressed as a document. `vbaProject.bin` is the macro project of
/// .docm/.xlsm/.pptm: evidence does not need macros, and macros are how documents attack.
const FORBIDDEN_ENTRY_SUFFIXES: [&[u8]; 15] = [
    b"vbaproject.bin",
    b".exe",
    b".dll",
    b".scr",
    b".com",
    b".bat",
    b".cmd",
    b".ps1",
    b".vbs",
    b".js",
    b".jar",
    b".msi",
    b".lnk",
    b".hta",
    b".wsf",
];

/// Byte sequences that make a text file HTML or SVG to a browser, compared ignoring
/// ASCII case. A file whose first visible character is `<` is refused as markup too.
const MARKUP: [&[u8]; 9] =
    [b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<iframe", b"<svg", b"<object", b"<embed"];

/// The Office application a document belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OfficeApp {
    /// Word.
    Word,
    /// Excel.
    Excel,
    /// PowerPoint.
    PowerPoint,
}

/// How a text file is encoded, as far as its bytes tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextEncoding {
    /// Valid UTF-8, with or without a byte order mark.
    Utf8,
    /// Not UTF-8, but every byte fits Shift_JIS (CP932), which Japanese Excel writes. This
    /// is plausibility, not proof: see [`detect`].
    ShiftJis,
}

/// An accepted type of evidence file.
///
/// `LegacyOffice`, `Csv` and `Text` carry what their media type depends on: a legacy
/// file's application (`application/msword` or `application/vnd.ms-excel`), and a text
/// file's encoding (`charset=utf-8` is declared only when it is true).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EvidenceKind {
    /// PDF.
    Pdf,
    /// PNG image.
    Png,
    /// JPEG image.
    Jpeg,
    /// Word document (.docx, Office Open XML).
    Word,
    /// Excel workbook (.xlsx, Office Open XML).
    Excel,
    /// PowerPoint presentation (.pptx, Office Open XML).
    PowerPoint,
    /// A .doc, .xls or .ppt file (OLE compound file, Office 97–2003).
    LegacyOffice(OfficeApp),
    /// Comma-separated values.
    Csv(TextEncoding),
    /// Plain text.
    Text(TextEncoding),
}

impl EvidenceKind {
    /// Every kind.
    pub const ALL: [Self; 13] = [
        Self::Pdf,
        Self::Png,
        Self::Jpeg,
        Self::Word,
        Self::Excel,
        Self::PowerPoint,
        Self::LegacyOffice(OfficeApp::Word),
        Self::LegacyOffice(OfficeApp::Excel),
        Self::LegacyOffice(OfficeApp::PowerPoint),
        Self::Csv(TextEncoding::Utf8),
        Self::Csv(TextEncoding::ShiftJis),
        Self::Text(TextEncoding::Utf8),
        Self::Text(TextEncoding::ShiftJis),
    ];

    /// The inverse of [`Self::mime`]: the kind of a stored file from its stored media type.
    pub fn from_mime(mime: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.mime() == mime)
    }

    /// The media type to send the file with.
    pub fn mime(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::Word => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Self::Excel => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Self::PowerPoint => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            Self::LegacyOffice(OfficeApp::Word) => "application/msword",
            Self::LegacyOffice(OfficeApp::Excel) => "application/vnd.ms-excel",
            Self::LegacyOffice(OfficeApp::PowerPoint) => "application/vnd.ms-powerpoint",
            Self::Csv(TextEncoding::Utf8) => "text/csv; charset=utf-8",
            Self::Csv(TextEncoding::ShiftJis) => "text/csv",
            Self::Text(TextEncoding::Utf8) => "text/plain; charset=utf-8",
            Self::Text(TextEncoding::ShiftJis) => "text/plain",
        }
    }

    /// What people call the type.
    pub fn label(self, language: Language) -> &'static str {
        let ja = language == Language::Ja;
        match self {
            Self::Pdf => "PDF",
            Self::Png if ja => "PNG画像",
            Self::Png => "PNG image",
            Self::Jpeg if ja => "JPEG画像",
            Self::Jpeg => "JPEG image",
            Self::Word if ja => "Word文書",
            Self::Word => "Word document",
            Self::Excel if ja => "Excelブック",
            Self::Excel => "Excel workbook",
            Self::PowerPoint if ja => "PowerPointプレゼンテーション",
            Self::PowerPoint => "PowerPoint presentation",
            Self::LegacyOffice(OfficeApp::Word) if ja => "Word文書（97-2003形式）",
            Self::LegacyOffice(OfficeApp::Word) => "Word 97-2003 document",
            Self::LegacyOffice(OfficeApp::Excel) if ja => "Excelブック（97-2003形式）",
            Self::LegacyOffice(OfficeApp::Excel) => "Excel 97-2003 workbook",
            Self::LegacyOffice(OfficeApp::PowerPoint) if ja => "PowerPointプレゼンテーション（97-2003形式）",
            Self::LegacyOffice(OfficeApp::PowerPoint) => "PowerPoint 97-2003 presentation",
            Self::Csv(_) if ja => "CSVファイル",
            Self::Csv(_) => "CSV file",
            Self::Text(_) if ja => "テキストファイル",
            Self::Text(_) => "text file",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        self.extensions().first().copied().unwrap_or("bin")
    }

    /// Every extension a name of this type may end in, the usual one first.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Pdf => &["pdf"],
            Self::Png => &["png"],
            Self::Jpeg => &["jpg", "jpeg", "jpe"],
            Self::Word => &["docx"],
            Self::Excel => &["xlsx"],
            Self::PowerPoint => &["pptx"],
            Self::LegacyOffice(OfficeApp::Word) => &["doc", "dot"],
            Self::LegacyOffice(OfficeApp::Excel) => &["xls", "xlt"],
            Self::LegacyOffice(OfficeApp::PowerPoint) => &["ppt", "pps", "pot"],
            Self::Csv(_) => &["csv"],
            Self::Text(_) => &["txt", "text", "tsv"],
        }
    }
}

/// The extension of a name, lower-cased, without the dot; empty if it has none.
fn extension_of(file_name: &str) -> String {
    let name = file_name.trim();
    name.rsplit_once('.').map(|(_, extension)| extension.to_ascii_lowercase()).unwrap_or_default()
}

/// Decides what a file is from its first bytes, or refuses it (`None`).
///
/// `head` is at least the first [`HEAD_LEN`] bytes of the file, or the whole file if it is
/// smaller; more is fine. The name never makes a file acceptable; it only tells apart
/// what the bytes cannot: CSV from other text (by `.csv`), and which application a legacy
/// Office file belongs to (an OLE compound file without a .doc/.xls/.ppt name, such as an
/// .msi installer or an Outlook .msg, is refused).
///
/// Limits, by design of a check that reads only the start of the file:
/// - Office Open XML is recognised by the names of the ZIP's entries: `[Content_Types].xml`
///   and a `word/`, `xl/` or `ppt/` folder. Office writes those first, so the first 8 KiB
///   hold them; some generators write `[Content_Types].xml` last, and their files are
///   recognised only when `head` reaches the ZIP's central directory (pass the whole file
///   to be sure). A ZIP with macros (`vbaProject.bin`) or programs among the entries seen is
///   refused; entries beyond `head` are not seen.
/// - Text whose first visible character is `<`, or that contains an HTML or SVG tag that
///   browsers act on (`<html`, `<script`, `<svg`, …), is refused as markup: a CSV file with
///   such a tag in a cell is refused with it.
/// - Text must contain no NUL and no control characters other than tab, line ends and form
///   feed, so UTF-16 text (Excel's 「Unicode テキスト」) is refused. Shift_JIS is
///   recognised only as "every byte fits the lead and trail byte ranges of CP932": EUC-JP
///   and some Latin-1 text pass as Shift_JIS too. Mistaking one for the other only
///   withholds `charset` from the media type; no script risk follows from it, because
///   markup is refused for every encoding.
pub fn detect(head: &[u8], file_name: &str) -> Option<EvidenceKind> {
    if head.is_empty() || PROGRAM_MAGICS.iter().any(|magic| head.starts_with(magic)) {
        return None;
    }
    if head.starts_with(PDF_MAGIC) {
        Some(EvidenceKind::Pdf)
    } else if head.starts_with(PNG_MAGIC) {
        Some(EvidenceKind::Png)
    } else if head.starts_with(JPEG_MAGIC) {
        Some(EvidenceKind::Jpeg)
    } else if head.starts_with(OLE_MAGIC) {
        legacy_office_app(file_name).map(EvidenceKind::LegacyOffice)
    } else if head.starts_with(ZIP_LOCAL_HEADER) {
        office_open_xml(head)
    } else {
        let encoding = text_encoding(head)?;
        Some(if extension_of(file_name) == "csv" {
            EvidenceKind::Csv(encoding)
        } else {
            EvidenceKind::Text(encoding)
        })
    }
}

fn legacy_office_app(file_name: &str) -> Option<OfficeApp> {
    match extension_of(file_name).as_str() {
        "doc" | "dot" => Some(OfficeApp::Word),
        "xls" | "xlt" => Some(OfficeApp::Excel),
        "ppt" | "pps" | "pot" => Some(OfficeApp::PowerPoint),
        _ => None,
    }
}

fn office_open_xml(head: &[u8]) -> Option<EvidenceKind> {
    let names = zip_entry_names(head);
    let forbidden = |name: &[u8]| {
        let lower = name.to_ascii_lowercase();
        FORBIDDEN_ENTRY_SUFFIXES.iter().any(|suffix| lower.ends_with(suffix))
    };
    if names.iter().any(|name| forbidden(name)) || !names.contains(&&b"[Content_Types].xml"[..]) {
        return None;
    }
    names.iter().find_map(|name| {
        if name.starts_with(b"word/") {
            Some(EvidenceKind::Word)
        } else if name.starts_with(b"xl/") {
            Some(EvidenceKind::Excel)
        } else if name.starts_with(b"ppt/") {
            Some(EvidenceKind::PowerPoint)
        } else {
            None
        }
    })
}

fn u16_at(data: &[u8], offset: usize) -> Option<usize> {
    let bytes = data.get(offset..offset.checked_add(2)?)?;
    Some(usize::from(u16::from_le_bytes(bytes.try_into().ok()?)))
}

fn u32_at(data: &[u8], offset: usize) -> Option<usize> {
    let bytes = data.get(offset..offset.checked_add(4)?)?;
    usize::try_from(u32::from_le_bytes(bytes.try_into().ok()?)).ok()
}

fn find(data: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    data.get(from..)?.windows(needle.len()).position(|window| window == needle).map(|at| at + from)
}

/// The names of the ZIP entries visible in `data`: from the local file headers, walked in
/// order as far as `data` goes, and from the central directory when `data` holds it (then
/// every entry is seen, wherever the writer put it).
fn zip_entry_names(data: &[u8]) -> Vec<&[u8]> {
    let mut names = Vec::new();
    let mut offset = 0;
    while data.get(offset..).is_some_and(|rest| rest.starts_with(ZIP_LOCAL_HEADER)) {
        let fields = (u16_at(data, offset + 6), u32_at(data, offset + 18), u16_at(data, offset + 26));
        let (Some(flags), Some(compressed), Some(name_len)) = fields else { break };
        let Some(extra_len) = u16_at(data, offset + 28) else { break };
        let name_start = offset + 30;
        let Some(name) = data.get(name_start..name_start + name_len) else { break };
        names.push(name);
        let data_start = name_start + name_len + extra_len;
        offset = if flags & 0x08 == 0 {
            data_start.saturating_add(compressed)
        } else {
            // Streaming writers give the sizes after the data (a data descriptor); the next
            // entry is found by its signature instead.
            match find(data, ZIP_LOCAL_HEADER, data_start) {
                Some(next) => next,
                None => break,
            }
        };
    }
    names.extend(central_directory_names(data).unwrap_or_default());
    names
}

fn central_directory_names(data: &[u8]) -> Option<Vec<&[u8]>> {
    // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
    let search_from = data.len().saturating_sub(22 + usize::from(u16::MAX));
    let end = search_from + data.get(search_from..)?.windows(4).rposition(|w| w == ZIP_END_OF_DIRECTORY)?;
    let entries = u16_at(data, end + 10)?;
    let mut offset = u32_at(data, end + 16)?;
    let mut names = Vec::new();
    for _ in 0..entries {
        if !data.get(offset..)?.starts_with(ZIP_CENTRAL_HEADER) {
            break;
        }
        let (name_len, extra_len, comment_len) =
            (u16_at(data, offset + 28)?, u16_at(data, offset + 30)?, u16_at(data, offset + 32)?);
        names.push(data.get(offset + 46..offset + 46 + name_len)?);
        offset += 46 + name_len + extra_len + comment_len;
    }
    Some(names)
}

fn text_encoding(head: &[u8]) -> Option<TextEncoding> {
    let has_bom = head.starts_with(UTF8_BOM);
    let body = head.strip_prefix(UTF8_BOM).unwrap_or(head);
    // Tab, LF, VT, FF and CR are the only control characters text files carry; NUL in
    // particular marks binary data or UTF-16. DEL is never a Shift_JIS trail byte.
    let control = |byte: &u8| matches!(byte, 0x00..=0x08 | 0x0e..=0x1f | 0x7f);
    if body.is_empty() || body.iter().any(control) || is_markup(body) {
        return None;
    }
    match std::str::from_utf8(body) {
        Ok(_) => Some(TextEncoding::Utf8),
        // A character cut in two by the end of `head` is not an error in the file.
        Err(error) if error.error_len().is_none() => Some(TextEncoding::Utf8),
        // A file that announces UTF-8 and is not is corrupt, not Shift_JIS.
        Err(_) if has_bom => None,
        Err(_) => is_plausible_shift_jis(body).then_some(TextEncoding::ShiftJis),
    }
}

fn is_markup(text: &[u8]) -> bool {
    let lower = text.to_ascii_lowercase();
    let starts_with_tag = lower.iter().find(|byte| !byte.is_ascii_whitespace()) == Some(&b'<');
    starts_with_tag || MARKUP.iter().any(|tag| lower.windows(tag.len()).any(|window| window == *tag))
}

/// Whether every byte fits CP932: ASCII and half-width katakana alone, other characters
/// as a lead byte (0x81–0x9F, 0xE0–0xFC) followed by a trail byte (0x40–0x7E, 0x80–0xFC).
/// It does not check that a pair is an assigned character.
fn is_plausible_shift_jis(bytes: &[u8]) -> bool {
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            0x00..=0x7f | 0xa1..=0xdf => index += 1,
            0x81..=0x9f | 0xe0..=0xfc => match bytes.get(index + 1) {
                Some(0x40..=0x7e | 0x80..=0xfc) => index += 2,
                // The end of `head` fell between the two bytes of a character.
                None => return true,
                Some(_) => return false,
            },
            // 0x80, 0xA0 and 0xFD–0xFF begin no character.
            _ => return false,
        }
    }
    true
}

/// Why a file name is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileNameProblem {
    /// Nothing but spaces.
    Empty,
    /// `.`, `..` or only dots: names of directories, not of files.
    OnlyDots,
    /// A `/` or `\`: a path, not a name.
    PathSeparator,
    /// A control character or a bidirectional override or mark, which can disguise a name
    /// (`invoice\u{202E}fdp.exe` shows as `invoiceexe.pdf`).
    ControlCharacter {
        /// The character.
        character: char,
    },
    /// More than [`MAX_NAME_CHARS`] characters.
    TooLong {
        /// The name's length, in characters.
        chars: usize,
    },
    /// A device name that Windows does not allow as a file name, with any extension
    /// (`CON`, `nul.txt`, `COM1.pdf`).
    ReservedName {
        /// The reserved part, as written.
        name: String,
    },
}

impl Localized for FileNameProblem {
    fn localized(&self, language: Language) -> String {
        let ja = language == Language::Ja;
        match self {
            Self::Empty if ja => "ファイル名が空です".to_owned(),
            Self::Empty => "the file name is empty".to_owned(),
            Self::OnlyDots if ja => "ファイル名が「.」だけでできています".to_owned(),
            Self::OnlyDots => "the file name is only dots".to_owned(),
            Self::PathSeparator if ja => "ファイル名に「/」や「\\」は使えません".to_owned(),
            Self::PathSeparator => "the file name may not contain \"/\" or \"\\\"".to_owned(),
            // The character itself is never shown: a bidirectional override would reorder
            // the message around it.
            Self::ControlCharacter { character } if ja => {
                format!("ファイル名に使えない制御文字（U+{:04X}）が含まれています", u32::from(*character))
            }
            Self::ControlCharacter { character } => {
                format!("the file name contains a control character (U+{:04X})", u32::from(*character))
            }
            Self::TooLong { chars } if ja => {
                format!("ファイル名が長すぎます（{chars}文字。{MAX_NAME_CHARS}文字まで）")
            }
            Self::TooLong { chars } => {
                format!("the file name is too long ({chars} characters, at most {MAX_NAME_CHARS})")
            }
            Self::ReservedName { name } if ja => {
                format!("「{name}」はWindowsで予約されている名前のため、ファイル名に使えません")
            }
            Self::ReservedName { name } => {
                format!("\"{name}\" is reserved by Windows and cannot be used as a file name")
            }
        }
    }
}

fn is_forbidden_char(c: char) -> bool {
    c.is_control() // U+0000–U+001F, U+007F, U+0080–U+009F
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        // The bidirectional marks reorder text as the overrides do, if less blatantly.
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// The Windows device name that `name` uses, if any: the part before the first dot,
/// without trailing spaces (Windows ignores them), ignoring case.
fn reserved_part(name: &str) -> Option<&str> {
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    let upper = stem.to_ascii_uppercase();
    let reserved = match upper.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" => true,
        _ => {
            let port = upper.strip_prefix("COM").or_else(|| upper.strip_prefix("LPT"));
            port.is_some_and(|n| {
                matches!(n, "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³")
            })
        }
    };
    reserved.then_some(stem)
}

/// Checks the name of an uploaded file and returns it without surrounding spaces.
/// Names are refused, never repaired: a repaired name is one its owner did not choose, and
/// a name that needs repair is more often an attack than a mistake.
pub fn check_file_name(name: &str) -> Result<String, FileNameProblem> {
    let name = name.trim();
    if name.is_empty() {
        return Err(FileNameProblem::Empty);
    }
    if name.chars().all(|c| c == '.') {
        return Err(FileNameProblem::OnlyDots);
    }
    if name.contains(['/', '\\']) {
        return Err(FileNameProblem::PathSeparator);
    }
    if let Some(character) = name.chars().find(|&c| is_forbidden_char(c)) {
        return Err(FileNameProblem::ControlCharacter { character });
    }
    let chars = name.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(FileNameProblem::TooLong { chars });
    }
    if let Some(reserved) = reserved_part(name) {
        return Err(FileNameProblem::ReservedName { name: reserved.to_owned() });
    }
    Ok(name.to_owned())
}

/// The name to offer a download under: the stored name if its extension fits what the
/// file is, otherwise the name with the right extension added (`会議.exe` holding a PDF is
/// offered as `会議.exe.pdf`), so that the operating system opens the file with the
/// program its content is for. `name` is one that [`check_file_name`] accepted.
pub fn download_name(name: &str, kind: EvidenceKind) -> String {
    if kind.extensions().contains(&extension_of(name).as_str()) {
        name.to_owned()
    } else {
        format!("{name}.{}", kind.extension())
    }
}

/// The value of a `Content-Disposition` header that downloads a file under `name`:
/// `attachment`, an ASCII `filename` for old clients (characters outside ASCII become `_`,
/// quotes and backslashes are dropped) and the exact name as `filename*` (RFC 6266 with
/// RFC 5987 encoding), which current browsers prefer. Whatever `name` holds, the value is
/// printable ASCII: no line break can end the header early.
pub fn content_disposition(name: &str) -> String {
    let fallback: String = name
        .chars()
        .filter(|&c| c != '"' && c != '\\')
        .map(|c| if c.is_ascii_graphic() || c == ' ' { c } else { '_' })
        .collect();
    let mut encoded = String::with_capacity(name.len() * 3);
    for &byte in name.as_bytes() {
        // RFC 5987 attr-char: the only bytes that may stand for themselves.
        let plain = byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b'!' | b'#' | b'$' | b'&' | b'+' | b'-' | b'.' | b'^' | b'_' | b'`' | b'|' | b'~'
            );
        if plain {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests;
