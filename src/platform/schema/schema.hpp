#pragma once
// JSON Schema draft-07, as Tongban's forms use it (DESIGN.md rule 9: a service item's application
// form is a schema written by an administrator; docs/json-schema.md lists what is supported).
//
// Two steps. Compile checks an untrusted schema once and throws when it is not a valid draft-07
// schema; the compiled Schema then validates any number of instances and answers every violation
// at once, each naming the field by its JSON Pointer, in Chinese and English.
//
// Untrusted schemas cannot hang or crash the server: a $ref cycle that never reaches the data is a
// compile error, and one validation stops at a fixed depth and a fixed amount of work, answering a
// violation instead. Patterns run on a backtracking engine with bounded complexity and no recursion.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/errors/error.hpp"
#include "platform/time/date.hpp"

namespace tongban::schema {

namespace internal {
struct Compiled;
}

// One way the instance fails its schema.
struct Violation {
  std::string pointer;  // JSON Pointer into the instance ("" = root, "/materials/0/name")
  std::string keyword;  // "required", "minLength", "format", ...
  std::string zh;       // what is wrong, naming the field: "/age：应不小于 18"
  std::string en;       // "/age: must be at least 18"
};

struct CompileOptions {
  // Fetches another document a $ref names: called with its absolute URI without the fragment
  // ("http://localhost:1234/integer.json"); nullopt when unknown. Unset in production, where a
  // $ref must stay inside the schema (or name the draft-07 meta-schema, which is built in); the
  // conformance suite sets it to read its remotes/ folder.
  std::function<std::optional<nlohmann::json>(const std::string& uri)> load_document;
};

class Schema {
 public:
  // The schema `true`: every instance is valid.
  Schema();

  // Compiles a draft-07 schema (object or boolean). Throws tongban::Error 422 code
  // "schema.invalid" with one FieldError per problem (pointer into the SCHEMA, e.g.
  // "/properties/age/minimum"; code = the keyword) when it is not a valid draft-07 schema: a
  // keyword of the wrong type, a negative minLength, a regex that does not compile, an unknown
  // format, an unresolvable $ref, a $ref cycle that never reaches the data, nesting deeper than 64.
  // Unknown keywords are ignored, as the specification says (titles, descriptions, UI hints).
  static Schema Compile(const nlohmann::json& schema, const CompileOptions& options = {});

  // Every violation (never stops at the first), empty when valid. Order: for each value, its type
  // first, then its other keywords in a fixed order; required names as the schema lists them,
  // properties by name. "Today" for format citizen-id (a birth date after it is refused) is the
  // real Asia/Shanghai date. Thread-safe, const: one compiled Schema may serve every request.
  std::vector<Violation> Validate(const nlohmann::json& instance) const;
  // The same with "today" given, for tests and a moved test clock.
  std::vector<Violation> Validate(const nlohmann::json& instance, time::Date today) const;

  // True when Validate would answer nothing; stops at the first violation, so it is cheaper.
  bool IsValid(const nlohmann::json& instance) const;

 private:
  explicit Schema(std::shared_ptr<const internal::Compiled> compiled);
  std::shared_ptr<const internal::Compiled> compiled_;  // immutable, shared by copies
};

// Error 422 code "form.invalid" (or the given code) carrying every violation as FieldError
// {pointer, keyword, zh, en}; its message counts them and quotes the first.
Error ToError(const std::vector<Violation>& violations, std::string code = "form.invalid");

}  // namespace tongban::schema
