// Reading cases: who is calling, one case in full with what the caller may do next, and lists.
#include <algorithm>

#include "audit/service.hpp"
#include "cases/authority.hpp"
#include "cases/internal.hpp"
#include "cases/store.hpp"
#include "identity/service.hpp"
#include "identity/store.hpp"
#include "platform/errors/error.hpp"
#include "system/service.hpp"

namespace tongban::cases {
namespace {

// Conditions beyond the table's states that decide whether an action is offered now.
bool AvailableNow(const Case& c, const StepPlan& plan, const Transition& t) {
  const auto a = t.action;
  if (a == "forward") return !plan.IsDecision(c.step_index);
  if (a == "return") return c.step_index > plan.first_review;
  if (a == "approve" || a == "deny") return plan.IsDecision(c.step_index);
  if (a == "request-extension") return c.extension.is_null();
  if (a == "approve-extension") return !c.extension.is_null() && !c.extension.value("approved", false);
  return true;
}

}  // namespace

bool Caller::IsSystem() const { return principal.kind == "system" || HasRole("system"); }

bool Caller::HasRole(const std::string& role) const {
  return std::find(principal.roles.begin(), principal.roles.end(), role) != principal.roles.end();
}

Caller MakeCaller(db::Tx& tx, const http::Principal& principal, audit::Actor actor) {
  Caller c{principal, std::move(actor), std::nullopt, std::nullopt};
  if (principal.kind == "applicant") c.applicant = identity::FindApplicantOfUser(tx, principal.user_id);
  c.scope = c.applicant ? std::optional<std::set<std::int64_t>>(std::set<std::int64_t>{})
                        : identity::VisibleDepartments(tx, principal);
  return c;
}

Caller SystemCaller() {
  auto principal = identity::SystemPrincipal();
  return {principal, audit::SystemActor(), std::nullopt, std::nullopt};
}

int WarnDays(db::Tx& tx) { return static_cast<int>(system::GetInt(tx, system::kDeadlineYellowDays)); }

CaseDetail Get(const Env& env, const Caller& caller, std::int64_t id) {
  auto l = LoadVisible(env, caller, id, false);
  CaseDetail d;
  d.applicant = *identity::IdentityStore::FindApplicant(env.tx, l.c.applicant_id);
  auto name_of = [&](std::optional<std::int64_t> dept) -> std::string {
    if (!dept) return "";
    auto r = env.tx.QueryOne("SELECT name FROM departments WHERE id = ?", {*dept});
    return r ? r->Text(0) : "";
  };
  d.department_name = name_of(l.c.department_id);
  d.hall_name = name_of(l.c.hall_id);
  if (l.c.helper_user_id) {
    auto r = env.tx.QueryOne("SELECT display_name FROM users WHERE id = ?", {*l.c.helper_user_id});
    d.helper_name = r ? r->Text(0) : "";
  }
  d.info = l.info;
  d.materials = store::Materials(env.tx, id);
  d.clocks = store::Clocks(env.tx, id);
  d.events = store::Events(env.tx, id);
  d.documents = store::Documents(env.tx, id);
  for (const auto& t : Transitions()) {
    if (std::find(t.from.begin(), t.from.end(), l.c.state) == t.from.end()) continue;
    if (!caller.IsSystem() && !caller.principal.HasPermission(t.permission)) continue;
    if (!AvailableNow(l.c, l.plan, t) || !IsParty(env, caller, l.c, l.plan, t)) continue;
    d.actions.emplace_back(t.action);
  }
  d.c = std::move(l.c);
  return d;
}

std::vector<CaseSummary> List(const Env& env, const Caller& caller, store::CaseFilter filter,
                              const http::Paging& paging, std::int64_t* total) {
  if (caller.applicant && filter.view != "mine") filter.view = "mine";
  filter.applicant_id = caller.applicant ? std::optional<std::int64_t>(caller.applicant->id) : std::nullopt;
  filter.user_id = caller.principal.user_id;
  filter.scope = caller.scope;
  filter.caller_department_id = caller.principal.department_id;
  filter.caller_roles = caller.principal.roles;
  const auto today = env.Today();
  filter.today = today.ToString();
  filter.warn_until = env.calendar.AddWorkingDays(today, WarnDays(env.tx)).date.ToString();
  if (filter.view == "queue" && !caller.HasRole(kWindowRole) && !caller.HasRole("hall_supervisor"))
    throw Error::Forbidden("cases.not_a_window", "只有政务服务大厅的窗口人员和负责人有受理队列",
                           "Only a service hall's clerks and supervisor have a queue");
  return store::ListCases(env.tx, filter, paging, total);
}

}  // namespace tongban::cases
