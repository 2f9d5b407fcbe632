#include "platform/files/sniff.hpp"

namespace tongban::files {
namespace {

struct Signature {
  std::string_view magic;
  std::string_view media_type;
};

// The PNG signature is checked whole (not just "\x89PNG"): its CR LF, SUB and LF bytes are there
// to catch files mangled by text-mode transfers, which are then not PNGs any more.
constexpr Signature kSignatures[] = {
    {std::string_view("%PDF-", 5), kPdf},
    {std::string_view("\x89PNG\r\n\x1a\n", 8), kPng},
    {std::string_view("\xff\xd8\xff", 3), kJpeg},
};

}  // namespace

std::string SniffMediaType(std::string_view bytes) {
  for (const auto& s : kSignatures)
    if (bytes.substr(0, s.magic.size()) == s.magic) return std::string(s.media_type);
  return "";
}

}  // namespace tongban::files
