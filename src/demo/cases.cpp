// The cases demo step: about 2,000 cases over the last five months in every state, across the
// departments that handle the demo catalogue, some of them late — made by the same services the
// API calls (cases::Create, UploadMaterial, Act), with each action at its own past instant, so the
// history, clocks, notices and charts are what real use would have left.
#include <fmt/format.h>

#include <random>

#include "cases/internal.hpp"
#include "cases/store.hpp"
#include "catalog/service.hpp"
#include "demo/demo.hpp"
#include "demo/sample_form.hpp"
#include "identity/service.hpp"
#include "identity/store.hpp"
#include "platform/codes/citizen_id.hpp"
#include "platform/codes/credit_code.hpp"
#include "platform/files/file_store.hpp"

namespace tongban::demo {
namespace {

constexpr int kCases = 2000;
constexpr int kExtraApplicants = 30;

// What a case ends as, with how often (per cent, roughly).
enum class Outcome { kDraft, kSubmitted, kSupplement, kRefusalPending, kRejected, kInReview, kSuspended, kApproved,
                     kIssued, kCompleted, kDenied, kWithdrawn, kTerminated };
const std::vector<std::pair<Outcome, int>>& OutcomeWeights() {
  static const std::vector<std::pair<Outcome, int>> kWeights = {
      {Outcome::kDraft, 3},      {Outcome::kSubmitted, 5}, {Outcome::kSupplement, 5}, {Outcome::kRefusalPending, 1},
      {Outcome::kRejected, 3},   {Outcome::kInReview, 20}, {Outcome::kSuspended, 2},  {Outcome::kApproved, 5},
      {Outcome::kIssued, 7},     {Outcome::kCompleted, 40}, {Outcome::kDenied, 3},    {Outcome::kWithdrawn, 4},
      {Outcome::kTerminated, 2}};
  return kWeights;
}
bool EndsOpen(Outcome o) {
  return o != Outcome::kRejected && o != Outcome::kCompleted && o != Outcome::kDenied && o != Outcome::kWithdrawn &&
         o != Outcome::kTerminated;
}

// A minimal PDF, the same for every demo upload (content-addressed: stored once).
const std::string& DemoPdf() {
  static const std::string kPdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                                  "2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
  return kPdf;
}

struct Item {
  std::string code;
  std::int64_t department_id = 0;
  std::int64_t hall_id = 0;
  cases::StepPlan plan;
  nlohmann::json form_schema;
  std::vector<int> applicant_materials;  // indexes of required materials the applicant brings
};

// One scheduled action: who, what, after how many working days.
struct Move {
  std::string action;
  std::int64_t actor = 0;
  int delay = 0;
  cases::ActionInput input;
};

class CaseFactory {
 public:
  explicit CaseFactory(DemoContext& ctx)
      : ctx_(ctx), calendar_(ctx.app.calendar(ctx.tx)), files_(ctx.app.config.storage_dir), rng_(2026) {}

  void Run() {
    LoadItems();
    AddApplicants();
    for (int i = 0; i < kCases; ++i) MakeCase(i);
    // People read their messages as they came: only the last three days' are still unread.
    const auto unread_since = time::ToMicros(ctx_.now - std::chrono::hours(24 * 3));
    ctx_.tx.Exec("UPDATE messages SET read_at = created_at WHERE created_at < ?", {unread_since});
  }

 private:
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Chance(int percent) { return Int(1, 100) <= percent; }

  // ---- who ----------------------------------------------------------------------------------------
  std::int64_t Staff(std::int64_t department_id, const std::string& role) {
    const auto key = std::make_pair(department_id, role);
    if (auto it = staff_.find(key); it != staff_.end()) return it->second;
    auto row = ctx_.tx.QueryOne("SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r "
                                "ON r.id = ur.role_id WHERE u.department_id = ? AND r.code = ? ORDER BY u.id LIMIT 1",
                                {department_id, role});
    std::int64_t id = 0;
    if (row) {
      id = row->Int(0);
    } else {
      // A department that handles demo items gets the staff its workflows name.
      identity::UserInput in;
      in.username = fmt::format("{}_d{}", role, department_id);
      const auto name = ctx_.tx.QueryOne("SELECT name FROM departments WHERE id = ?", {department_id})->Text(0);
      const auto* builtin = identity::FindBuiltinRole(role);
      in.display_name = name.substr(0, std::min<std::size_t>(name.size(), 18)) + (builtin ? builtin->name_zh : role);
      in.department_id = department_id;
      in.roles = {role};
      id = identity::CreateUser(ctx_.tx, ctx_.now, ctx_.actor, identity::SystemPrincipal(), *ctx_.app.vault, in,
                                &ctx_.password_hash)
               .id;
    }
    staff_[key] = id;
    return id;
  }

