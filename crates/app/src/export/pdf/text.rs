//! The Japanese font shipped with the product, the measurement of text with its glyph
//! advances, and line breaking for Japanese and English.
//!
//! Glyphs are placed one per character from the font's character map: Japanese needs no
//! shaping, and placing the glyphs here means the width a line is measured with is the
//! width it is drawn with. Each glyph keeps the character it came from, so the PDF's text
//! layer (copying, searching, `pdftotext`) reads the same text.

use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::{
    FontRef, MetadataProvider,
    charmap::Charmap,
    instance::{LocationRef, Size},
    metrics::GlyphMetrics,
};

use crate::AppError;

/// IPAexGothic (IPAexゴシック), shipped under the IPA Font License Agreement v1.0
/// (`crates/app/fonts/IPA_Font_License_Agreement_v1.0.txt`), which allows embedding it,
/// subset, in documents. Embedded in the binary, so every machine draws the same PDF.
static FONT_DATA: &[u8] = include_bytes!("../../../fonts/ipaexg.ttf");

/// Characters that must not begin a line (行頭禁則): closing brackets and punctuation,
/// small kana and the prolonged sound mark.
const NO_LINE_START: &str = "、。，．,.)）]］}｝」』】〕〉》〙〗!?！？:;：；・ー～…‥%％ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞヽヾ";

/// Characters that must not end a line (行末禁則): opening brackets.
const NO_LINE_END: &str = "(（[［{｛「『【〔〈《〘〖";

/// The font, with what measuring and placing glyphs needs.
pub(super) struct Typeface {
    font: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
}

impl Typeface {
    /// Reads the shipped font.
    pub(super) fn load() -> Result<Self, AppError> {
        let font_ref = FontRef::new(FONT_DATA)
            .map_err(|error| AppError::internal(format!("the PDF font cannot be read: {error}")))?;
        let units_per_em = font_ref.metrics(Size::unscaled(), LocationRef::default()).units_per_em;
        let font = Font::new(FONT_DATA.into(), 0)
            .ok_or_else(|| AppError::internal("the PDF font cannot be loaded"))?;
        Ok(Self {
            font,
            charmap: font_ref.charmap(),
            metrics: font_ref.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em: f32::from(units_per_em.max(1)),
        })
    }

    /// The font, for drawing.
    pub(super) fn font(&self) -> Font {
        self.font.clone()
    }

    /// The glyph of a character and its advance in ems (`.notdef` for a character the
    /// font lacks).
    fn glyph(&self, ch: char) -> (GlyphId, f32) {
        let ch = if ch.is_whitespace() { ' ' } else { ch };
        let id = self.charmap.map(ch).unwrap_or(skrifa::GlyphId::NOTDEF);
        let advance = self.metrics.advance_width(id).unwrap_or(0.0) / self.units_per_em;
        (GlyphId::new(id.to_u32()), advance)
    }

