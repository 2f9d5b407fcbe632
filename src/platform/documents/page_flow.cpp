#include "platform/documents/page_flow.hpp"

namespace tongban::documents {

void PageFlow::AddText(const Layout& layout, double left, double space_before) {
  const auto metrics = MeasureLines(layout.get());
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    Add({metrics[i].height, i == 0 ? space_before : 0,
         [layout, i, m = metrics[i], left](cairo_t* cr, const Placement& at) {
           DrawLine(cr, layout.get(), static_cast<int>(i), m, left, at.top);
         }});
  }
}

void PageFlow::SetClosing(double height, double gap, std::function<void(cairo_t*, double)> draw) {
  closing_height_ = height;
  closing_gap_ = gap;
  closing_ = std::move(draw);
}

std::vector<PageFlow::Placed> PageFlow::Place(int* pages, double* closing_top) const {
  std::vector<Placed> placed;
  int page = 0;
  double y = frame_.top;
  for (const auto& line : lines_) {
    double gap = y == frame_.top ? 0 : line.space_before;
    // A line taller than a whole page cannot be helped; it still starts a page of its own.
    if (y + gap + line.height > frame_.bottom && y > frame_.top) {
      ++page;
      y = frame_.top;
      gap = 0;
    }
    placed.push_back({page, {y + gap, y == frame_.top, false}});
    y += gap + line.height;
  }
  for (std::size_t i = 0; i < placed.size(); ++i)
    placed[i].at.last_on_page = i + 1 == placed.size() || placed[i + 1].page != placed[i].page;
  *closing_top = frame_.bottom - closing_height_;
  if (closing_ && y > frame_.top && y + closing_gap_ > *closing_top) ++page;
  *pages = page + 1;
  return placed;
}

int PageFlow::CountPages() const {
  int pages = 0;
  double closing_top = 0;
  Place(&pages, &closing_top);
  return pages;
}

void PageFlow::Draw(PdfDocument& pdf, const std::function<void(cairo_t*, int, int)>& decorate) const {
  int pages = 0;
  double closing_top = 0;
  const auto placed = Place(&pages, &closing_top);
  std::size_t next = 0;
  for (int page = 0; page < pages; ++page) {
    for (; next < placed.size() && placed[next].page == page; ++next) {
      cairo_save(pdf.cr());
      lines_[next].draw(pdf.cr(), placed[next].at);
      cairo_restore(pdf.cr());
    }
    if (page + 1 == pages && closing_) {
      cairo_save(pdf.cr());
      closing_(pdf.cr(), closing_top);
      cairo_restore(pdf.cr());
    }
    if (decorate) decorate(pdf.cr(), page + 1, pages);
    pdf.EndPage();
  }
}

}  // namespace tongban::documents
