#include "catalog/elements_json.hpp"

#include <stdexcept>

#include "platform/schema/schema.hpp"

namespace tongban::catalog {
namespace {

constexpr std::size_t kLongText = 4000;
constexpr std::size_t kMaxMaterials = 60;
constexpr std::size_t kMaxSteps = 20;
// 行政许可法 art. 42: 20 working days, 45 for joint handling, plus extensions; other laws set
// longer limits (e.g. 60 for some registrations). A year of working days is a generous ceiling.
constexpr std::int64_t kMaxLimitDays = 250;

const std::vector<std::string> kMaterialForms = {"original", "copy", "original_and_copy", "electronic"};
const std::vector<std::string> kMaterialSources = {"applicant", "licence", "shared"};
const std::vector<std::string> kWindowCategories = {"market_access", "construction", "social_affairs"};

// The elements of the array at `key`, each read by `read_one` with a reader nested at its index.
template <class T, class ReadOne>
std::vector<T> ReadArray(http::BodyReader& in, const std::string& key, std::size_t max_items, ReadOne read_one) {
  std::vector<T> out;
  if (!in.Has(key)) return out;
  const auto& array = in.body()[key];
  if (!array.is_array() || array.size() > max_items) {
    in.FailAt(in.pointer() + "/" + key, "type", in.Label(key) + " 应为最多 " + std::to_string(max_items) + " 项的数组",
              in.Label(key) + " must be an array of at most " + std::to_string(max_items) + " items");
    return out;
  }
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string pointer = in.pointer() + "/" + key + "/" + std::to_string(i);
    if (!array[i].is_object()) {
      in.FailAt(pointer, "type", pointer.substr(1) + " 应为对象", pointer.substr(1) + " must be an object");
      continue;
    }
    http::BodyReader item(array[i], pointer);
    out.push_back(read_one(item));
    in.Absorb(item);
  }
  return out;
}

Material ReadMaterial(http::BodyReader& in) {
  Material m;
  m.name = in.String("name", 1, 200);
  m.required = in.Bool("required", true);
  m.form = in.OptEnum("form", kMaterialForms).value_or("original");
  m.copies = static_cast<int>(in.Int("copies", 0, 99, 1));
  m.note = in.OptString("note", 1000).value_or("");
  m.source = in.OptEnum("source", kMaterialSources).value_or("applicant");
  m.licence_type_code = in.OptString("licence_type_code", 64).value_or("");
  m.shared_from = in.OptString("shared_from", 200).value_or("");
  m.proof_code = in.OptString("proof_code", 64).value_or("");
  if (m.source == "licence" && m.licence_type_code.empty())
    in.Fail("licence_type_code", "required", in.Label("licence_type_code") + " 必填：材料来源为电子证照时须指明证照类型",
            in.Label("licence_type_code") + " is required when the material comes from an e-licence");
  if (m.source == "shared" && m.shared_from.empty())
    in.Fail("shared_from", "required", in.Label("shared_from") + " 必填：材料来源为共享数据时须指明来源",
            in.Label("shared_from") + " is required when the material comes from shared data");
  return m;
}

Fee ReadFee(http::BodyReader& in) {
  Fee f;
  f.name = in.String("name", 1, 200);
  f.amount = in.String("amount", 1, 32);
  f.basis = in.OptString("basis", 1000).value_or("");
  // Money as decimal text (never a float): digits, at most two decimals.
  bool ok = !f.amount.empty();
  std::size_t dot = f.amount.find('.');
  for (std::size_t i = 0; i < f.amount.size(); ++i)
    if (i != dot && (f.amount[i] < '0' || f.amount[i] > '9')) ok = false;
  if (dot != std::string::npos && (dot == 0 || f.amount.size() - dot - 1 > 2 || f.amount.size() - dot - 1 == 0)) ok = false;
  if (!f.amount.empty() && !ok)
    in.Fail("amount", "pattern", in.Label("amount") + " 应为金额（元），如 80 或 80.00",
            in.Label("amount") + " must be an amount in yuan, such as 80 or 80.00");
  return f;
}

WorkflowStep ReadStep(http::BodyReader& in) {
  WorkflowStep s;
  s.name = in.String("name", 1, 50);
  s.role = in.String("role", 1, 64);
  s.days = static_cast<int>(in.Int("days", 0, kMaxLimitDays, 0));
  return s;
}

void ReadFormSchema(http::BodyReader& in, Elements& e, bool compile) {
  if (!in.Has("form_schema")) return;
  const auto& schema = in.body()["form_schema"];
  const std::string pointer = in.pointer() + "/form_schema";
  if (!schema.is_object() || schema.value("type", nlohmann::json()) != "object") {
    in.FailAt(pointer, "type", "申请表单应为根类型为 object 的 JSON Schema",
              "The application form must be a JSON Schema whose root type is object");
    return;
  }
  if (!compile) {
    e.form_schema = schema;
    return;
  }
  try {
    (void)schema::Schema::Compile(schema);
    e.form_schema = schema;
  } catch (const Error& error) {
    for (const auto& fe : error.errors()) in.FailAt(pointer + fe.pointer, fe.code, "申请表单：" + fe.message_zh,
                                                    "Application form: " + fe.message_en);
    if (error.errors().empty()) in.FailAt(pointer, "schema", error.message_zh(), error.message_en());
  }
}

void ReadWorkflow(http::BodyReader& in, Elements& e) {
  if (!in.Has("workflow")) return;
  const auto& value = in.body()["workflow"];
  const std::string pointer = in.pointer() + "/workflow";
  if (!value.is_object()) {
    in.FailAt(pointer, "type", "workflow 应为对象", "workflow must be an object");
    return;
  }
  http::BodyReader w(value, pointer);
  e.workflow.steps = ReadArray<WorkflowStep>(w, "steps", kMaxSteps, ReadStep);
  e.workflow.suspensions = w.OptStringList("suspensions", 20).value_or(std::vector<std::string>{});
  in.Absorb(w);
}

// Rules across fields. 行政许可法 art. 42 sets the statutory limit as the ceiling; the committed
// limit (承诺时限) is the city's promise under it; a 即办件 is decided on the spot.
void CheckLimits(http::BodyReader& in, const Elements& e) {
  if (e.committed_limit_days > e.statutory_limit_days)
    in.Fail("committed_limit_days", "limit_exceeds_statutory",
            "承诺时限（" + std::to_string(e.committed_limit_days) + " 个工作日）不得超过法定时限（" +
                std::to_string(e.statutory_limit_days) + " 个工作日）",
            "The committed limit (" + std::to_string(e.committed_limit_days) +
                " working days) must not exceed the statutory limit (" + std::to_string(e.statutory_limit_days) + ")");
  if (e.immediate && e.committed_limit_days != 0)
    in.Fail("committed_limit_days", "immediate_limit", "即办件的承诺时限应为 0 个工作日",
            "An immediate item's committed limit must be 0 working days");
  int step_days = 0;
  for (const auto& s : e.workflow.steps) step_days += s.days;
  if (step_days > e.committed_limit_days)
    in.FailAt(in.pointer() + "/workflow/steps", "steps_exceed_limit",
              "流程各环节时限之和（" + std::to_string(step_days) + " 个工作日）超过承诺时限（" +
                  std::to_string(e.committed_limit_days) + " 个工作日）",
              "The workflow's steps take " + std::to_string(step_days) + " working days, more than the committed limit of " +
                  std::to_string(e.committed_limit_days));
}

}  // namespace

