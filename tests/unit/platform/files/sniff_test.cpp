// The sniffed type comes from the bytes alone: a renamed text file is not a PDF, and a file cut
// off inside its signature is nothing.
#include "platform/files/sniff.hpp"

#include <gtest/gtest.h>

namespace tongban::files {
namespace {

struct Case {
  const char* name;
  std::string bytes;
  std::string_view want;
};

TEST(SniffTest, TypeComesFromTheBytes) {
  using namespace std::string_literals;
  const Case cases[] = {
      {"pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"s, kPdf},
      {"pdf, nothing after the version", "%PDF-"s, kPdf},
      {"png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s, kPng},
      {"png, signature only", "\x89PNG\r\n\x1a\n"s, kPng},
      {"jpeg (JFIF)", "\xff\xd8\xff\xe0\0\x10JFIF\0"s, kJpeg},
      {"jpeg (Exif)", "\xff\xd8\xff\xe1"s, kJpeg},
      {"empty", ""s, ""},
      {"text renamed to .pdf", "申请书：本人申请办理营业执照。\n"s, ""},
      {"PDF mentioned later, not at the start", " %PDF-1.4"s, ""},
      {"lower-case pdf", "%pdf-1.4"s, ""},
      {"truncated pdf signature", "%PDF"s, ""},
      {"truncated png signature", "\x89PNG\r\n\x1a"s, ""},
      {"png mangled by a text-mode transfer", "\x89PNG\n\x1a\n\0\0"s, ""},
      {"truncated jpeg signature", "\xff\xd8"s, ""},
      {"one byte", "%"s, ""},
      {"html", "<!DOCTYPE html><html>"s, ""},
      {"zip (an .xlsx or .docx)", "PK\x03\x04\x14\0"s, ""},
  };
  for (const auto& c : cases) EXPECT_EQ(SniffMediaType(c.bytes), c.want) << c.name;
}

}  // namespace
}  // namespace tongban::files
