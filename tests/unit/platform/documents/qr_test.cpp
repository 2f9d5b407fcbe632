// QR codes come back from a real decoder (zbarimg) exactly as they went in, URLs with lower-case
// letters and Chinese text included; the SVG for the web holds the same modules.
#include "platform/documents/qr.hpp"

#include <cairo.h>
#include <gtest/gtest.h>

#include <regex>

#include "external_tools.hpp"
#include "platform/errors/error.hpp"

namespace tongban::documents {
namespace {

using testing::HaveTool;
using testing::RunTool;

// The matrix as a PNG, 6 px per module, with the 4-module quiet zone; written for zbarimg.
std::string QrPng(const QrCode& qr) {
  constexpr int kScale = 6, kQuiet = 4;
  const int side = (qr.size + 2 * kQuiet) * kScale;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int y = 0; y < qr.size; ++y)
    for (int x = 0; x < qr.size; ++x)
      if (qr.At(x, y)) cairo_rectangle(cr, (x + kQuiet) * kScale, (y + kQuiet) * kScale, kScale, kScale);
  cairo_fill(cr);
  std::string png;
  cairo_surface_write_to_png_stream(
      surface,
      [](void* out, const unsigned char* data, unsigned int n) {
        static_cast<std::string*>(out)->append(reinterpret_cast<const char*>(data), n);
        return CAIRO_STATUS_SUCCESS;
      },
      &png);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return png;
}

std::string Decode(const QrCode& qr) {
  testing::TempFile png(QrPng(qr), ".png");
  auto result = RunTool("zbarimg --raw -q " + png.path());
  EXPECT_EQ(result.status, 0) << "zbarimg found no code";
  if (!result.out.empty() && result.out.back() == '\n') result.out.pop_back();
  return result.out;
}

TEST(QrTest, DecodesBackToTheExactText) {
  if (!HaveTool("zbarimg")) GTEST_SKIP() << "zbarimg (zbar-tools) is not installed";
  for (const std::string text : {
           "https://tongban.example.gov.cn/api/v1/public/verify?code=aB3x-9kQ_z",
           "https://tongban.example.gov.cn/核验?事项=食品经营许可证&编号=通办受字〔2026〕第0001号",
           // Also valid Shift-JIS: without the UTF-8 mark zbar read it as Japanese.
           "https://tongban.example.gov.cn/verify?code=Q7KM-2XD9&事项=食品经营许可",
           "TB-2026-000123",
       })
    EXPECT_EQ(Decode(EncodeQr(text)), text);
}

TEST(QrTest, SymbolHasAValidSizeAndFinderPatterns) {
  const QrCode qr = EncodeQr("https://tongban.example.gov.cn/v/ABC");
  ASSERT_GE(qr.size, 21);
  EXPECT_EQ((qr.size - 17) % 4, 0) << "versions grow by 4 modules";
  ASSERT_EQ(qr.dark.size(), static_cast<std::size_t>(qr.size * qr.size));
  // Each corner but the bottom-right has a 7×7 finder: dark ring, light ring, dark 3×3 centre.
  for (auto [cx, cy] : {std::pair{0, 0}, std::pair{qr.size - 7, 0}, std::pair{0, qr.size - 7}}) {
    EXPECT_TRUE(qr.At(cx, cy) && qr.At(cx + 6, cy + 6));
    EXPECT_FALSE(qr.At(cx + 1, cy + 1) || qr.At(cx + 5, cy + 5));
    EXPECT_TRUE(qr.At(cx + 3, cy + 3));
  }
  EXPECT_GT(EncodeQr(std::string(300, 'x')).size, qr.size) << "longer text, bigger symbol";
}

TEST(QrTest, EmptyOrOversizedTextIsRefused) {
  for (const std::string& text : {std::string(), std::string(2332, 'x'), std::string(2331, 'x') + "许"}) {
    try {
      EncodeQr(text);
      ADD_FAILURE() << "accepted " << text.size() << " bytes";
    } catch (const Error& e) {
      EXPECT_EQ(e.status(), 422);
      EXPECT_EQ(e.code(), "documents.qr_text");
    }
  }
  EXPECT_NO_THROW(EncodeQr(std::string(2331, 'x'))) << "the largest symbol at level M holds 2,331 bytes";
}

TEST(QrTest, SvgHoldsTheSameModulesWithAQuietZone) {
  const std::string text = "https://tongban.example.gov.cn/v/ABC";
  const QrCode qr = EncodeQr(text);
  const std::string svg = QrSvg(text);
  const std::string side = std::to_string(qr.size + 8);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side + "\"", 0), 0u);
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
  // Every run "Mx yhNv1h-Nz" covers N dark modules of row y from x; together exactly the dark ones.
  std::vector<bool> drawn(qr.dark.size());
  const std::regex run(R"(M(\d+) (\d+)h(\d+)v1h-\3z)");
  for (std::sregex_iterator it(svg.begin(), svg.end(), run), end; it != end; ++it) {
    const int x = std::stoi((*it)[1]) - 4, y = std::stoi((*it)[2]) - 4, n = std::stoi((*it)[3]);
    ASSERT_TRUE(x >= 0 && y >= 0 && x + n <= qr.size && y < qr.size) << "inside the quiet zone";
    for (int i = 0; i < n; ++i) drawn[y * qr.size + x + i] = true;
  }
  EXPECT_EQ(drawn, qr.dark);
}

}  // namespace
}  // namespace tongban::documents
