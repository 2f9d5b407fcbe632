// Notices as a reader gets them: a PDF whose text (read back by pdftotext) is the Chinese that
// went in, set in the Noto CJK fonts, whose QR code scans to the verify URL, that flows onto more
// pages instead of running off one, and that is byte-for-byte the same each time it is rendered.
#include "platform/documents/notice.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <thread>

#include "external_tools.hpp"
#include "platform/errors/error.hpp"
#include "platform/files/sniff.hpp"

namespace tongban::documents {
namespace {

using testing::HaveTool;
using testing::RunTool;
using testing::TempFile;

constexpr double kA4Width = 595.276, kA4Height = 841.890;  // points
constexpr const char* kUrl = "https://tongban.example.gov.cn/verify?code=Q7KM-2XD9&事项=食品经营许可";

Notice Sample() {
  Notice n;
  n.title = "行政许可受理通知书";
  n.number = "通办受字〔2026〕第0001号";
  n.addressee = "通办市惠民餐饮有限公司：";
  n.paragraphs = {
      "你单位于2026年11月20日提出的食品经营许可申请，经审查，申请材料齐全、符合法定形式，决定予以受理。",
      "本机关将自受理之日起二十个工作日内作出行政许可决定。",
  };
  n.fields = {{"事项名称", "食品经营许可（新办）"}, {"受理编号", "TB-2026-000123"}, {"承诺时限", "20个工作日"}};
  n.list_items = {"营业执照复印件", "法定代表人身份证明", "经营场所平面图"};
  n.issuer = "通办市市场监督管理局";
  n.date = "2026年11月23日";
  n.verify_url = kUrl;
  n.verify_code = "Q7KM-2XD9";
  return n;
}

// A notice long enough to need several pages: many list items and a table row and a paragraph
// each longer than a page. Items carry markers ("条目37号") so the test can find every one.
Notice Long() {
  Notice n = Sample();
  std::string essay;
  for (int i = 0; i < 60; ++i) essay += "依照《中华人民共和国行政许可法》第三十二条的规定，本机关对申请材料进行了审查。";
  n.paragraphs.push_back(essay);
  n.fields.push_back({"审查意见", essay});
  n.list_items.clear();
  for (int i = 1; i <= 80; ++i)
    n.list_items.push_back("条目" + std::to_string(i) + "号：申请人应当如实提交有关材料和反映真实情况，并对其申请材料实质内容的真实性负责。");
  return n;
}

std::string PdfToText(const std::string& pdf, const std::string& options = "") {
  TempFile file(pdf, ".pdf");
  auto result = RunTool("pdftotext -enc UTF-8 " + options + " " + file.path() + " -");
  EXPECT_EQ(result.status, 0);
  return result.out;
}

int PageCount(const std::string& pdf) {
  TempFile file(pdf, ".pdf");
  std::smatch m;
  const std::string info = RunTool("pdfinfo " + file.path()).out;
  return std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")) ? std::stoi(m[1]) : 0;
}

TEST(NoticeTest, IsAPdf) {
  const std::string pdf = RenderNoticePdf(Sample());
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(files::SniffMediaType(pdf), files::kPdf);
  EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
}

TEST(NoticeTest, SameNoticeSameBytesAlsoAcrossThreads) {
  const std::string once = RenderNoticePdf(Sample());
  EXPECT_EQ(RenderNoticePdf(Sample()), once);
  // Handlers render on a worker pool at the same time; each thread has its own font map.
  std::vector<std::string> outputs(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 3; ++i) outputs[t] = RenderNoticePdf(i == 1 ? Long() : Sample());
    });
  for (auto& t : threads) t.join();
  for (const auto& out : outputs) EXPECT_TRUE(out == once) << "a concurrent render differed";
  Notice other = Sample();
  other.verify_code = "Q7KM-2XD8";
  EXPECT_NE(RenderNoticePdf(other), once);
}

TEST(NoticeTest, CreationDateComesFromTheNoticeNotTheClock) {
  EXPECT_NE(RenderNoticePdf(Sample()).find("/CreationDate (20261123000000+08'00)"), std::string::npos);
  Notice undated = Sample();
  undated.date = "";
  EXPECT_NE(RenderNoticePdf(undated).find("/CreationDate (20000101000000+08'00)"), std::string::npos);
}

TEST(NoticeTest, ChineseTextReadsBack) {
  if (!HaveTool("pdftotext")) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  const std::string text = PdfToText(RenderNoticePdf(Sample()));
  for (const char* want : {"行政许可受理通知书", "通办受字〔2026〕第0001号", "通办市惠民餐饮有限公司：",
                           "本机关将自受理之日起二十个工作日内作出行政许可决定。", "食品经营许可（新办）",
                           "经营场所平面图", "Q7KM-2XD9", "扫码核验", "通办市市场监督管理局", "2026年11月23日"})
    EXPECT_NE(text.find(want), std::string::npos) << want << " missing from:\n" << text;
}

