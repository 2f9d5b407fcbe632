// Microbenchmarks for issue 4's identity and calendar figures (bench/02_identity.sh runs them):
//  - what an authenticated request pays for authorisation: Principal::HasPermission on a real
//    role's permission set, and the whole per-request path the authenticator runs for a session
//    cookie (read transaction, session, user, roles and role permissions from SQLite, the
//    principal built, then the permission check) — nothing of it is cached;
//  - libsodium's raw crypto_pwhash_str_verify at the parameters identity/password.hpp sets, to
//    set beside the login requests/s `tongban serve` answers;
//  - WorkingCalendar::AddWorkingDays over the same (start, n) pairs the JS peer runs.
//
// Environment (all optional):
//   TONGBAN_BENCH_DB        sqlite://... of a `tongban demo` database; else a fresh temp database
//                           with one administrator is made.
//   TONGBAN_BENCH_HOLIDAYS  the data/holidays directory (default: data/holidays).
//   TONGBAN_BENCH_PAIRS     a file of "YYYY-MM-DD n" lines (default: 100,000 pairs from seed 2026).
//   TONGBAN_BENCH_ANSWERS   if set, AddWorkingDays' answers are written there, one date a line,
//                           before timing, so the script can compare them with the peer's.
#include <benchmark/benchmark.h>
#include <sodium.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "identity/password.hpp"
#include "identity/permissions.hpp"
#include "identity/service.hpp"
#include "identity/store.hpp"
#include "platform/calendar/working_calendar.hpp"
#include "platform/crypto/hash.hpp"
#include "platform/db/database.hpp"
#include "platform/db/migrate.hpp"
#include "platform/http/request.hpp"
#include "platform/pii/pii.hpp"
#include "platform/time/clock.hpp"
#include "platform/time/date.hpp"

