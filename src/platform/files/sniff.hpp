#pragma once
// What a file really is, read from its first bytes (DESIGN.md, "Files"): the type a client claims
// (Content-Type, file name) is never trusted, because a renamed file would otherwise pass as a
// PDF and reach every reviewer's viewer. Pure and thread-safe.
#include <string>
#include <string_view>

namespace tongban::files {

inline constexpr std::string_view kPdf = "application/pdf";
inline constexpr std::string_view kPng = "image/png";
inline constexpr std::string_view kJpeg = "image/jpeg";

// kPdf when the bytes start with "%PDF-", kPng with the whole 8-byte PNG signature, kJpeg with
// FF D8 FF; "" for anything else, including empty input and a truncated signature. Only the
// signature is read: a file that starts right and is broken inside still sniffs as its type, so
// whatever renders it must be defensive anyway.
std::string SniffMediaType(std::string_view bytes);

}  // namespace tongban::files
