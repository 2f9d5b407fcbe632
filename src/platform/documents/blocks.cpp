#include "platform/documents/blocks.hpp"

#include <algorithm>
#include <string>

namespace tongban::documents {
namespace {

constexpr double kCellPadX = 6, kCellPadY = 4;
constexpr double kBorder = 0.6;

void HorizontalLine(cairo_t* cr, double x0, double x1, double y) {
  cairo_move_to(cr, x0, y);
  cairo_line_to(cr, x1, y);
}

}  // namespace

void AddTableRow(PageFlow& flow, PangoContext* context, const TextStyle& style, double label_width,
                 std::string_view label, std::string_view value, double space_before) {
  const double left = flow.frame().left, right = left + flow.frame().width;
  TextStyle label_style = style;
  label_style.bold = true;
  const Layout l = MakeLayout(context, label_style, label_width - 2 * kCellPadX, label);
  const Layout v = MakeLayout(context, style, right - left - label_width - 2 * kCellPadX, value);
  const auto lm = MeasureLines(l.get()), vm = MeasureLines(v.get());
  const std::size_t n = std::max(lm.size(), vm.size());
  for (std::size_t i = 0; i < n; ++i) {
    const bool first = i == 0, last = i + 1 == n;
    const double text_height = std::max(i < lm.size() ? lm[i].height : 0, i < vm.size() ? vm[i].height : 0);
    const double pad_top = first ? kCellPadY : 0;
    flow.Add({text_height + pad_top + (last ? kCellPadY : 0), first ? space_before : 0,
              [=](cairo_t* cr, const Placement& at) {
                const double bottom = at.top + text_height + pad_top + (last ? kCellPadY : 0);
                cairo_set_source_rgb(cr, 0.95, 0.95, 0.95);  // the label column, shaded
                cairo_rectangle(cr, left, at.top, label_width, bottom - at.top);
                cairo_fill(cr);
                cairo_set_source_rgb(cr, 0, 0, 0);
                if (i < lm.size()) DrawLine(cr, l.get(), static_cast<int>(i), lm[i], left + kCellPadX, at.top + pad_top);
                if (i < vm.size())
                  DrawLine(cr, v.get(), static_cast<int>(i), vm[i], left + label_width + kCellPadX, at.top + pad_top);
                cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
                cairo_set_line_width(cr, kBorder);
                for (double x : {left, left + label_width, right}) {
                  cairo_move_to(cr, x, at.top);
                  cairo_line_to(cr, x, bottom);
                }
                if (first || at.first_on_page) HorizontalLine(cr, left, right, at.top);
                if (last || at.last_on_page) HorizontalLine(cr, left, right, bottom);
                cairo_stroke(cr);
              }});
  }
}

void AddNumberedItem(PageFlow& flow, PangoContext* context, const TextStyle& style, double number_width, int n,
                     std::string_view text, double space_before) {
  const double left = flow.frame().left;
  TextStyle number_style = style;
  number_style.align = PANGO_ALIGN_RIGHT;
  number_style.first_indent = 0;
  const Layout number = MakeLayout(context, number_style, number_width - 6, std::to_string(n) + ".");
  const Layout body = MakeLayout(context, style, flow.frame().width - number_width, text);
  const LineMetrics number_line = MeasureLines(number.get()).front();
  const auto lines = MeasureLines(body.get());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    flow.Add({lines[i].height, i == 0 ? space_before : 0, [=](cairo_t* cr, const Placement& at) {
                cairo_set_source_rgb(cr, 0, 0, 0);
                // Same style, same line height: the number sits on the first line's baseline.
                if (i == 0) DrawLine(cr, number.get(), 0, number_line, left, at.top + lines[0].baseline - number_line.baseline);
                DrawLine(cr, body.get(), static_cast<int>(i), lines[i], left + number_width, at.top);
              }});
  }
}

void AddRule(PageFlow& flow, double thickness, bool red, double space_before, double space_after) {
  const double left = flow.frame().left, right = left + flow.frame().width;
  flow.Add({thickness + space_after, space_before, [=](cairo_t* cr, const Placement& at) {
              if (red) cairo_set_source_rgb(cr, 0.78, 0.0, 0.0);
              else cairo_set_source_rgb(cr, 0, 0, 0);
              cairo_set_line_width(cr, thickness);
              HorizontalLine(cr, left, right, at.top + thickness / 2);
              cairo_stroke(cr);
            }});
}

void DrawQr(cairo_t* cr, const QrCode& qr, double x, double y, double side) {
  const double module = side / qr.size;
  // One path of row runs filled at once: no hairline seams between neighbouring modules.
  for (int row = 0; row < qr.size; ++row) {
    for (int col = 0; col < qr.size;) {
      if (!qr.At(col, row)) {
        ++col;
        continue;
      }
      int run = 1;
      while (col + run < qr.size && qr.At(col + run, row)) ++run;
      cairo_rectangle(cr, x + col * module, y + row * module, run * module, module);
      col += run;
    }
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_fill(cr);
}

}  // namespace tongban::documents
