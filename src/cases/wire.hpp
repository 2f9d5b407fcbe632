#pragma once
// The JSON shapes of cases on the wire (docs/cases.md "Case detail"), both ways.
#include <nlohmann/json.hpp>

#include "cases/service.hpp"
#include "platform/http/input.hpp"

namespace tongban::cases::wire {

// A list row.
nlohmann::json ToJson(const CaseSummary& s, const calendar::WorkingCalendar& cal, time::Date today, int warn_days);
nlohmann::json ToJson(const CaseDetail& d, const calendar::WorkingCalendar& cal, time::Date today, int warn_days);
nlohmann::json ToJson(const CaseMaterial& m);
nlohmann::json ToJson(const Assistant& a);
nlohmann::json ToJson(const PublicDocument& p);

// An action's body: every field optional here, the service says which one an action needs.
// Types and lengths are checked; 422 input.invalid with every problem.
ActionInput ReadActionInput(http::BodyReader& in);
// POST /cases
NewCase ReadNewCase(http::BodyReader& in);

}  // namespace tongban::cases::wire
