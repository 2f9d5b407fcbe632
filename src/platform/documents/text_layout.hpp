#pragma once
// Internal to platform/documents: paragraphs of text laid out by pango, and cut into lines so
// that a page break can fall between any two of them. Text is set as plain text, never as pango
// markup, so a '<' in a name is just a '<'.
#include <cairo.h>
#include <pango/pango.h>

#include <memory>
#include <string_view>
#include <vector>

namespace tongban::documents {

// Noto Serif CJK SC (fonts-noto-cjk) is found through fontconfig by its family name. Its Latin and
// digits come from the same font, so a notice embeds no other.
inline constexpr const char* kSerif = "Noto Serif CJK SC";

struct TextStyle {
  const char* family = kSerif;
  double size = 12;  // points
  bool bold = false;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  bool justify = false;
  double line_spacing = 1.0;  // a factor of the font's own line height
  double first_indent = 0;    // points; the first line of each paragraph
  bool break_anywhere = false;  // URLs and codes: wrap between any two characters
};

using Layout = std::shared_ptr<PangoLayout>;  // released with g_object_unref

// `text` laid out `width` points wide.
Layout MakeLayout(PangoContext* context, const TextStyle& style, double width, std::string_view text);

struct LineMetrics {
  double height = 0;    // the advance, line spacing included
  double baseline = 0;  // from the top of the line
  double x = 0;         // from the layout's left edge: alignment and indent
};
std::vector<LineMetrics> MeasureLines(PangoLayout* layout);
double HeightOf(PangoLayout* layout);

// Draws line `index` of `layout` whose top is at `top`, the layout's left edge at `left`.
void DrawLine(cairo_t* cr, PangoLayout* layout, int index, const LineMetrics& metrics, double left, double top);
// Draws the whole layout, its top-left corner at (left, top).
void DrawLayout(cairo_t* cr, PangoLayout* layout, double left, double top);

}  // namespace tongban::documents