  const cases::Caller& CallerOf(std::int64_t user_id) {
    if (auto it = callers_.find(user_id); it != callers_.end()) return it->second;
    const auto user = identity::IdentityStore::FindUser(ctx_.tx, user_id);
    audit::Actor actor{user->username, user->id, "", user->department_name, "demo", "127.0.0.1"};
    for (const auto& r : user->roles) actor.role += (actor.role.empty() ? "" : ",") + r;
    return callers_.emplace(user_id, cases::MakeCaller(ctx_.tx, identity::PrincipalOf(ctx_.tx, *user, ""), actor))
        .first->second;
  }

  std::int64_t StepActor(const Item& item, int index) {
    const auto& role = item.plan.At(index).role;
    return role == cases::kWindowRole ? Staff(item.hall_id, role) : Staff(item.department_id, role);
  }

  // ---- what ---------------------------------------------------------------------------------------
  void LoadItems() {
    for (const auto& r : ctx_.tx.Query("SELECT code FROM catalog_public ORDER BY code").rows) {
      const auto guide = catalog::GetGuide(ctx_.tx, r.Text(0));
      Item item;
      item.code = guide.item.code;
      item.department_id = guide.entry.department_id;
      item.form_schema = guide.elements.value("form_schema", nlohmann::json::object());
      const auto version = catalog::store::FindVersion(ctx_.tx, guide.entry.id, *guide.entry.published_version_no);
      item.plan = cases::PlanOf(version->elements.workflow);
      const auto& materials = version->elements.materials;
      for (std::size_t i = 0; i < materials.size(); ++i)
        if (materials[i].required && materials[i].source == "applicant") item.applicant_materials.push_back(static_cast<int>(i));
      const auto division = ctx_.tx.QueryOne("SELECT division_code FROM departments WHERE id = ?", {item.department_id})->Text(0);
      auto hall = ctx_.tx.QueryOne("SELECT id FROM departments WHERE is_service_hall = 1 AND division_code = ?",
                                   {division.substr(0, 6)});
      item.hall_id = hall ? hall->Int(0) : ctx_.departments.at("hall");
      // Only items whose sample form passes their own schema: the demo never cheats validation.
      try {
        catalog::ValidateAgainstForm(item.form_schema, SampleForm(item.form_schema, rng_));
      } catch (const Error&) {
        continue;
      }
      items_.push_back(std::move(item));
    }
  }

  void AddApplicants() {
    applicants_ = {ctx_.users.at("citizen1"), ctx_.users.at("company1")};
    const auto provider = identity::MakeDemoIdentityProvider();
    const char* surnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    const char* given[] = {"明", "丽", "强", "芳", "伟", "静", "磊", "敏", "洋", "艳"};
    for (int i = 0; i < kExtraApplicants; ++i) {
      identity::ApplicantRegistration r;
      r.username = fmt::format("applicant{:02d}", i + 1);
      r.password = kDemoPassword;
      const auto first17 = fmt::format("370211{}{:02d}{:02d}{:03d}", 1965 + i, 1 + i % 12, 1 + i % 27, 100 + i);
      r.id_number = first17 + *codes::ComputeCitizenIdCheckChar(first17);
      if (i % 3 == 2) {
        r.kind = "legal";
        r.name = fmt::format("青岛{}{}商贸有限公司", surnames[i % 10], given[(i / 10) % 10]);
        const auto org = fmt::format("MA3D{:04d}", i);
        const auto code17 = "91370211" + org + *codes::ComputeOrgCodeCheckChar(org);
        r.credit_code = code17 + *codes::ComputeCreditCodeCheckChar(code17);
      } else {
        r.kind = "natural";
        r.name = std::string(surnames[i % 10]) + given[(i * 7) % 10] + given[(i * 3 + 1) % 10];
      }
      const auto a = identity::RegisterApplicant(ctx_.tx, ctx_.now, ctx_.actor, *ctx_.app.vault, r, true);
      identity::VerifyApplicant(ctx_.tx, ctx_.now, ctx_.actor, *ctx_.app.vault, a.id, provider.get());
      applicants_.push_back(a.user_id);
    }
  }