const std::vector<std::string>& StatutorySuspensions() {
  static const std::vector<std::string> kReasons = {"hearing", "tender", "auction", "inspection",
                                                    "testing", "quarantine", "expert_review"};
  return kReasons;
}

Elements ReadElements(http::BodyReader& in, bool compile_form) {
  Elements e;
  e.conditions = in.String("conditions", 1, kLongText);
  e.materials = ReadArray<Material>(in, "materials", kMaxMaterials, ReadMaterial);
  e.statutory_limit_days = static_cast<int>(in.Int("statutory_limit_days", 0, kMaxLimitDays, 0));
  if (!in.Has("statutory_limit_days"))
    in.Fail("statutory_limit_days", "required", in.Label("statutory_limit_days") + " 必填",
            in.Label("statutory_limit_days") + " is required");
  e.committed_limit_days = static_cast<int>(in.Int("committed_limit_days", 0, kMaxLimitDays, 0));
  if (!in.Has("committed_limit_days"))
    in.Fail("committed_limit_days", "required", in.Label("committed_limit_days") + " 必填",
            in.Label("committed_limit_days") + " is required");
  e.immediate = in.Bool("immediate", false);
  e.fees = ReadArray<Fee>(in, "fees", 20, ReadFee);
  e.online_depth = static_cast<int>(in.Int("online_depth", 1, 4, 1));
  e.visits = static_cast<int>(in.Int("visits", 0, 2, 1));
  e.window_category = in.Enum("window_category", kWindowCategories);
  e.service_address = in.OptString("service_address", 300).value_or("");
  e.service_hours = in.OptString("service_hours", 200).value_or("");
  e.consult_phone = in.OptString("consult_phone", 50).value_or("");
  ReadFormSchema(in, e, compile_form);
  ReadWorkflow(in, e);
  if (in.Has("instant_rules")) e.instant_rules = in.body()["instant_rules"];
  e.promise_eligible = in.Bool("promise_eligible", false);
  e.issues_licence_type = in.OptString("issues_licence_type", 64).value_or("");
  CheckLimits(in, e);
  return e;
}

