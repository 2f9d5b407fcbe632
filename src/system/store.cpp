#include "system/store.hpp"

#include "platform/crypto/hash.hpp"

namespace tongban::system {
namespace {

constexpr const char* kParameterValues = "SELECT key, value FROM system_parameters";
constexpr const char* kParameterValue = "SELECT value FROM system_parameters WHERE key = ?";
constexpr const char* kUpsertParameter =
    "INSERT INTO system_parameters (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, "
    "updated_by = excluded.updated_by";
constexpr const char* kAdminDays = "SELECT day, kind, name FROM calendar_days ORDER BY day";
constexpr const char* kAdminDay = "SELECT day, kind, name FROM calendar_days WHERE day = ?";
constexpr const char* kUpsertDay =
    "INSERT INTO calendar_days (day, year, kind, name, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, updated_at = excluded.updated_at, "
    "updated_by = excluded.updated_by";
constexpr const char* kDeleteDay = "DELETE FROM calendar_days WHERE day = ?";
constexpr const char* kVersion = "SELECT version, stamp FROM calendar_version WHERE id = 1";
constexpr const char* kBumpVersion = "UPDATE calendar_version SET version = version + 1, stamp = ? WHERE id = 1";

AdminDay DayFromRow(const db::Row& r) {
  AdminDay d;
  d.date = *time::Date::Parse(r.Text(0));
  d.kind = r.Text(1) == "holiday" ? calendar::DayKind::kHoliday : calendar::DayKind::kWorkday;
  d.name = r.Text(2);
  return d;
}

}  // namespace

std::map<std::string, std::string> SystemStore::ParameterValues(db::Tx& tx) {
  std::map<std::string, std::string> out;
  for (const auto& r : tx.Query(kParameterValues).rows) out[r.Text(0)] = r.Text(1);
  return out;
}

std::optional<std::string> SystemStore::ParameterValue(db::Tx& tx, const std::string& key) {
  auto row = tx.QueryOne(kParameterValue, {key});
  if (!row) return std::nullopt;
  return row->Text(0);
}

void SystemStore::UpsertParameter(db::Tx& tx, const std::string& key, const std::string& value, time::Instant now,
                                  const std::string& by) {
  tx.Exec(kUpsertParameter, {key, value, time::ToMicros(now), by});
}

std::vector<AdminDay> SystemStore::AdminDays(db::Tx& tx) {
  std::vector<AdminDay> out;
  for (const auto& r : tx.Query(kAdminDays).rows) out.push_back(DayFromRow(r));
  return out;
}

std::optional<AdminDay> SystemStore::FindAdminDay(db::Tx& tx, time::Date date) {
  auto row = tx.QueryOne(kAdminDay, {date.ToString()});
  if (!row) return std::nullopt;
  return DayFromRow(*row);
}

void SystemStore::UpsertDay(db::Tx& tx, const AdminDay& d, time::Instant now, const std::string& by) {
  tx.Exec(kUpsertDay, {d.date.ToString(), d.date.year(), d.kind == calendar::DayKind::kHoliday ? "holiday" : "workday",
                       d.name, time::ToMicros(now), by});
}

bool SystemStore::DeleteDay(db::Tx& tx, time::Date date) { return tx.Exec(kDeleteDay, {date.ToString()}) > 0; }

std::pair<std::int64_t, std::string> SystemStore::CalendarVersion(db::Tx& tx) {
  auto row = tx.QueryOne(kVersion);
  return {row->Int(0), row->Text(1)};
}

std::int64_t SystemStore::BumpCalendarVersion(db::Tx& tx) {
  tx.Exec(kBumpVersion, {crypto::RandomHex(16)});
  return CalendarVersion(tx).first;
}

}  // namespace tongban::system
