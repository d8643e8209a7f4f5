//! Pages as lists of drawing operations, the flow that fills A4 pages from top to bottom
//! (paragraphs, headings, tables) and the writing of the pages into a PDF with krilla.
//!
//! Laying out into operations first and writing the PDF afterwards lets the table of
//! contents, written before the sections, show the pages the sections landed on, and the
//! footers show the total number of pages.

use krilla::{
    Document,
    annotation::{Annotation, LinkAnnotation, Target},
    color::rgb,
    destination::{Destination, XyzDestination},
    geom::{PathBuilder, Point, Rect},
    metadata::Metadata,
    outline::Outline,
    page::PageSettings,
    paint::{Fill, Stroke, StrokeDash},
    surface::Surface,
};

use super::text::Typeface;
use crate::AppError;

/// A4 portrait, in points.
pub(super) const PAGE_WIDTH: f32 = 595.28;
/// See [`PAGE_WIDTH`].
pub(super) const PAGE_HEIGHT: f32 = 841.89;
/// 18 mm left and right.
pub(super) const MARGIN_X: f32 = 51.02;
/// Where the body starts: 20 mm from the top, leaving room for the running header.
pub(super) const BODY_TOP: f32 = 62.36;
/// Where the body ends: 20 mm above the bottom, leaving room for the page number.
pub(super) const BODY_BOTTOM: f32 = PAGE_HEIGHT - 56.69;
/// The width of the body.
pub(super) const BODY_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;

/// The share of the em box above the baseline in IPAexGothic (880 of 1000 units).
const ASCENT: f32 = 0.88;

/// A colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Body text.
    pub const TEXT: Self = Self(0x21, 0x21, 0x21);
    /// Secondary text.
    pub const MUTED: Self = Self(0x61, 0x61, 0x61);
    /// Rules and grid lines.
    pub const RULE: Self = Self(0x9e, 0x9e, 0x9e);
    /// Table headers.
    pub const HEADER: Self = Self(0xee, 0xee, 0xee);
    /// Headings.
    pub const ACCENT: Self = Self(0x1f, 0x4e, 0x79);
    /// White.
    pub const WHITE: Self = Self(0xff, 0xff, 0xff);
}

/// One drawing operation, in points from the page's top left corner.
#[derive(Clone, Debug)]
pub(super) enum Op {
    /// One line of text; `y` is the baseline.
    Text { x: f32, y: f32, size: f32, color: Rgb, bold: bool, text: String },
    /// A filled rectangle.
    Rect { x: f32, y: f32, w: f32, h: f32, fill: Rgb },
    /// A straight line.
    Line { from: (f32, f32), to: (f32, f32), color: Rgb, width: f32, dashed: bool },
    /// A filled polygon.
    Polygon { points: Vec<(f32, f32)>, fill: Rgb },
}

/// A clickable area that goes to a place in the document.
#[derive(Clone, Debug)]
pub(super) struct Link {
    /// The area: x, y, width, height.
    pub area: (f32, f32, f32, f32),
    /// Where it goes.
    pub to: Anchor,
}

/// A place in the document: a page (from zero) and a height on it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Anchor {
    /// The page, from zero.
    pub page: usize,
    /// The height, from the top.
    pub y: f32,
}

/// What one page shows.
#[derive(Clone, Debug, Default)]
pub(super) struct Page {
    /// The drawing.
    pub ops: Vec<Op>,
    /// Its links.
    pub links: Vec<Link>,
}

/// Horizontal alignment in a table cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Align {
    /// Left.
    Left,
    /// Centred.
    Center,
    /// Right, for numbers.
    Right,
}

/// A table column.
#[derive(Clone, Copy, Debug)]
pub(super) struct Column {
    /// The share of the body width.
    pub share: f32,
    /// The alignment of its cells.
    pub align: Align,
}

/// A table cell.
#[derive(Clone, Debug, Default)]
pub(super) struct Cell {
    /// The text (line breaks kept).
    pub text: String,
    /// A background.
    pub fill: Option<Rgb>,
    /// The text colour, body text when none.
    pub color: Option<Rgb>,
    /// Bold.
    pub bold: bool,
}

impl Cell {
    /// A plain cell.
    pub fn new(text: impl Into<String>) -> Self {
        Self { text: text.into(), ..Self::default() }
    }