namespace {

using namespace tongban;

std::string Env(const char* name, std::string fallback = "") {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

// ---- permission check ---------------------------------------------------------------------------

http::Principal PrincipalWithRole(const std::string& role) {
  http::Principal p;
  p.username = role;
  p.kind = "user";
  p.roles = {role};
  p.permissions = identity::FindBuiltinRole(role)->permissions;  // sorted
  return p;
}

// The check the dispatcher makes for a route: a binary search of the sorted permission strings.
void BM_HasPermission(benchmark::State& state, const std::string& role, const std::string& permission) {
  const auto p = PrincipalWithRole(role);
  state.SetLabel(role + " (" + std::to_string(p.permissions.size()) + " permissions) ? " + permission);
  for (auto _ : state) benchmark::DoNotOptimize(p.HasPermission(permission));
}
BENCHMARK_CAPTURE(BM_HasPermission, admin_hit, std::string("admin"), std::string("system.user.edit"));
BENCHMARK_CAPTURE(BM_HasPermission, admin_miss, std::string("admin"), std::string("cases.case.accept"));
BENCHMARK_CAPTURE(BM_HasPermission, window_clerk_hit, std::string("window_clerk"), std::string("cases.case.accept"));

// ---- the authenticator's per-request path -------------------------------------------------------

struct AuthFixture {
  std::unique_ptr<db::Database> db;
  std::map<std::string, std::string> tokens;  // username -> cookie token
  std::filesystem::path temp;

  AuthFixture() {
    std::string url = Env("TONGBAN_BENCH_DB");
    if (url.empty()) {
      temp = std::filesystem::temp_directory_path() / ("tongban-bench-" + std::to_string(::getpid()) + ".db");
      url = "sqlite://" + temp.string();
    }
    db = db::Database::Open(db::DatabaseUrl::Parse(url), db::DatabaseOptions{});
    db::Migrate(*db, db::BuiltInMigrations());
    const auto now = time::SystemClock().Now();
    db::Tx tx = db->Begin(db::TxMode::kWrite);
    if (!temp.empty()) {
      pii::Vault vault(std::string(32, '\x07'));
      identity::CreateFirstAdmin(tx, now, vault, "admin", "Tongban@2026");
    }
    for (const std::string username : {"admin", "window1"}) {
      const auto user = identity::IdentityStore::FindUserByUsername(tx, username);
      if (!user) continue;
      std::string token = crypto::Sha256Hex("bench-session-" + username);  // 64 characters, as a cookie's
      identity::IdentityStore::InsertSession(tx, user->id, crypto::Sha256Hex(token), "csrf-" + username, "127.0.0.1",
                                             "microbench", now, now + std::chrono::hours(24));
      tokens[username] = token;
    }
    tx.Commit();
  }
  ~AuthFixture() {
    db->Close();
    if (!temp.empty()) std::filesystem::remove(temp);
  }
};

AuthFixture& Auth() {
  static AuthFixture fixture;
  return fixture;
}

// What a GET with a session cookie pays before its handler runs (identity/routes.cpp Authenticate:
// no CSRF check for GET; the sliding-expiry write happens at most once a minute, so not here),
// plus the dispatcher's permission check.
void BM_AuthenticateSession(benchmark::State& state, const std::string& username, const std::string& permission) {
  auto& f = Auth();
  if (!f.tokens.count(username)) {
    state.SkipWithError(("no user " + username + " in the database").c_str());
    return;
  }
  const auto& token = f.tokens[username];
  const time::SystemClock clock;
  std::size_t permissions = 0;
  for (auto _ : state) {
    db::Tx tx = f.db->Begin(db::TxMode::kRead);
    const auto auth = identity::AuthenticateSession(tx, clock.Now(), token);
    tx.Commit();
    if (!auth.principal || !auth.principal->HasPermission(permission)) {
      state.SkipWithError("the session did not authenticate or lacks the permission");
      break;
    }
    permissions = auth.principal->permissions.size();
  }
  state.SetLabel(username + " (" + std::to_string(permissions) + " permissions)");
}
BENCHMARK_CAPTURE(BM_AuthenticateSession, admin, std::string("admin"), std::string("system.user.read"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_AuthenticateSession, window1, std::string("window1"), std::string("cases.case.accept"))
    ->Unit(benchmark::kMicrosecond);

// The floor under the path above: an empty read transaction on a pooled SQLite connection.
void BM_EmptyReadTx(benchmark::State& state) {
  auto& f = Auth();
  for (auto _ : state) {
    db::Tx tx = f.db->Begin(db::TxMode::kRead);
    tx.Commit();
  }
}
BENCHMARK(BM_EmptyReadTx)->Unit(benchmark::kMicrosecond);

// ---- argon2id ------------------------------------------------------------------------------------

// crypto_pwhash_str_verify of the demo password against a hash made with the server's parameters;
// real time, so with 2 threads items_per_second is what both cores verify together; 8 threads is
// what the server's worker pool (worker_threads = 8) runs at once under load.
void BM_Argon2idVerify(benchmark::State& state) {
  static const std::string hash = identity::HashPassword("Tongban@2026");
  const std::string password = "Tongban@2026";
  for (auto _ : state)
    if (crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) != 0) {
      state.SkipWithError("verify failed");
      break;
    }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("argon2id t=" + std::to_string(identity::kPasswordOpsLimit) +
                 " m=" + std::to_string(identity::kPasswordMemLimit / 1024) + "KiB p=1");
}
BENCHMARK(BM_Argon2idVerify)->Unit(benchmark::kMillisecond)->UseRealTime()->Threads(1)->Threads(2)->Threads(8);

// ---- working days --------------------------------------------------------------------------------

struct Pair {
  time::Date start;
  int n;
};

std::vector<Pair> LoadPairs() {
  std::vector<Pair> out;
  const std::string path = Env("TONGBAN_BENCH_PAIRS");
  if (!path.empty()) {
    std::ifstream in(path);
    std::string date;
    int n = 0;
    while (in >> date >> n) out.push_back({*time::Date::Parse(date), n});
    if (out.empty()) throw std::runtime_error("no pairs in " + path);
    return out;
  }
  std::mt19937 rng(2026);
  const auto first = time::Date::FromCivil(2020, 1, 1)->serial(), last = time::Date::FromCivil(2026, 11, 30)->serial();
  std::uniform_int_distribution<std::int64_t> day(first, last);
  std::uniform_int_distribution<int> n(1, 20);
  for (int i = 0; i < 100000; ++i) out.push_back({time::Date::FromSerial(day(rng)), n(rng)});
  return out;
}

void BM_AddWorkingDays(benchmark::State& state) {
  const auto calendar =
      calendar::WorkingCalendar::LoadFromDirectory(Env("TONGBAN_BENCH_HOLIDAYS", "data/holidays"));
  const auto pairs = LoadPairs();
  if (const auto answers = Env("TONGBAN_BENCH_ANSWERS"); !answers.empty()) {
    std::ofstream out(answers);
    for (const auto& p : pairs) out << calendar.AddWorkingDays(p.start, p.n).date.ToString() << '\n';
  }
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& p = pairs[i];
    benchmark::DoNotOptimize(calendar.AddWorkingDays(p.start, p.n));
    if (++i == pairs.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(std::to_string(pairs.size()) + " (start, n) pairs, cycled");
}
BENCHMARK(BM_AddWorkingDays)->UseRealTime();

}  // namespace
