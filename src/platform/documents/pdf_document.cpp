#include "platform/documents/pdf_document.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "platform/errors/error.hpp"

namespace tongban::documents {

PdfDocument::PdfDocument(const PdfInfo& info) {
  surface_ = cairo_pdf_surface_create_for_stream(&PdfDocument::Append, this, kA4Width, kA4Height);
  // Set before anything is drawn; the date is the one that would otherwise be "now".
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, info.creation_date.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, info.title.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, info.creator.c_str());
  cr_ = cairo_create(surface_);
  text_ = pango_cairo_create_context(cr_);
  pango_cairo_context_set_resolution(text_, 72);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(text_, options);
  cairo_font_options_destroy(options);
  pango_context_set_language(text_, pango_language_from_string("zh-cn"));
}

PdfDocument::~PdfDocument() {
  if (text_) g_object_unref(text_);
  if (cr_) cairo_destroy(cr_);
  if (surface_) cairo_surface_destroy(surface_);
}

cairo_status_t PdfDocument::Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<PdfDocument*>(closure)->bytes_.append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void PdfDocument::EndPage() { cairo_show_page(cr_); }

std::string PdfDocument::Finish() {
  cairo_status_t status = cairo_status(cr_);
  cairo_surface_finish(surface_);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface_);
  if (status != CAIRO_STATUS_SUCCESS)
    throw Error::Internal("documents.render_failed", std::string("cairo: ") + cairo_status_to_string(status));
  return std::move(bytes_);
}

}  // namespace tongban::documents