    /// A bold cell.
    pub fn bold(text: impl Into<String>) -> Self {
        Self { text: text.into(), bold: true, ..Self::default() }
    }

    /// The cell with a background.
    pub fn filled(self, fill: Rgb, color: Rgb) -> Self {
        Self { fill: Some(fill), color: Some(color), ..self }
    }
}

/// A table: a header row repeated on every page it spans, and rows that never split.
#[derive(Clone, Debug)]
pub(super) struct Table {
    /// The columns.
    pub columns: Vec<Column>,
    /// The header row.
    pub header: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
    /// The font size.
    pub size: f32,
}

/// Body text size.
pub(super) const BODY_SIZE: f32 = 9.5;

/// Fills pages from top to bottom.
pub(super) struct Flow<'a> {
    /// The font.
    pub face: &'a Typeface,
    /// The pages so far; the last one is being filled.
    pub pages: Vec<Page>,
    /// Where the next thing goes on the last page.
    pub y: f32,
}

impl<'a> Flow<'a> {
    /// A flow with one empty page.
    pub fn new(face: &'a Typeface) -> Self {
        Self { face, pages: vec![Page::default()], y: BODY_TOP }
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = BODY_TOP;
    }

    /// The page being filled and the height on it.
    pub fn here(&self) -> Anchor {
        Anchor { page: self.pages.len() - 1, y: self.y }
    }

    /// Space left on the page.
    pub fn room(&self) -> f32 {
        BODY_BOTTOM - self.y
    }

    /// Starts a new page unless `height` still fits (or the page is empty).
    pub fn ensure(&mut self, height: f32) {
        if self.room() < height && self.y > BODY_TOP + 0.5 {
            self.new_page();
        }
    }

    /// Adds vertical space (none at the top of a page).
    pub fn space(&mut self, height: f32) {
        if self.y > BODY_TOP + 0.5 {
            self.y = (self.y + height).min(BODY_BOTTOM);
        }
    }

