#include "platform/documents/notice.hpp"

#include <glib.h>

#include <algorithm>
#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "platform/documents/blocks.hpp"
#include "platform/documents/page_flow.hpp"
#include "platform/documents/pdf_document.hpp"
#include "platform/documents/qr.hpp"
#include "platform/documents/text_layout.hpp"
#include "platform/errors/error.hpp"

namespace tongban::documents {
namespace {

constexpr double kMargin = 72;      // one inch, about 25 mm, on every side
constexpr double kLabelWidth = 120;  // the fields table's left column
constexpr double kNumberWidth = 30;  // the list's number column
constexpr double kQrSide = 78;       // about 27 mm: scans from paper at arm's length
constexpr double kCaptionWidth = 150;

// GB/T 9704 sets body text at 16 pt (三号); a notice read on screen or printed at home reads better a
// size smaller, with the standard's generous leading kept. One family in two weights, because each
// font face embedded costs about 50 KB however few glyphs it lends (cairo 1.16 keeps a CJK font's
// shared subroutines whole): four faces made a one-page notice 260 KB, two make it 155 KB.
const TextStyle kTitle{.family = kSerif, .size = 22, .bold = true, .align = PANGO_ALIGN_CENTER, .line_spacing = 1.25};
const TextStyle kNumber{.family = kSerif, .size = 12, .align = PANGO_ALIGN_RIGHT};
const TextStyle kAddressee{.family = kSerif, .size = 12, .line_spacing = 1.6};
const TextStyle kBody{.family = kSerif, .size = 12, .justify = true, .line_spacing = 1.6, .first_indent = 24};
const TextStyle kItem{.family = kSerif, .size = 12, .justify = true, .line_spacing = 1.6};
const TextStyle kTable{.family = kSerif, .size = 10.5, .line_spacing = 1.3};
const TextStyle kSignature{.family = kSerif, .size = 12.5, .align = PANGO_ALIGN_RIGHT, .line_spacing = 1.5};
const TextStyle kCaption{.family = kSerif, .size = 8.5, .line_spacing = 1.3};
const TextStyle kCode{.family = kSerif, .size = 10, .bold = true, .break_anywhere = true};
const TextStyle kUrl{.family = kSerif, .size = 6.5, .break_anywhere = true};
const TextStyle kFooter{.family = kSerif, .size = 9, .align = PANGO_ALIGN_CENTER};

void CheckUtf8(std::string_view text, const std::string& field) {
  if (!g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr))
    throw Error::Unprocessable("documents.bad_text", "通知书的 " + field + " 不是有效的 UTF-8 文本",
                               "The notice's " + field + " is not valid UTF-8 text");
}

void CheckText(const Notice& n) {
  for (const auto& [field, text] : {std::pair<const char*, const std::string*>{"title", &n.title},
                                    {"number", &n.number}, {"addressee", &n.addressee}, {"issuer", &n.issuer},
                                    {"date", &n.date}, {"verify_url", &n.verify_url},
                                    {"verify_code", &n.verify_code}})
    CheckUtf8(*text, field);
  for (std::size_t i = 0; i < n.paragraphs.size(); ++i) CheckUtf8(n.paragraphs[i], fmt::format("paragraphs[{}]", i));
  for (std::size_t i = 0; i < n.fields.size(); ++i) {
    CheckUtf8(n.fields[i].first, fmt::format("fields[{}]", i));
    CheckUtf8(n.fields[i].second, fmt::format("fields[{}]", i));
  }
  for (std::size_t i = 0; i < n.list_items.size(); ++i) CheckUtf8(n.list_items[i], fmt::format("list_items[{}]", i));
}

// The PDF's creation date from the printed date ("2026年11月23日", "2026-11-23": the first three runs
// of digits), so that the file's properties agree with its text; a fixed date otherwise. Never the
// clock: the same notice must give the same bytes.
std::string PdfDate(std::string_view date) {
  int parts[3] = {0, 0, 0};
  int found = 0;
  for (std::size_t i = 0; i < date.size() && found < 3;) {
    if (date[i] < '0' || date[i] > '9') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < date.size() && date[j] >= '0' && date[j] <= '9') ++j;
    if (j - i > 4 || std::from_chars(date.data() + i, date.data() + j, parts[found]).ec != std::errc{}) break;
    ++found;
    i = j;
  }
  const auto [y, m, d] = parts;
  if (found == 3 && y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= 31)
    return fmt::format("{:04}-{:02}-{:02}T00:00:00+08:00", y, m, d);
  return "2000-01-01T00:00:00+08:00";
}

