#pragma once
// Small helpers the code checks share for what a person types: trimming, upper-casing, and
// counting characters (not bytes) so a full-width or Chinese character is one character in a
// message. Internal to platform/codes. Pure; thread-safe.
#include <string>
#include <string_view>
#include <vector>

namespace tongban::codes::internal {

// `text` without surrounding ASCII whitespace, with a-z upper-cased; other bytes untouched.
std::string NormalizeTyped(std::string_view text);

// `text` split into UTF-8 characters (a lead byte and its continuation bytes). Malformed UTF-8
// still splits, byte by byte, so the count is never larger than the byte length.
std::vector<std::string_view> SplitUtf8(std::string_view text);

// How to name one character in a message: the character itself, in quotes, when it is printable
// ASCII; "" otherwise, so a message never carries a broken UTF-8 sequence.
std::string QuoteIfPrintable(std::string_view character);

}  // namespace tongban::codes::internal
