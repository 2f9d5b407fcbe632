// Microbenchmark for issue 6's "full lifecycle per second in process" (bench/05_cases.sh runs it
// beside npm bpmn-engine running the same five tasks): one case of 特种设备使用登记
// (011301001000-370200, window → 审查 reviewer → 决定 approver → window) taken from application to
// completion through the cases services the routes call, by the demo city's people:
//   company1       Create (draft), UploadMaterial ×2 (the two required applicant materials, a small
//                  PDF whose bytes differ per case, kept in the database as storage_dir "" does),
//                  Act submit;
//   window1        Act accept (acceptance notice, decision clock);
//   reviewer_scjg  Act forward (审查 → 决定);
//   approver_scjg  Act approve (decision document, delivery clock);
//   window1        Act issue (electronic);
//   company1       Act complete.
// Each call is its own committed write transaction, as each is its own request over HTTP: nine per
// case, each with its history event and audit record. Counters give each step's mean µs per case
// (upload2: both uploads).
//
// Environment: TONGBAN_BENCH_CASES_DB, sqlite://... of a `tongban demo` database (required; the
// cases it makes stay there); TONGBAN_BENCH_HOLIDAYS, the data/holidays directory.
#include <benchmark/benchmark.h>
#include <spdlog/spdlog.h>

#include <array>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>

#include "cases/service.hpp"
#include "identity/service.hpp"
#include "identity/store.hpp"
#include "platform/calendar/working_calendar.hpp"
#include "platform/db/database.hpp"
#include "platform/db/migrate.hpp"
#include "platform/files/file_store.hpp"
#include "platform/time/clock.hpp"

namespace {

using namespace tongban;

constexpr const char* kItem = "011301001000-370200";

std::string GetEnv(const char* name, std::string fallback = "") {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

struct LifecycleFixture {
  std::unique_ptr<db::Database> db;
  calendar::WorkingCalendar calendar;
  files::FileStore files{""};  // the default: bytes kept in the database
  cases::Caller company, window, reviewer, approver;
  nlohmann::json form;
  std::string error;

  explicit LifecycleFixture(const std::string& url)
      : db(db::Database::Open(db::DatabaseUrl::Parse(url), db::DatabaseOptions{})),
        calendar(calendar::WorkingCalendar::LoadFromDirectory(GetEnv("TONGBAN_BENCH_HOLIDAYS", "data/holidays"))) {
    db::Migrate(*db, db::BuiltInMigrations());
    db::Tx tx = db->Begin(db::TxMode::kRead);
    company = CallerOf(tx, "company1");
    window = CallerOf(tx, "window1");
    reviewer = CallerOf(tx, "reviewer_scjg");
    approver = CallerOf(tx, "approver_scjg");
    tx.Commit();
    // The form tests/api/cases.test.mjs submits, in company1's own name and credit code.
    form = {{"user_unit", {{"name", company.applicant->name}, {"credit_code", company.applicant->credit_code.value_or("")}}},
            {"category", "电梯"},
            {"variety", "曳引驱动乘客电梯"},
            {"product_no", "DT-2026-0815"},
            {"manufacturer", "青岛电梯制造有限公司"},
            {"location", "青岛市黄岛区长江中路 88 号"},
            {"division_code", "370211"},
            {"commissioned_on", "2026-11-01"},
            {"safety_manager", {{"name", "李安全"}, {"citizen_id", "11010519491231002X"}}}};
    // The outbound notices' log lines (info) are not written here; the server writes them to its log.
    spdlog::set_level(spdlog::level::warn);
  }

  static cases::Caller CallerOf(db::Tx& tx, const std::string& username) {
    const auto user = identity::IdentityStore::FindUserByUsername(tx, username);
    if (!user) throw std::runtime_error("no user " + username + " (is TONGBAN_BENCH_CASES_DB a demo database?)");
    audit::Actor actor{user->username, user->id, "", user->department_name, "bench", "127.0.0.1"};
    for (const auto& r : user->roles) actor.role += (actor.role.empty() ? "" : ",") + r;
    return cases::MakeCaller(tx, identity::PrincipalOf(tx, *user, ""), actor);
  }
};

// One committed write transaction running `fn(env)`, timed into `total` (µs).
template <typename Fn>
auto InTx(LifecycleFixture& f, double& total, Fn&& fn) {
  const auto start = std::chrono::steady_clock::now();
  db::Tx tx = f.db->Begin(db::TxMode::kWrite);
  const cases::Env env{tx, time::SystemClock().Now(), f.calendar, f.files, "http://127.0.0.1:8080"};
  auto result = fn(env);
  tx.Commit();
  total += std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  return result;
}

void BM_CaseLifecycle(benchmark::State& state) {
  const auto url = GetEnv("TONGBAN_BENCH_CASES_DB");
  if (url.empty()) {
    state.SkipWithError("set TONGBAN_BENCH_CASES_DB to a `tongban demo` database (bench/05_cases.sh does)");
    return;
  }
  static LifecycleFixture f(url);
  const std::string pdf_head = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                               "2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n";
  const std::array<const char*, 8> steps = {"create", "upload2", "submit", "accept", "forward", "approve", "issue", "complete"};
  std::array<double, 8> us{};
  std::int64_t n = 0;
  for (auto _ : state) {
    ++n;
    cases::NewCase input{kItem, f.form, std::nullopt, false, std::nullopt};
    const auto id = InTx(f, us[0], [&](const cases::Env& env) { return cases::Create(env, f.company, input).id; });
    for (int index : {0, 2}) {
      const auto bytes = pdf_head + "% case " + std::to_string(id) + " material " + std::to_string(index) + "\n%%EOF\n";
      InTx(f, us[1], [&](const cases::Env& env) { return cases::UploadMaterial(env, f.company, id, index, bytes, "scan.pdf"); });
    }
    auto act = [&](double& total, const cases::Caller& who, const char* action, cases::ActionInput in = {}) {
      const auto c = InTx(f, total, [&](const cases::Env& env) { return cases::Act(env, who, id, action, in); });
      return c.state;
    };
    act(us[2], f.company, "submit");
    act(us[3], f.window, "accept");
    cases::ActionInput opinion;
    opinion.opinion = "经审查，材料齐全，符合法定形式，同意提交下一环节";
    act(us[4], f.reviewer, "forward", opinion);
    opinion.opinion = "符合法定条件，准予许可";
    act(us[5], f.approver, "approve", opinion);
    cases::ActionInput issue;
    issue.method = "electronic";
    act(us[6], f.window, "issue", issue);
    if (act(us[7], f.company, "complete") != cases::State::kCompleted) {
      state.SkipWithError("the case did not end completed");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
  for (std::size_t i = 0; i < steps.size(); ++i)
    state.counters[std::string(steps[i]) + "_us"] = n ? us[i] / static_cast<double>(n) : 0;
  state.SetLabel("9 write transactions per case");
}
BENCHMARK(BM_CaseLifecycle)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3.0);

}  // namespace
