#include "platform/documents/text_layout.hpp"

#include <pango/pangocairo.h>

namespace tongban::documents {
namespace {

int Units(double points) { return static_cast<int>(points * PANGO_SCALE + 0.5); }
double Points(int units) { return static_cast<double>(units) / PANGO_SCALE; }

}  // namespace

Layout MakeLayout(PangoContext* context, const TextStyle& style, double width, std::string_view text) {
  Layout layout(pango_layout_new(context), g_object_unref);
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, style.family);
  // Absolute: the size in points on the page, whatever resolution pango assumes.
  pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  pango_layout_set_width(layout.get(), Units(width));
  pango_layout_set_wrap(layout.get(), style.break_anywhere ? PANGO_WRAP_CHAR : PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), style.align);
  pango_layout_set_justify(layout.get(), style.justify);
  pango_layout_set_indent(layout.get(), Units(style.first_indent));
  if (style.line_spacing != 1.0) pango_layout_set_line_spacing(layout.get(), static_cast<float>(style.line_spacing));
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

std::vector<LineMetrics> MeasureLines(PangoLayout* layout) {
  std::vector<LineMetrics> lines;
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  do {
    int y0 = 0, y1 = 0;
    PangoRectangle logical;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    lines.push_back({Points(y1 - y0), Points(pango_layout_iter_get_baseline(it) - y0), Points(logical.x)});
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  return lines;
}

double HeightOf(PangoLayout* layout) {
  double height = 0;
  for (const auto& line : MeasureLines(layout)) height += line.height;
  return height;
}

void DrawLine(cairo_t* cr, PangoLayout* layout, int index, const LineMetrics& metrics, double left, double top) {
  // As pango_renderer_draw_layout places each line: at the line's x, on its baseline.
  cairo_move_to(cr, left + metrics.x, top + metrics.baseline);
  pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(layout, index));
}

void DrawLayout(cairo_t* cr, PangoLayout* layout, double left, double top) {
  const auto lines = MeasureLines(layout);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    DrawLine(cr, layout, static_cast<int>(i), lines[i], left, top);
    top += lines[i].height;
  }
}

}  // namespace tongban::documents
