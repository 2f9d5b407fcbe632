#include "app/cli.hpp"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "app/app.hpp"
#include "app/modules.hpp"
#include "audit/service.hpp"
#include "catalog/service.hpp"
#include "identity/service.hpp"
#include "platform/db/migrate.hpp"
#include "platform/errors/error.hpp"
#include "system/service.hpp"

namespace tongban::cli {
namespace {

int Fail(const std::string& zh, const std::string& en) {
  std::fprintf(stderr, "%s\n%s\n", zh.c_str(), en.c_str());
  return 2;
}

std::optional<time::Date> ParseDateArg(const std::string& text) { return time::Date::Parse(text); }

}  // namespace

int AdminCreate(const Config& config, const std::string& username) {
  std::string password;
  if (!std::getline(std::cin, password) || password.empty())
    return Fail("请在标准输入的第一行给出密码", "Give the password on the first line of standard input");
  if (!password.empty() && password.back() == '\r') password.pop_back();
  App app(config);
  app.Migrate();
  db::Tx tx = app.db().Begin(db::TxMode::kWrite);
  const auto user = identity::CreateFirstAdmin(tx, app.context().clock.Now(), *app.context().vault, username, password);
  tx.Commit();
  std::printf("created system administrator %s (id %lld)\n", user.username.c_str(), static_cast<long long>(user.id));
  return 0;
}

int Demo(const Config& config, bool if_empty, const std::string& as_of) {
  demo::Options options;
  options.if_empty = if_empty;
  if (!as_of.empty()) {
    options.as_of = time::Date::Parse(as_of);
    if (!options.as_of) return Fail("--as-of 应为 YYYY-MM-DD 格式的真实日期", "--as-of must be a real YYYY-MM-DD date");
  }
  App app(config);
  app.Migrate();
  demo::Registry registry;
  RegisterAllDemoSteps(registry);
  const auto report = demo::Run(app.context(), registry, options);
  if (report.skipped) {
    std::printf("demo: the database already has users; nothing loaded (--if-empty)\n");
    return 0;
  }
  std::printf("demo city loaded as of %s (%zu steps). Every demo account's password: %s\n",
              report.as_of.ToString().c_str(), report.steps.size(), demo::kDemoPassword);
  std::printf("  admin (系统管理员), window1 (综合窗口), hall1 (大厅负责人), reviewer_scjg / approver_scjg / head_scjg,\n"
              "  inspector1, dispatcher1, handler1, leader1, citizen1 (已核验申请人), company1 (企业) — see docs/roles.md\n");
  return 0;
}

int Calendar(const std::string& data_dir, const std::string& db_url, const std::string& op,
             const std::vector<std::string>& args) {
  system::CalendarProvider provider(data_dir);
  std::shared_ptr<const calendar::WorkingCalendar> cal = provider.ShippedOnly();
  std::unique_ptr<db::Database> db;
  if (!db_url.empty()) {
    db = db::Database::Open(db::DatabaseUrl::Parse(db_url), {});
    db::Tx tx = db->Begin(db::TxMode::kRead);
    cal = provider.Current(tx);
  }
  auto range = [&] {
    return cal->empty() ? std::string("none") : std::to_string(cal->first_year()) + "-" + std::to_string(cal->last_year());
  };
  auto date_arg = [&](std::size_t i) { return ParseDateArg(args.at(i)); };
  try {
    if (op == "is-working-day") {
      if (args.size() != 1 || !date_arg(0)) return Fail("用法：calendar is-working-day YYYY-MM-DD", "usage: calendar is-working-day YYYY-MM-DD");
      std::printf("%s\n", cal->IsWorkingDay(*date_arg(0)) ? "true" : "false");
      return 0;
    }
    if (op == "add") {
      std::int64_t n = 0;
      const bool ok_n = args.size() == 2 && [&] {
        auto [end, ec] = std::from_chars(args[1].data(), args[1].data() + args[1].size(), n);
        return ec == std::errc{} && end == args[1].data() + args[1].size();
      }();
      if (!ok_n || !date_arg(0)) return Fail("用法：calendar add YYYY-MM-DD N", "usage: calendar add YYYY-MM-DD N");
      const auto r = cal->AddWorkingDays(*date_arg(0), n);
      if (r.provisional)
        return Fail("结果超出已加载的节假日年份（" + range() + "），无法确定", "The answer runs past the loaded years (" + range() + ")");
      std::printf("%s\n", r.date.ToString().c_str());
      return 0;
    }
    if (op == "between") {
      if (args.size() != 2 || !date_arg(0) || !date_arg(1))
        return Fail("用法：calendar between YYYY-MM-DD YYYY-MM-DD", "usage: calendar between YYYY-MM-DD YYYY-MM-DD");
      const auto r = cal->WorkingDaysBetween(*date_arg(0), *date_arg(1));
      if (r.provisional)
        return Fail("区间超出已加载的节假日年份（" + range() + "），无法确定", "The span runs past the loaded years (" + range() + ")");
      std::printf("%lld\n", static_cast<long long>(r.days));
      return 0;
    }
  } catch (const Error& e) {
    return Fail(e.message_zh(), e.message_en());
  }
  return Fail("未知的操作：" + op, "Unknown operation: " + op);
}

int AuditVerify(const Config& config, const std::string& checkpoints_file) {
  std::vector<audit::Checkpoint> external;
  if (!checkpoints_file.empty()) {
    std::ifstream in(checkpoints_file);
    nlohmann::json doc;
    try {
      doc = nlohmann::json::parse(in);
      for (const auto& item : doc.at("items")) {
        audit::Checkpoint c;
        c.day = item.at("day").get<std::string>();
        c.seq = item.at("seq").get<std::int64_t>();
        c.head_hash = item.at("head_hash").get<std::string>();
        c.public_key = item.at("public_key").get<std::string>();
        c.signature = item.at("signature").get<std::string>();
        external.push_back(std::move(c));
      }
    } catch (const std::exception& e) {
      return Fail("无法读取检查点文件 " + checkpoints_file, std::string("Cannot read the checkpoints file: ") + e.what());
    }
  }
  auto db = db::Database::Open(db::DatabaseUrl::Parse(config.db), {});
  if (!db::GetMigrationStatus(*db, db::BuiltInMigrations()).up_to_date())
    return Fail("数据库尚未迁移到当前版本（先运行 tongban migrate）", "The database is not migrated to this version (run tongban migrate)");
  db::Tx tx = db->Begin(db::TxMode::kRead);
  const auto report = audit::Verify(tx, external);
  if (!report.ok) {
    std::printf("BROKEN at record %lld: %s\n", static_cast<long long>(report.broken_seq), report.problem_en.c_str());
    std::fprintf(stderr, "%s\n", report.problem_zh.c_str());
    return 1;
  }
  std::printf("ok: %lld records, %lld checkpoints verified\n", static_cast<long long>(report.records),
              static_cast<long long>(report.checkpoints));
  return 0;
}

int AuditCheckpoint(const Config& config) {
  App app(config);
  app.Migrate();
  const auto now = app.context().clock.Now();
  db::Tx tx = app.db().Begin(db::TxMode::kWrite);
  const bool made = audit::CreateCheckpoint(tx, *app.context().vault, now, time::ShanghaiDate(now));
  tx.Commit();
  std::printf(made ? "checkpoint signed for %s\n" : "%s already has a checkpoint\n", time::ShanghaiDate(now).c_str());
  return 0;
}

int CatalogReindex(const Config& config) {
  App app(config);
  app.Migrate();
  db::Tx tx = app.db().Begin(db::TxMode::kWrite);
  const auto n = catalog::RebuildPublicCatalogue(tx);
  tx.Commit();
  std::printf("indexed %lld entries\n", static_cast<long long>(n));
  return 0;
}

}  // namespace tongban::cli
