#include "platform/schema/evaluation.hpp"

#include "platform/schema/pointer.hpp"
#include "platform/time/clock.hpp"

namespace tongban::schema::internal {

Evaluation::Evaluation(std::vector<Violation>* out, std::optional<time::Date> today)
    : out_(out), today_(today) {}

bool Evaluation::Apply(const Node& node, const nlohmann::json& instance) {
  if (stopped_) return false;
  if (node.kind == Node::Kind::kAlways) return true;
  if (node.kind == Node::Kind::kNever) {
    Report("false", {"不允许出现此值", "is not allowed here"});
    return false;
  }
  if (++steps_ > kMaxSteps)
    return Stop("complexity", {"表单定义过于复杂，校验已中止", "the form's schema is too complex; validation stopped"});
  if (depth_ >= kMaxDepth) return StopTooDeep();
  ++depth_;
  // The outermost title names the field: a property's own title wins over its $ref target's.
  const std::string_view outer_title = title_;
  if (title_.empty()) title_ = node.title;
  bool valid = true;
  for (const auto& keyword : node.keywords) {
    if (!keyword->Check(instance, *this)) {
      valid = false;
      if (!collecting()) break;
    }
    if (stopped_) {
      valid = false;
      break;
    }
  }
  title_ = outer_title;
  --depth_;
  return valid;
}

bool Evaluation::ApplyTo(const Node& node, const nlohmann::json& part, Segment where) {
  path_.push_back(where);
  const std::string_view outer_title = title_;
  title_ = {};
  const bool valid = Apply(node, part);
  title_ = outer_title;
  path_.pop_back();
  return valid;
}

bool Evaluation::Test(const Node& node, const nlohmann::json& instance) {
  auto* const out = out_;
  out_ = nullptr;
  const bool valid = Apply(node, instance);
  out_ = out;
  return valid;
}

bool Evaluation::TestPart(const Node& node, const nlohmann::json& part, Segment where) {
  auto* const out = out_;
  out_ = nullptr;
  const bool valid = ApplyTo(node, part, where);
  out_ = out;
  return valid;
}

void Evaluation::Report(std::string_view keyword, const Text& text) {
  if (!out_) return;
  std::string pointer = Pointer();
  Text said = AboutField(pointer, title_, text);
  out_->push_back({std::move(pointer), std::string(keyword), std::move(said.zh), std::move(said.en)});
}

void Evaluation::ReportAbout(Segment part, std::string_view keyword, const Text& text) {
  if (!out_) return;
  const std::string pointer = Pointer();
  Text said = AboutField(pointer, title_, text);
  std::string part_pointer = pointer;
  if (part.is_index) {
    AppendIndex(part_pointer, part.index);
  } else {
    AppendSegment(part_pointer, part.name);
  }
  out_->push_back({std::move(part_pointer), std::string(keyword), std::move(said.zh), std::move(said.en)});
}

std::string Evaluation::Pointer() const {
  std::string pointer;
  for (const auto& segment : path_) {
    if (segment.is_index) {
      AppendIndex(pointer, segment.index);
    } else {
      AppendSegment(pointer, segment.name);
    }
  }
  return pointer;
}

time::Date Evaluation::Today() {
  if (!today_) today_ = *time::Date::Parse(time::ShanghaiDate(time::SystemClock().Now()));
  return *today_;
}

bool Evaluation::StopTooDeep() {
  return Stop("depth", {"数据或表单定义嵌套过深，校验已中止", "nested too deeply; validation stopped"});
}

bool Evaluation::Stop(std::string_view keyword, const Text& text) {
  // Remembered even while testing: a stopped validation is never an answer of "valid", whatever
  // a surrounding "not" would make of the false returned here.
  if (!stopped_) {
    std::string pointer = Pointer();
    Text said = AboutField(pointer, {}, text);
    stopped_ = Violation{std::move(pointer), std::string(keyword), std::move(said.zh), std::move(said.en)};
  }
  return false;
}

void Evaluation::Finish() {
  if (stopped_ && out_) out_->push_back(*stopped_);
}

}  // namespace tongban::schema::internal