  Outcome PickOutcome() {
    int total = 0;
    for (const auto& [o, w] : OutcomeWeights()) total += w;
    int roll = Int(1, total);
    for (const auto& [o, w] : OutcomeWeights())
      if ((roll -= w) <= 0) return o;
    return Outcome::kCompleted;
  }

  // The moves after creation that lead to `outcome`.
  std::vector<Move> Plan(const Item& item, Outcome outcome, std::int64_t owner, bool late) {
    std::vector<Move> m;
    const auto clerk = Staff(item.hall_id, cases::kWindowRole);
    auto add = [&](std::string action, std::int64_t actor, int delay, cases::ActionInput in = {}) {
      m.push_back({std::move(action), actor, delay, std::move(in)});
    };
    if (outcome == Outcome::kDraft) return m;
    add("submit", owner, 0);
    if (outcome == Outcome::kSubmitted) return m;
    const bool supplement = outcome == Outcome::kSupplement || Chance(15);
    if (supplement && !item.applicant_materials.empty()) {
      cases::ActionInput in;
      in.materials.push_back({item.applicant_materials.front(), "faulty", "扫描件不清晰，请重新上传"});
      in.note = "请一次性补正上述材料";
      add("request-supplement", clerk, Int(0, 2), in);
      if (outcome == Outcome::kSupplement) return m;
      add(fmt::format("upload:{}", item.applicant_materials.front()), owner, Int(1, 3));
      add("submit", owner, 0);
    } else if (outcome == Outcome::kSupplement) {
      return {};
    }
    if (outcome == Outcome::kRefusalPending || outcome == Outcome::kRejected) {
      cases::ActionInput in;
      in.reason = "申请事项依法不属于本机关职权范围";
      in.legal_basis = "《中华人民共和国行政许可法》第三十二条第一款第（二）项";
      add("propose-rejection", clerk, Int(0, 2), in);
      if (outcome == Outcome::kRejected) add("confirm-rejection", Staff(item.hall_id, "hall_supervisor"), Int(0, 1));
      return m;
    }
    if (outcome == Outcome::kWithdrawn && Chance(50)) {
      add("withdraw", owner, Int(0, 2));
      return m;
    }
    add("accept", clerk, Int(0, 2));
    const auto head = Staff(item.department_id, "department_head");
    if (outcome == Outcome::kWithdrawn) {
      add("withdraw", owner, Int(1, 3));
      return m;
    }
    if (outcome == Outcome::kTerminated) {
      cases::ActionInput in;
      in.reason = "申请人隐瞒有关情况、提供虚假材料";
      add("terminate", head, Int(1, 3), in);
      return m;
    }
    // Review: forward through the steps, late cases lingering past the committed limit.
    const int decision = item.plan.decision;
    int step = item.plan.first_review;
    const int stop_at = outcome == Outcome::kInReview || outcome == Outcome::kSuspended ? Int(step, decision) : decision;
    if (Chance(6)) {
      cases::ActionInput in;
      in.reason = "需组织现场核查，不能在承诺期限内作出决定";
      add("request-extension", StepActor(item, step), Int(0, 1), in);
      add("approve-extension", head, Int(0, 1));
    }
    while (step < stop_at) {
      cases::ActionInput in;
      in.opinion = "经审查，材料齐全，符合法定形式，同意提交下一环节";
      add("forward", StepActor(item, step), late ? Int(2, 6) : Int(0, std::max(1, item.plan.At(step).days)), in);
      ++step;
    }
    if (outcome == Outcome::kSuspended) {
      cases::ActionInput in;
      in.reason_code = "expert_review";
      in.days = Int(5, 15);
      in.note = "需组织专家评审";
      add("suspend", StepActor(item, step), Int(0, 1), in);
      return m;
    }
    if (outcome == Outcome::kInReview) {
      if (late) m.back().delay += Int(3, 8);
      return m;
    }
    cases::ActionInput decide;
    if (outcome == Outcome::kDenied) {
      decide.reason = "经现场核查，经营场所不符合法定条件";
      decide.legal_basis = "《中华人民共和国行政许可法》第三十八条第二款";
      add("deny", StepActor(item, decision), late ? Int(3, 8) : Int(0, 2), decide);
      return m;
    }
    decide.opinion = "符合法定条件，准予许可";
    add("approve", StepActor(item, decision), late ? Int(3, 8) : Int(0, 2), decide);
    if (outcome == Outcome::kApproved) return m;
    cases::ActionInput issue;
    issue.method = Chance(30) ? "mail" : (Chance(50) ? "electronic" : "pickup");
    if (issue.method == "mail") issue.tracking_number = fmt::format("SF{:010d}", Int(1, 999'999'999));
    add("issue", clerk, Int(0, 3), issue);
    if (outcome == Outcome::kIssued) return m;
    add("complete", owner, Int(0, 3));
    return m;
  }