    /// Draws on the page being filled.
    pub fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.ops.push(op);
        }
    }

    /// Adds a link on the page being filled.
    pub fn link(&mut self, link: Link) {
        if let Some(page) = self.pages.last_mut() {
            page.links.push(link);
        }
    }

    /// One line of text with its top at `top`.
    pub fn line_at(&mut self, x: f32, top: f32, size: f32, line_height: f32, style: (Rgb, bool), text: &str) {
        let baseline = top + (line_height - size) / 2.0 + ASCENT * size;
        let (color, bold) = style;
        self.push(Op::Text { x, y: baseline, size, color, bold, text: text.to_owned() });
    }

    /// Lines of text flowing down the page, onto new pages as needed.
    pub fn lines(&mut self, lines: &[String], x: f32, size: f32, style: (Rgb, bool)) {
        let line_height = size * 1.6;
        for line in lines {
            self.ensure(line_height);
            let top = self.y;
            self.line_at(x, top, size, line_height, style, line);
            self.y += line_height;
        }
    }

    /// A wrapped paragraph of body text, indented by `indent`.
    pub fn paragraph(&mut self, text: &str, indent: f32, size: f32, color: Rgb) {
        let lines = self.face.wrap(text.trim(), size, BODY_WIDTH - indent);
        self.lines(&lines, MARGIN_X + indent, size, (color, false));
    }

    /// A label in bold followed by text that hangs after it (`実績：…`), at least `hang`
    /// from the label's start so that the texts of a group of labels line up.
    pub fn labeled(&mut self, label: &str, text: &str, indent: f32, hang: f32) {
        let size = BODY_SIZE;
        let line_height = size * 1.6;
        let label_width = self.face.width(label, size) + 2.0;
        let hang = label_width.max(hang).min(BODY_WIDTH / 3.0);
        let lines = self.face.wrap(text.trim(), size, BODY_WIDTH - indent - hang);
        for (index, line) in lines.iter().enumerate() {
            self.ensure(line_height);
            let top = self.y;
            if index == 0 {
                self.line_at(MARGIN_X + indent, top, size, line_height, (Rgb::ACCENT, true), label);
            }
            self.line_at(MARGIN_X + indent + hang, top, size, line_height, (Rgb::TEXT, false), line);
            self.y += line_height;
        }
    }

    /// The width the widest of some labels needs, for [`Self::labeled`].
    pub fn hang(&self, labels: &[&str]) -> f32 {
        labels.iter().map(|label| self.face.width(label, BODY_SIZE) + 2.0).fold(0.0, f32::max)
    }

    /// A heading of level 1 (a section, on a new page), 2 or 3; returns where it is.
    pub fn heading(&mut self, text: &str, level: u8) -> Anchor {
        let (size, before, rule) = match level {
            1 => (15.0, 0.0, true),
            2 => (12.0, 10.0, false),
            _ => (10.5, 6.0, false),
        };
        if level == 1 {
            if self.y > BODY_TOP + 0.5 {
                self.new_page();
            }
        } else {
            self.space(before);
        }
        let lines = self.face.wrap(text, size, BODY_WIDTH);
        let line_height = size * 1.45;
        // Keep the heading with at least three lines of what follows.
        self.ensure(line_height * lines.len() as f32 + BODY_SIZE * 1.6 * 3.0);
        let anchor = self.here();
        for line in &lines {
            let top = self.y;
            self.line_at(MARGIN_X, top, size, line_height, (Rgb::ACCENT, true), line);
            self.y += line_height;
        }
        if rule {
            self.y += 2.0;
            let y = self.y;
            self.push(Op::Line {
                from: (MARGIN_X, y),
                to: (MARGIN_X + BODY_WIDTH, y),
                color: Rgb::ACCENT,
                width: 1.0,
                dashed: false,
            });
            self.y += 8.0;
        } else {
            self.y += 2.0;
        }
        anchor
    }

    /// A table at the full body width.
    pub fn table(&mut self, table: &Table) {
        let padding = 3.0;
        let line_height = table.size * 1.45;
        let widths: Vec<f32> = table.columns.iter().map(|c| c.share * BODY_WIDTH).collect();
        let header: Vec<Cell> =
            table.header.iter().map(|h| Cell::bold(h.as_str()).filled(Rgb::HEADER, Rgb::TEXT)).collect();
        let layout = |cells: &[Cell]| -> (Vec<Vec<String>>, f32) {
            let wrapped: Vec<Vec<String>> = cells
                .iter()
                .zip(&widths)
                .map(|(cell, width)| self.face.wrap(cell.text.trim(), table.size, width - 2.0 * padding))
                .collect();
            let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
            (wrapped, lines as f32 * line_height + 2.0 * padding)
        };
        let (header_lines, header_height) = layout(&header);
        let most = BODY_BOTTOM - BODY_TOP - header_height;
        self.ensure(header_height + line_height * 2.0 + 2.0 * padding);
        self.table_row(table, &widths, &header, header_lines.clone(), header_height, true);
        for row in &table.rows {
            let (mut lines, mut height) = layout(row);
            if height > most {
                // A row taller than a page is cut to fit one.
                let keep = ((most - 2.0 * padding) / line_height).floor().max(1.0) as usize;
                for cell in &mut lines {
                    if cell.len() > keep {
                        cell.truncate(keep);
                        if let Some(last) = cell.last_mut() {
                            last.push('…');
                        }
                    }
                }
                height = keep as f32 * line_height + 2.0 * padding;
            }
            if self.room() < height {
                self.new_page();
                self.table_row(table, &widths, &header, header_lines.clone(), header_height, true);
            }
            self.table_row(table, &widths, row, lines, height, false);
        }
        self.y += 6.0;
    }

    fn table_row(
        &mut self,
        table: &Table,
        widths: &[f32],
        cells: &[Cell],
        lines: Vec<Vec<String>>,
        height: f32,
        header: bool,
    ) {
        let padding = 3.0;
        let line_height = table.size * 1.45;
        let top = self.y;
        let mut x = MARGIN_X;
        for (((cell, cell_lines), width), column) in cells.iter().zip(lines).zip(widths).zip(&table.columns) {
            if let Some(fill) = cell.fill {
                self.push(Op::Rect { x, y: top, w: *width, h: height, fill });
            }
            let color = cell.color.unwrap_or(Rgb::TEXT);
            let align = if header { Align::Center } else { column.align };
            for (index, line) in cell_lines.iter().enumerate() {
                let line_width = self.face.width(line, table.size);
                let left = match align {
                    Align::Left => x + padding,
                    Align::Center => x + (width - line_width) / 2.0,
                    Align::Right => x + width - padding - line_width,
                };
                let line_top = top + padding + index as f32 * line_height;
                self.line_at(left, line_top, table.size, line_height, (color, cell.bold), line);
            }
            x += width;
        }
        // The grid: the row's top and bottom, and the lines between and around cells.
        let right = MARGIN_X + widths.iter().sum::<f32>();
        for y in [top, top + height] {
            self.push(Op::Line {
                from: (MARGIN_X, y),
                to: (right, y),
                color: Rgb::RULE,
                width: 0.5,
                dashed: false,
            });
        }
        let mut x = MARGIN_X;
        for width in std::iter::once(&0.0).chain(widths) {
            x += width;
            self.push(Op::Line {
                from: (x, top),
                to: (x, top + height),
                color: Rgb::RULE,
                width: 0.5,
                dashed: false,
            });
        }
        self.y = top + height;
    }
}

