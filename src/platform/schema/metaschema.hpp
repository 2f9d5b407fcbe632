#pragma once
// Documents a $ref may name without any loader: the draft-07 meta-schema
// (http://json-schema.org/draft-07/schema), so that a schema can say "this field holds a JSON
// Schema" as the official test suite does. Internal to platform/schema; thread-safe.
#include <string_view>

#include <nlohmann/json.hpp>

namespace tongban::schema::internal {

// The built-in document named by `uri` (without fragment), or nullptr.
const nlohmann::json* BuiltinDocument(std::string_view uri);

}  // namespace tongban::schema::internal
