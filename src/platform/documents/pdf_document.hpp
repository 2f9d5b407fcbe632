#pragma once
// Internal to platform/documents: one PDF written to memory by cairo, and the pango context its
// text is laid out in. Deterministic: cairo 1.16 stamps CreationDate with the wall clock unless
// told otherwise, so the caller fixes it, and the same drawing calls give the same bytes (font
// subset names are hashes of the glyphs used). Not thread-safe; one render, one thread.
//
// Threads: each PdfDocument lays text out with its thread's own pango font map
// (pango_cairo_font_map_get_default is per thread since pango 1.32); fontconfig (2.14), cairo
// and HarfBuzz are thread-safe for separate objects, so renders on different workers need no
// lock. tests/unit/platform/documents checks that concurrent renders give identical bytes.
#include <cairo.h>
#include <pango/pango.h>

#include <string>

namespace tongban::documents {

inline constexpr double kA4Width = 595.276;   // points: 210 mm
inline constexpr double kA4Height = 841.890;  // 297 mm

struct PdfInfo {
  std::string title;
  std::string creator;
  std::string creation_date;  // ISO 8601, e.g. "2026-11-23T00:00:00+08:00"
};

class PdfDocument {
 public:
  explicit PdfDocument(const PdfInfo& info);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  cairo_t* cr() const { return cr_; }
  // For pango_layout_new: 1 unit = 1 point (resolution 72), hinting off so that glyph positions do
  // not depend on a pixel grid the PDF does not have, language zh-cn so Han characters take the
  // Simplified Chinese forms of the CJK fonts.
  PangoContext* text() const { return text_; }
  void EndPage();
  // Finishes the file and returns its bytes. Throws tongban::Error 500 documents.render_failed
  // when cairo reports an error. Call once.
  std::string Finish();

 private:
  static cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length);
  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoContext* text_ = nullptr;
};

}  // namespace tongban::documents
