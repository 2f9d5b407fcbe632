// Untrusted schemas (an administrator's form) and untrusted form data: Schema::Compile either
// compiles or throws tongban::Error 422 "schema.invalid", Validate never crashes or hangs, and
// its answers agree with each other.
//
// Input: a schema, then a line "--", then the instance, both JSON. Without the separator the
// schema is validated against itself. Invariants checked:
//  - Compile throws nothing but Error 422 schema.invalid, and lists at least one problem;
//  - IsValid agrees with Validate being empty; every violation has a keyword and both messages,
//    and its pointer is a syntactically valid JSON Pointer;
//  - a schema Compile accepts is valid against the draft-07 meta-schema too (Compile is at least
//    as strict), unless it holds a $ref, beside which draft-07 ignores what the meta-schema checks.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "platform/errors/error.hpp"
#include "platform/schema/schema.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using nlohmann::json;
  using tongban::schema::Schema;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto separator = input.find("\n--\n");
  const std::string_view schema_text = input.substr(0, separator);
  const std::string_view instance_text =
      separator == std::string_view::npos ? schema_text : input.substr(separator + 4);
  const json schema_json = json::parse(schema_text, nullptr, false);
  const json instance = json::parse(instance_text, nullptr, false);
  if (schema_json.is_discarded() || instance.is_discarded()) return 0;

  std::optional<Schema> schema;
  try {
    schema = Schema::Compile(schema_json);
  } catch (const tongban::Error& e) {
    if (e.status() != 422 || e.code() != "schema.invalid" || e.errors().empty()) std::abort();
    return 0;
  }

  const auto violations = schema->Validate(instance);
  if (schema->IsValid(instance) != violations.empty()) std::abort();
  for (const auto& v : violations) {
    if (v.keyword.empty() || v.zh.empty() || v.en.empty()) std::abort();
    try {
      json::json_pointer pointer(v.pointer);
    } catch (const json::exception&) {
      std::abort();
    }
  }

  static const Schema meta = Schema::Compile({{"$ref", "http://json-schema.org/draft-07/schema#"}});
  if (schema_text.find("$ref") == std::string_view::npos && !meta.IsValid(schema_json)) std::abort();
  return 0;
}