// The foot of the last page: the QR code and its caption on the left, issuer and date on the right.
void SetClosing(PageFlow& flow, PangoContext* context, const Notice& n, const std::optional<QrCode>& qr) {
  const Frame& f = flow.frame();
  double caption_left = f.left + (qr ? kQrSide + 10 : 0);
  std::string caption;
  if (qr) caption = "扫码核验 / Scan to verify\n";
  if (!n.verify_code.empty()) caption += "核验码 / Verify code";
  const Layout caption_layout = caption.empty() ? nullptr : MakeLayout(context, kCaption, kCaptionWidth, caption);
  const Layout code = n.verify_code.empty() ? nullptr : MakeLayout(context, kCode, kCaptionWidth, n.verify_code);
  const Layout url = n.verify_url.empty() ? nullptr : MakeLayout(context, kUrl, kCaptionWidth, n.verify_url);
  std::string signature = n.issuer;
  if (!n.date.empty()) signature += (signature.empty() ? "" : "\n") + n.date;
  const double signature_left = caption_left + kCaptionWidth + 16;
  const double signature_width = std::min(230.0, f.left + f.width - signature_left);
  const Layout sign = signature.empty() ? nullptr : MakeLayout(context, kSignature, signature_width, signature);

  double caption_height = 0;
  for (const Layout& l : {caption_layout, code, url})
    if (l) caption_height += HeightOf(l.get()) + 3;
  const double height = std::max({qr ? kQrSide : 0.0, caption_height, sign ? HeightOf(sign.get()) : 0.0});
  if (height == 0) return;
  flow.SetClosing(height, 24, [=, right = f.left + f.width](cairo_t* cr, double top) {
    if (qr) DrawQr(cr, *qr, f.left, top, kQrSide);
    cairo_set_source_rgb(cr, 0, 0, 0);
    double y = top;
    for (const Layout& l : {caption_layout, code, url}) {
      if (!l) continue;
      DrawLayout(cr, l.get(), caption_left, y);
      y += HeightOf(l.get()) + 3;
    }
    if (sign) DrawLayout(cr, sign.get(), right - signature_width, top);
  });
}

void PageNumber(PangoContext* context, cairo_t* cr, int page, int pages) {
  if (pages < 2) return;
  const Layout l = MakeLayout(context, kFooter, kA4Width, fmt::format("第 {} 页 / 共 {} 页", page, pages));
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  DrawLayout(cr, l.get(), 0, kA4Height - kMargin + 28);
}

}  // namespace

std::string RenderNoticePdf(const Notice& n) {
  CheckText(n);
  std::optional<QrCode> qr;
  if (!n.verify_url.empty()) qr = EncodeQr(n.verify_url);  // a 422 before any drawing

  PdfDocument pdf({n.title, "Tongban 通办", PdfDate(n.date)});
  PangoContext* context = pdf.text();
  PageFlow flow({kMargin, kA4Width - 2 * kMargin, kMargin, kA4Height - kMargin});
  const double left = flow.frame().left, width = flow.frame().width;

  if (!n.title.empty()) flow.AddText(MakeLayout(context, kTitle, width, n.title), left, 0);
  if (!n.number.empty()) flow.AddText(MakeLayout(context, kNumber, width, n.number), left, 14);
  if (!n.title.empty() || !n.number.empty()) AddRule(flow, 1.5, /*red=*/true, 6, 18);
  if (!n.addressee.empty()) flow.AddText(MakeLayout(context, kAddressee, width, n.addressee), left, 0);
  for (const auto& p : n.paragraphs) flow.AddText(MakeLayout(context, kBody, width, p), left, 4);
  for (std::size_t i = 0; i < n.fields.size(); ++i)
    AddTableRow(flow, context, kTable, kLabelWidth, n.fields[i].first, n.fields[i].second, i == 0 ? 12 : 0);
  for (std::size_t i = 0; i < n.list_items.size(); ++i)
    AddNumberedItem(flow, context, kItem, kNumberWidth, static_cast<int>(i + 1), n.list_items[i], i == 0 ? 12 : 2);
  SetClosing(flow, context, n, qr);

  if (flow.CountPages() > kMaxNoticePages)
    throw Error::Unprocessable("documents.too_long", fmt::format("通知书超过 {} 页", kMaxNoticePages),
                               fmt::format("The notice runs past {} pages", kMaxNoticePages));
  flow.Draw(pdf, [context](cairo_t* cr, int page, int pages) { PageNumber(context, cr, page, pages); });
  return pdf.Finish();
}

}  // namespace tongban::documents
