#pragma once
// JSON Pointer (RFC 6901) pieces the validator needs: escaping a property name into a pointer
// segment, and reading the pointer a $ref fragment carries ("#/definitions/a~1b%25c"). Internal to
// platform/schema. Pure; thread-safe.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tongban::schema::internal {

// `name` as one pointer segment: '~' → "~0", '/' → "~1".
std::string EscapeSegment(std::string_view name);
void AppendSegment(std::string& pointer, std::string_view name);  // pointer + "/" + escaped name
void AppendIndex(std::string& pointer, std::size_t index);         // pointer + "/" + index

// A URI fragment with %XX sequences decoded; nullopt when a '%' is not followed by two hex digits.
std::optional<std::string> PercentDecode(std::string_view fragment);

}  // namespace tongban::schema::internal