TEST(NoticeTest, SetInNotoSerifCjkAlone) {
  if (!HaveTool("pdffonts")) GTEST_SKIP() << "pdffonts (poppler-utils) is not installed";
  Notice n = Long();
  n.paragraphs.push_back("Latin, digits 0123456789, 标点：「」『』〔〕《》——……、；？！ ％ ＃ ～ ①②③");
  TempFile file(RenderNoticePdf(n), ".pdf");
  const std::string fonts = RunTool("pdffonts " + file.path()).out;
  // A glyph the font lacked would bring in a fallback font: a different look and 50 KB more.
  std::set<std::string> names;
  const std::regex row(R"(\n[A-Z]{6}\+(\S+))");
  for (std::sregex_iterator it(fonts.begin(), fonts.end(), row), end; it != end; ++it) names.insert((*it)[1]);
  EXPECT_EQ(names, (std::set<std::string>{"NotoSerifCJKsc-Bold", "NotoSerifCJKsc-Regular"})) << fonts;
  EXPECT_EQ(fonts.find(" no "), std::string::npos) << "every font embedded:\n" << fonts;
}

TEST(NoticeTest, QrCodeOnThePageScansToTheVerifyUrl) {
  if (!HaveTool("pdftoppm") || !HaveTool("zbarimg")) GTEST_SKIP() << "pdftoppm or zbarimg is not installed";
  for (const Notice& n : {Sample(), Long()}) {
    const std::string pdf = RenderNoticePdf(n);
    const int last = PageCount(pdf);
    TempFile file(pdf, ".pdf");
    const std::string png = file.path() + ".png";
    ASSERT_EQ(RunTool("pdftoppm -r 150 -png -singlefile -f " + std::to_string(last) + " -l " + std::to_string(last) + " " +
                      file.path() + " " + file.path())
                  .status,
              0);
    auto scanned = RunTool("zbarimg --raw -q " + png);
    std::filesystem::remove(png);
    EXPECT_EQ(scanned.out, std::string(kUrl) + "\n") << "on page " << last;
  }
}

TEST(NoticeTest, LongNoticeFlowsOntoMorePagesAndNothingRunsOff) {
  if (!HaveTool("pdftotext")) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  const std::string pdf = RenderNoticePdf(Long());
  EXPECT_GE(PageCount(pdf), 4);
  const std::string text = PdfToText(pdf);
  for (int i = 1; i <= 80; ++i)
    EXPECT_NE(text.find("条目" + std::to_string(i) + "号"), std::string::npos) << "item " << i << " lost";
  std::string squeezed = text;  // pdftotext drops the spaces between Chinese and digits
  std::erase(squeezed, ' ');
  EXPECT_NE(squeezed.find("第2页/共" + std::to_string(PageCount(pdf)) + "页"), std::string::npos) << "pages are numbered";
  // Every word's box lies inside the page; body text stays above the bottom margin (72 pt), where
  // only the page number and the closing block's foot may reach.
  const std::string boxes = PdfToText(pdf, "-bbox");
  const std::regex word(R"rx(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)rx");
  int words = 0;
  for (std::sregex_iterator it(boxes.begin(), boxes.end(), word), end; it != end; ++it, ++words) {
    const double x_max = std::stod((*it)[3]), y_max = std::stod((*it)[4]);
    const std::string w = (*it)[5];
    EXPECT_LE(x_max, kA4Width - 72 + 1) << w;
    if (w.find("条目") != std::string::npos || w.find("依照") != std::string::npos) {
      EXPECT_LE(y_max, kA4Height - 72 + 1) << w << " runs into the bottom margin";
    }
    EXPECT_LE(y_max, kA4Height - 30) << w;
  }
  EXPECT_GT(words, 100);
}

TEST(NoticeTest, EmptyPartsAreLeftOut) {
  Notice bare;
  bare.title = "告知书";
  const std::string pdf = RenderNoticePdf(bare);
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
  if (HaveTool("pdftotext")) {
    EXPECT_EQ(PdfToText(pdf).find("扫码核验"), std::string::npos) << "no QR without a URL";
  }
}

TEST(NoticeTest, RefusedPastTheMaximumPages) {
  Notice endless = Sample();
  endless.list_items.assign(2500, "申请人应当如实提交有关材料和反映真实情况，并对其申请材料实质内容的真实性负责。");
  try {
    RenderNoticePdf(endless);
    FAIL() << "rendered more than " << kMaxNoticePages << " pages";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_EQ(e.code(), "documents.too_long");
  }
}

TEST(NoticeTest, InvalidTextIsRefused) {
  Notice bad = Sample();
  bad.paragraphs.push_back("\xe4\xb8");  // half a character
  try {
    RenderNoticePdf(bad);
    FAIL() << "rendered invalid UTF-8";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_EQ(e.code(), "documents.bad_text");
    EXPECT_NE(e.message_en().find("paragraphs[2]"), std::string::npos);
  }
}

}  // namespace
}  // namespace tongban::documents
