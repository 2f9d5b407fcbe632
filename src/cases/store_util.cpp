#include "cases/store_util.hpp"

namespace tongban::cases::store {

nlohmann::json JsonColumn(const db::Row& r, std::size_t i) {
  if (r.IsNull(i)) return nullptr;
  return nlohmann::json::parse(r.Text(i));
}

std::optional<std::string> JsonText(const nlohmann::json& value) {
  if (value.is_null()) return std::nullopt;
  return value.dump();
}

std::optional<time::Instant> OptInstant(const db::Row& r, std::size_t i) {
  if (r.IsNull(i)) return std::nullopt;
  return time::FromMicros(r.Int(i));
}

std::optional<std::int64_t> OptMicros(const std::optional<time::Instant>& t) {
  if (!t) return std::nullopt;
  return time::ToMicros(*t);
}

std::string IdList(const std::set<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) out.append(out.empty() ? "" : ", ").append(std::to_string(id));
  return out.empty() ? "NULL" : out;
}

Clock ClockFrom(const db::Row& r, std::size_t o) {
  Clock c;
  c.id = r.Int(o);
  c.case_id = r.Int(o + 1);
  c.parent_id = r.OptInt(o + 2);
  c.kind = r.Text(o + 3);
  c.started_on = r.Text(o + 4);
  c.limit_days = static_cast<int>(r.Int(o + 5));
  c.statutory_days = static_cast<int>(r.Int(o + 6));
  c.extended_days = static_cast<int>(r.Int(o + 7));
  c.due_on = r.Text(o + 8);
  c.statutory_due_on = r.Text(o + 9);
  c.state = r.Text(o + 10);
  c.suspended_days = static_cast<int>(r.Int(o + 11));
  c.stopped_on = r.OptText(o + 12);
  c.warned = r.Bool(o + 13);
  c.overdue = r.Bool(o + 14);
  return c;
}

}  // namespace tongban::cases::store
