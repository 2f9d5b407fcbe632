#pragma once
// Internal to platform/documents: lines of a document flowed onto as many A4 pages as they need.
// Everything that may run long (paragraphs, table rows, list items) is added line by line, so a
// page can break between any two lines and nothing runs off the bottom of a page; a closing block
// (signature, date, QR code) stands at the foot of the last page, on a page of its own if the last
// one has no room left. Pages are counted before anything is drawn, so footers can say "of N".
#include <cairo.h>

#include <functional>
#include <vector>

#include "platform/documents/pdf_document.hpp"
#include "platform/documents/text_layout.hpp"

namespace tongban::documents {

struct Placement {
  double top = 0;
  bool first_on_page = false;  // a table row cut by a page break draws its borders again
  bool last_on_page = false;
};

struct FlowLine {
  double height = 0;
  double space_before = 0;  // dropped at the top of a page
  std::function<void(cairo_t*, const Placement&)> draw;
};

struct Frame {
  double left = 0, width = 0, top = 0, bottom = 0;  // the text area of every page, in points
};

class PageFlow {
 public:
  explicit PageFlow(Frame frame) : frame_(frame) {}
  const Frame& frame() const { return frame_; }

  void Add(FlowLine line) { lines_.push_back(std::move(line)); }
  // Each line of `layout` with its left edge at `left`; `space_before` goes before the first.
  void AddText(const Layout& layout, double left, double space_before);

  // The block drawn at the foot of the last page, its top at frame.bottom - height, at least
  // `gap` below the last line.
  void SetClosing(double height, double gap, std::function<void(cairo_t*, double top)> draw);

  // How many pages the lines and the closing block take.
  int CountPages() const;

  // Draws every page; `decorate(cr, page, pages)` (1-based page) adds headers or footers.
  void Draw(PdfDocument& pdf, const std::function<void(cairo_t*, int page, int pages)>& decorate) const;

 private:
  struct Placed {
    int page;
    Placement at;
  };
  std::vector<Placed> Place(int* pages, double* closing_top) const;

  Frame frame_;
  std::vector<FlowLine> lines_;
  double closing_height_ = 0, closing_gap_ = 0;
  std::function<void(cairo_t*, double)> closing_;
};

}  // namespace tongban::documents
