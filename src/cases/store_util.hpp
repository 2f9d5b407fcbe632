#pragma once
// Helpers the cases store files share. Internal to src/cases/*store.cpp.
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "cases/model.hpp"
#include "platform/db/database.hpp"

namespace tongban::cases::store {

// JSON kept as text; NULL ↔ null.
nlohmann::json JsonColumn(const db::Row& r, std::size_t i);
std::optional<std::string> JsonText(const nlohmann::json& value);
std::optional<time::Instant> OptInstant(const db::Row& r, std::size_t i);
std::optional<std::int64_t> OptMicros(const std::optional<time::Instant>& t);
// "1, 2, 3" for an IN list of ids (integers, so inlining them is safe); "NULL" for none, which
// matches nothing.
std::string IdList(const std::set<std::int64_t>& ids);

// The clock columns (table alias k) and their reader, 15 columns from `offset`.
inline constexpr const char* kClockColumns =
    "k.id, k.case_id, k.parent_id, k.kind, k.started_on, k.limit_days, k.statutory_days, k.extended_days, "
    "k.due_on, k.statutory_due_on, k.state, k.suspended_days, k.stopped_on, k.warned, k.overdue";
Clock ClockFrom(const db::Row& r, std::size_t offset);

}  // namespace tongban::cases::store