nlohmann::json ElementsToJson(const Elements& e) {
  nlohmann::json materials = nlohmann::json::array();
  for (const auto& m : e.materials) {
    nlohmann::json j = {{"name", m.name}, {"required", m.required}, {"form", m.form},
                        {"copies", m.copies}, {"note", m.note},     {"source", m.source}};
    if (!m.licence_type_code.empty()) j["licence_type_code"] = m.licence_type_code;
    if (!m.shared_from.empty()) j["shared_from"] = m.shared_from;
    if (!m.proof_code.empty()) j["proof_code"] = m.proof_code;
    materials.push_back(std::move(j));
  }
  nlohmann::json fees = nlohmann::json::array();
  for (const auto& f : e.fees) fees.push_back({{"name", f.name}, {"amount", f.amount}, {"basis", f.basis}});
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : e.workflow.steps) steps.push_back({{"name", s.name}, {"role", s.role}, {"days", s.days}});
  return {{"conditions", e.conditions},
          {"materials", materials},
          {"statutory_limit_days", e.statutory_limit_days},
          {"committed_limit_days", e.committed_limit_days},
          {"immediate", e.immediate},
          {"fees", fees},
          {"online_depth", e.online_depth},
          {"visits", e.visits},
          {"window_category", e.window_category},
          {"service_address", e.service_address},
          {"service_hours", e.service_hours},
          {"consult_phone", e.consult_phone},
          {"form_schema", e.form_schema},
          {"workflow", {{"steps", steps}, {"suspensions", e.workflow.suspensions}}},
          {"instant_rules", e.instant_rules},
          {"promise_eligible", e.promise_eligible},
          {"issues_licence_type", e.issues_licence_type.empty() ? nlohmann::json() : nlohmann::json(e.issues_licence_type)}};
}

Elements ElementsFromStored(const std::string& text) {
  http::BodyReader in(nlohmann::json::parse(text), "");
  Elements e = ReadElements(in, false);
  try {
    in.Check();
  } catch (const Error& error) {
    throw std::logic_error("stored catalogue elements do not read: " + error.message_en());
  }
  return e;
}

}  // namespace tongban::catalog
