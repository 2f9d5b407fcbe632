#pragma once
// One validation of one instance (internal to platform/schema): where in the instance it is, the
// violations found so far, and the limits that keep an untrusted schema from hanging or crashing
// the server. Keyword checks receive it and call back into Apply for subschemas.
//
// Two modes. Collecting (Validate) reports every violation. Testing (inside anyOf, oneOf, not,
// if, contains, propertyNames, and IsValid) only needs true or false, so nothing is reported and
// checks may stop at the first failure.
//
// Not thread-safe: one Evaluation per Validate call, on the caller's stack.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/schema/messages.hpp"
#include "platform/schema/node.hpp"
#include "platform/schema/schema.hpp"
#include "platform/time/date.hpp"

namespace tongban::schema::internal {

// One step of the path from the root to the current value: a property name or an array index.
struct Segment {
  std::string_view name;
  std::size_t index = 0;
  bool is_index = false;
  static Segment Name(std::string_view n) { return {n, 0, false}; }
  static Segment Index(std::size_t i) { return {{}, i, true}; }
};

class Evaluation {
 public:
  // Nested subschema applications allowed; deeper data (or a deep chain of $refs) stops the
  // validation with a violation instead of exhausting the stack.
  static constexpr int kMaxDepth = 200;
  // Subschema applications allowed in one validation: a schema whose alternatives multiply
  // (anyOf inside anyOf, down a recursive $ref) stops here rather than running for hours. A
  // 15-field form takes about a hundred.
  static constexpr std::size_t kMaxSteps = 2'000'000;
  // How deep a value uniqueItems compares may be nested.
  static constexpr int kMaxValueDepth = 64;

  // `out` null: testing mode. `today` unset: the real Asia/Shanghai date, read when first needed.
  Evaluation(std::vector<Violation>* out, std::optional<time::Date> today);

  bool collecting() const { return out_ != nullptr; }

  // Applies `node` to `instance`, which sits at the current path. True when valid.
  bool Apply(const Node& node, const nlohmann::json& instance);
  // Applies `node` to a part of the current value (a property or an item).
  bool ApplyTo(const Node& node, const nlohmann::json& part, Segment where);
  // True when `instance` (at the current path) satisfies `node`; reports nothing.
  bool Test(const Node& node, const nlohmann::json& instance);
  // The same for a part of the current value.
  bool TestPart(const Node& node, const nlohmann::json& part, Segment where);

  // Records a violation of `keyword` at the current path, said of the current field.
  void Report(std::string_view keyword, const Text& text);
  // Records a violation about a part of the current value that may not exist (a required
  // property): the pointer names the part, the sentence is said of the current value and names
  // the part itself ("/applicant：缺少必填项 name").
  void ReportAbout(Segment part, std::string_view keyword, const Text& text);

  // Stops the validation because the data is nested too deeply to walk (a keyword that compares
  // whole values checks first). Returns false, for `return eval.StopTooDeep();`.
  bool StopTooDeep();

  // The JSON Pointer of the current value.
  std::string Pointer() const;
  // The business date for format checks (see the constructor).
  time::Date Today();

  // True once a limit stopped the validation; its answer is then "invalid", whatever was found.
  bool stopped() const { return stopped_.has_value(); }
  // Adds the violation that says the validation stopped early, if it did. Call once, at the end.
  void Finish();

 private:
  bool Stop(std::string_view keyword, const Text& text);

  std::vector<Violation>* out_;
  std::optional<time::Date> today_;
  std::vector<Segment> path_;
  std::string_view title_;  // the current value's schema title, "" when none
  int depth_ = 0;
  std::size_t steps_ = 0;
  std::optional<Violation> stopped_;  // why the validation stopped early
};

}  // namespace tongban::schema::internal