    /// The width of a single line of text at a font size, in points.
    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|ch| self.glyph(ch).1).sum::<f32>() * size
    }

    /// The glyphs of a single line of text, each tied to the bytes of its character.
    pub(super) fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .map(|(at, ch)| {
                let (id, advance) = self.glyph(ch);
                KrillaGlyph::new(id, advance, 0.0, 0.0, 0.0, at..at + ch.len_utf8(), None)
            })
            .collect()
    }

    /// The text cut to fit `width`, ending in `…` when it was cut.
    pub(super) fn truncate(&self, text: &str, size: f32, width: f32) -> String {
        if self.width(text, size) <= width {
            return text.to_owned();
        }
        let room = width - self.width("…", size);
        let mut kept = String::new();
        let mut used = 0.0;
        for ch in text.chars() {
            let advance = self.glyph(ch).1 * size;
            if used + advance > room {
                break;
            }
            used += advance;
            kept.push(ch);
        }
        kept.truncate(kept.trim_end().len());
        kept.push('…');
        kept
    }

    /// Breaks text into lines no wider than `width`. Line breaks in the text are kept;
    /// Japanese breaks between any two characters except before closing punctuation and
    /// after opening brackets (禁則処理); other text breaks at spaces, and a word too long
    /// for a line anywhere.
    pub(super) fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            self.wrap_paragraph(paragraph.trim_end(), size, width, &mut lines);
        }
        lines
    }

    fn wrap_paragraph(&self, paragraph: &str, size: f32, width: f32, lines: &mut Vec<String>) {
        let mut line = String::new();
        let mut line_width = 0.0;
        // A space between words, kept only when a word follows it on the same line.
        let mut pending = String::new();
        let mut pending_width = 0.0;
        let emitted = lines.len();
        for unit in units(paragraph) {
            let unit_width = self.width(&unit.text, size);
            if unit.space {
                if !line.is_empty() {
                    pending.push_str(&unit.text);
                    pending_width += unit_width;
                }
                continue;
            }
            if line_width + pending_width + unit_width <= width {
                line.push_str(&pending);
                line.push_str(&unit.text);
                line_width += pending_width + unit_width;
            } else {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                line_width = 0.0;
                if unit_width <= width {
                    line.push_str(&unit.text);
                    line_width = unit_width;
                } else {
                    // Too long for any line: break it where it reaches the edge.
                    for ch in unit.text.chars() {
                        let advance = self.glyph(ch).1 * size;
                        if line_width + advance > width && !line.is_empty() {
                            lines.push(std::mem::take(&mut line));
                            line_width = 0.0;
                        }
                        line.push(ch);
                        line_width += advance;
                    }
                }
            }
            pending.clear();
            pending_width = 0.0;
        }
        if !line.is_empty() || lines.len() == emitted {
            lines.push(line);
        }
    }
}

/// A piece of a line that is never broken: a word, one Japanese character with the
/// punctuation that may not be parted from it, or a run of spaces.
#[derive(Debug, PartialEq)]
struct Unit {
    text: String,
    space: bool,
}

/// Characters between which a line may break anywhere: kana, kanji, full-width forms and
/// CJK punctuation.
fn breaks_anywhere(ch: char) -> bool {
    ch >= '\u{2E80}'
}

fn units(text: &str) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut glue_next = false;
    for ch in text.chars() {
        let space = ch.is_whitespace();
        let joins = match units.last() {
            None => false,
            Some(last) if space => last.space,
            Some(last) if last.space => false,
            Some(last) => {
                NO_LINE_START.contains(ch)
                    || glue_next
                    || (!breaks_anywhere(ch) && !last.text.chars().last().is_some_and(breaks_anywhere))
            }
        };
        match units.last_mut() {
            Some(last) if joins => last.text.push(ch),
            _ => units.push(Unit { text: ch.to_string(), space }),
        }
        glue_next = NO_LINE_END.contains(ch);
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        units(text).into_iter().map(|u| u.text).collect()
    }

    #[test]
    fn japanese_breaks_between_characters_but_not_before_closing_punctuation() {
        assert_eq!(texts("福祉、「教育」。"), ["福", "祉、", "「教", "育」。"]);
        assert_eq!(texts("ABC 12.5%です"), ["ABC", " ", "12.5%", "で", "す"]);
    }

    #[test]
    fn lines_fit_their_width() -> Result<(), AppError> {
        let face = Typeface::load()?;
        let text = "学校や地域における福祉教育の充実、地域福祉の広報・啓発活動の充実。Welfare education in schools and communities.";
        let lines = face.wrap(text, 10.0, 100.0);
        assert!(lines.len() > 3, "{lines:?}");
        for line in &lines {
            assert!(face.width(line, 10.0) <= 100.0 + 0.01, "{line}");
            assert!(!line.starts_with(['、', '。']), "{line}");
        }
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        assert_eq!(face.wrap("一\n\n二", 10.0, 100.0), ["一", "", "二"]);
        // A full-width character is one em wide.
        assert!((face.width("福祉", 10.0) - 20.0).abs() < 0.01);
        Ok(())
    }
}