  // The instant of the n-th action on `day`: office hours, minutes apart.
  time::Instant At(time::Date day, int n) {
    const auto midnight = std::chrono::sys_days{std::chrono::days{day.serial()}};
    return std::chrono::time_point_cast<std::chrono::microseconds>(midnight) - time::kShanghaiOffset +
           std::chrono::hours(9) + std::chrono::minutes(Int(0, 20) + 37 * n);
  }

  cases::Env EnvAt(time::Instant at) { return {ctx_.tx, at, *calendar_, files_, ctx_.app.config.public_base_url, false}; }

  void Upload(const cases::Env& env, const cases::Caller& caller, std::int64_t id, int index) {
    cases::UploadMaterial(env, caller, id, index, DemoPdf(), "材料扫描件.pdf");
  }

  void MakeCase(int n) {
    if (items_.empty()) return;
    const auto& item = items_[Int(0, static_cast<int>(items_.size()) - 1)];
    const auto outcome = PickOutcome();
    const bool late = Chance(12);
    // citizen1 and company1 (the accounts the README names) get a few dozen cases each.
    const auto applicant_user = applicants_[n % 20 == 0 ? (n / 20) % 2 : Int(0, static_cast<int>(applicants_.size()) - 1)];
    const bool at_window = Chance(25);
    const auto clerk = Staff(item.hall_id, cases::kWindowRole);
    const auto owner = at_window ? clerk : applicant_user;
    const auto moves = Plan(item, outcome, owner, late);
    if (moves.empty() && outcome != Outcome::kDraft) return;
    // Work back from the last action's day: open cases end in the last few working days, closed
    // ones anywhere in the last five months.
    int total = 0;
    for (const auto& m : moves) total += m.delay;
    const auto yesterday = calendar_->AddWorkingDays(ctx_.as_of, -1).date;
    const int back = EndsOpen(outcome) ? Int(0, 3) : Int(0, 100);
    auto day = calendar_->AddWorkingDays(yesterday, -(back + total + Int(0, 1))).date;
    int on_day = 0;
    const auto& applicant_caller = CallerOf(applicant_user);
    cases::NewCase input{item.code, SampleForm(item.form_schema, rng_), std::nullopt, false, std::nullopt};
    if (at_window) input.applicant_id = applicant_caller.applicant->id;
    const auto& creator = CallerOf(owner);
    const auto c = cases::Create(EnvAt(At(day, on_day++)), creator, input);
    for (int index : item.applicant_materials) Upload(EnvAt(At(day, on_day)), creator, c.id, index);
    for (const auto& m : moves) {
      if (m.delay > 0) {
        day = calendar_->AddWorkingDays(day, m.delay).date;
        on_day = 0;
      }
      const auto env = EnvAt(At(day, on_day++));
      if (m.action.rfind("upload:", 0) == 0) {
        Upload(env, CallerOf(m.actor), c.id, std::stoi(m.action.substr(7)));
        continue;
      }
      cases::Act(env, CallerOf(m.actor), c.id, m.action, m.input);
    }
  }

  DemoContext& ctx_;
  std::shared_ptr<const calendar::WorkingCalendar> calendar_;
  files::FileStore files_;
  std::mt19937 rng_;
  std::vector<Item> items_;
  std::vector<std::int64_t> applicants_;  // user ids
  std::map<std::pair<std::int64_t, std::string>, std::int64_t> staff_;
  std::map<std::int64_t, cases::Caller> callers_;
};

}  // namespace

void AddCasesStep(Registry& registry) {
  registry.Add({"cases", [](DemoContext& ctx) { CaseFactory(ctx).Run(); }});
}

}  // namespace tongban::demo
