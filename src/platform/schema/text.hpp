#pragma once
// UTF-8 for the validator: minLength/maxLength count code points (JSON Schema's "characters"),
// and patterns run over code points so that "." and [一-龥] mean one Chinese character, not one
// byte. Internal to platform/schema. Pure; thread-safe.
#include <cstddef>
#include <string>
#include <string_view>

namespace tongban::schema::internal {

// Code points in `text`: bytes that are not UTF-8 continuation bytes (10xxxxxx). Malformed input
// still counts, never more than its byte length.
std::size_t CountCodePoints(std::string_view text);

// `text` as code points (wchar_t is 32 bits on Linux). A malformed sequence becomes U+FFFD, one
// per byte, so the result is never longer than the input.
std::wstring DecodeUtf8(std::string_view text);

}  // namespace tongban::schema::internal
