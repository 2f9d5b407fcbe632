#pragma once
// Internal to platform/documents: the pieces a notice (and later a licence) is built of, each
// added to a PageFlow line by line so that it can break across pages.
#include <string_view>

#include "platform/documents/page_flow.hpp"
#include "platform/documents/qr.hpp"
#include "platform/documents/text_layout.hpp"

namespace tongban::documents {

// One row of a two-column table with ruled borders: `label` in a shaded left column of
// `label_width`, `value` beside it. A row cut by a page break is closed at the foot of one page and
// opened again at the top of the next.
void AddTableRow(PageFlow& flow, PangoContext* context, const TextStyle& style, double label_width,
                 std::string_view label, std::string_view value, double space_before);

// "n." in a column of `number_width`, the item's text wrapped beside it (a hanging indent).
void AddNumberedItem(PageFlow& flow, PangoContext* context, const TextStyle& style, double number_width, int n,
                     std::string_view text, double space_before);

// A horizontal rule across the frame, `thickness` points, in `red` (版头分隔线) or black.
void AddRule(PageFlow& flow, double thickness, bool red, double space_before, double space_after);

// `qr` drawn as filled squares, `side` points wide without its quiet zone, top-left at (x, y).
void DrawQr(cairo_t* cr, const QrCode& qr, double x, double y, double side);

}  // namespace tongban::documents