fn color(rgb: Rgb) -> rgb::Color {
    rgb::Color::new(rgb.0, rgb.1, rgb.2)
}

fn fill(rgb: Rgb) -> Fill {
    Fill { paint: color(rgb).into(), ..Fill::default() }
}

fn draw(surface: &mut Surface<'_>, face: &Typeface, op: &Op) {
    match op {
        Op::Text { x, y, size, color: rgb, bold, text } => {
            surface.set_fill(Some(fill(*rgb)));
            // The font has one weight; bold is the outline stroked over the fill.
            surface.set_stroke(bold.then(|| Stroke {
                paint: color(*rgb).into(),
                width: size * 0.035,
                ..Stroke::default()
            }));
            surface.draw_glyphs(Point::from_xy(*x, *y), &face.glyphs(text), face.font(), text, *size, false);
            surface.set_stroke(None);
        }
        Op::Rect { x, y, w, h, fill: rgb } => {
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                let mut builder = PathBuilder::new();
                builder.push_rect(rect);
                if let Some(path) = builder.finish() {
                    surface.set_fill(Some(fill(*rgb)));
                    surface.draw_path(&path);
                }
            }
        }
        Op::Line { from, to, color: rgb, width, dashed } => {
            let mut builder = PathBuilder::new();
            builder.move_to(from.0, from.1);
            builder.line_to(to.0, to.1);
            if let Some(path) = builder.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: color(*rgb).into(),
                    width: *width,
                    dash: dashed.then(|| StrokeDash { array: vec![2.0, 2.0], offset: 0.0 }),
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
        Op::Polygon { points, fill: rgb } => {
            let mut builder = PathBuilder::new();
            for (index, (x, y)) in points.iter().enumerate() {
                if index == 0 {
                    builder.move_to(*x, *y);
                } else {
                    builder.line_to(*x, *y);
                }
            }
            builder.close();
            if let Some(path) = builder.finish() {
                surface.set_fill(Some(fill(*rgb)));
                surface.draw_path(&path);
            }
        }
    }
}

/// Writes the pages into a PDF.
pub(super) fn write(
    face: &Typeface,
    pages: &[Page],
    outline: Outline,
    metadata: Metadata,
) -> Result<Vec<u8>, AppError> {
    let mut document = Document::new();
    document.set_metadata(metadata);
    document.set_outline(outline);
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| AppError::internal("the PDF page size is invalid"))?;
    for content in pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in &content.ops {
            draw(&mut surface, face, op);
        }
        surface.finish();
        for link in &content.links {
            let (x, y, w, h) = link.area;
            if let Some(rect) = Rect::from_xywh(x, y, w, h) {
                let target = Destination::Xyz(XyzDestination::new(
                    link.to.page,
                    Point::from_xy(0.0, (link.to.y - 12.0).max(0.0)),
                ));
                page.add_annotation(Annotation::new_link(
                    LinkAnnotation::new(rect, Target::Destination(target)),
                    None,
                ));
            }
        }
        page.finish();
    }
    document.finish().map_err(|error| AppError::internal(format!("the PDF cannot be written: {error}")))
}
