#pragma once
// Official notices as PDF (受理通知书, 补正告知书, 不予受理通知书, …): the documents a case sends its
// applicant. One A4 layout in the manner of GB/T 9704 (党政机关公文格式), set in Noto Serif CJK SC:
//
//   title, centred and large               行政许可受理通知书
//   number, right-aligned (文号)                    通办受字〔2026〕第 0001 号
//   red rule                               ─────────────────────────────────
//   addressee                              张三：
//   paragraphs, first line indented        　　你单位提交的……
//   fields, a ruled two-column table       │ 事项名称 │ 食品经营许可 │
//   list items, numbered                    1. 营业执照复印件
//   at the foot of the last page:          [QR] 扫码核验 / Scan to verify       通办市市场监督管理局
//                                               核验码 / Verify code: …           2026年11月23日
//
// Long text flows onto further pages, breaking between lines (a table row or list item may be
// split); pages are numbered when there is more than one. Any part left empty is left out; no QR
// code without verify_url.
//
// Deterministic: the same Notice gives byte-identical PDFs on the same machine (same cairo, pango
// and fonts), so a document's SHA-256 identifies it. The PDF's creation date is taken from `date`
// when it reads as a calendar date (2026年11月23日, 2026-11-23), else fixed at 2000-01-01 — never
// the clock. Thread-safe: renders may run concurrently on worker threads (see pdf_document.hpp).
#include <string>
#include <utility>
#include <vector>

namespace tongban::documents {

struct Notice {
  std::string title;       // 行政许可受理通知书
  std::string number;      // 文号: 通办受字〔2026〕第 0001 号
  std::string addressee;   // printed as given, colon included: 张三：
  std::vector<std::string> paragraphs;
  std::vector<std::pair<std::string, std::string>> fields;  // label, value
  std::vector<std::string> list_items;
  std::string issuer;      // 通办市市场监督管理局
  std::string date;        // as printed: 2026年11月23日
  std::string verify_url;  // encoded in the QR code, printed small beside it
  std::string verify_code; // printed beside the QR code, for typing in by hand
};

inline constexpr int kMaxNoticePages = 100;

// The notice as PDF bytes. Throws tongban::Error 422 documents.bad_text when a string is not
// valid UTF-8 (naming the field), 422 documents.too_long beyond kMaxNoticePages pages, 422
// documents.qr_text when verify_url is too long for a QR code, 500 documents.render_failed when
// cairo fails.
std::string RenderNoticePdf(const Notice& notice);

}  // namespace tongban::documents
