// Act: the one path every lifecycle action takes (load, check the table and the party, run the
// handler, save conditionally, record), and the helpers the handlers share.
#include "cases/actions.hpp"

#include <map>

#include "audit/service.hpp"
#include "cases/authority.hpp"
#include "cases/clocks.hpp"
#include "cases/store.hpp"
#include "catalog/store.hpp"
#include "platform/errors/error.hpp"
#include "system/service.hpp"

namespace tongban::cases {
namespace {

const std::map<std::string_view, ActionHandler>& Handlers() {
  static const std::map<std::string_view, ActionHandler> kHandlers = {
      {"submit", Submit},
      {"accept", Accept},
      {"accept-with-deficiency", AcceptWithDeficiency},
      {"request-supplement", RequestSupplement},
      {"propose-rejection", ProposeRejection},
      {"confirm-rejection", ConfirmRejection},
      {"overturn-rejection", OverturnRejection},
      {"forward", Forward},
      {"return", Return},
      {"suspend", SuspendCase},
      {"resume", ResumeCase},
      {"request-extension", RequestExtension},
      {"approve-extension", ApproveExtension},
      {"approve", Approve},
      {"deny", Deny},
      {"issue", Issue},
      {"complete", Complete},
      {"withdraw", Withdraw},
      {"terminate", Terminate},
  };
  return kHandlers;
}

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

time::Date Env::Today() const { return *time::Date::Parse(time::ShanghaiDate(now)); }

void FailField(const std::string& pointer, const std::string& code, const std::string& zh, const std::string& en) {
  throw Error::Unprocessable("input.invalid", zh, en, {{pointer, code, zh, en}});
}

int ParamInt(db::Tx& tx, const char* key) { return static_cast<int>(system::GetInt(tx, key)); }

Loaded Load(const Env& env, std::int64_t id, bool for_update) {
  auto c = store::FindCase(env.tx, id, for_update);
  if (!c) throw Error::NotFound("cases.not_found", "办件不存在", "No such case");
  auto info = FindVersionInfo(env.tx, c->entry_id, c->version_no);
  if (!info) throw Error::Internal("cases.version_missing", "case " + c->number + " names a missing entry version");
  return Loaded{std::move(*c), info, info->version, info->elements, info->plan};
}

Loaded LoadVisible(const Env& env, const Caller& caller, std::int64_t id, bool for_update) {
  auto l = Load(env, id, for_update);
  if (!CanSee(env, caller, l.c, l.plan)) throw Error::NotFound("cases.not_found", "办件不存在", "No such case");
  return l;
}

void Save(const Env& env, Case& c, int expected_version) {
  c.updated_at = env.now;
  store::UpdateCase(env.tx, c, expected_version);
  c.version = expected_version + 1;
}

void Record(const Env& env, const Caller& caller, const Case& c, Event event, bool owner_action) {
  event.at = env.now;
  if (!caller.IsSystem()) event.actor_user_id = caller.principal.user_id;
  event.actor_name = caller.IsSystem() ? "系统" : caller.principal.display_name;
  // 帮办代办 and window applications: an action taken for the applicant records them too.
  const auto user = caller.principal.user_id;
  const bool is_applicant = caller.applicant && caller.applicant->id == c.applicant_id;
  const bool acts_for = c.helper_user_id == user || (c.channel == "window" && c.created_by == user);
  if (owner_action && !caller.IsSystem() && !is_applicant && acts_for)
    event.on_behalf_of = env.tx.QueryOne("SELECT name FROM applicants WHERE id = ?", {c.applicant_id})->Text(0);
  store::InsertEvent(env.tx, c.id, event);
  nlohmann::json change = {{"from", event.from_state}, {"to", event.to_state}, {"number", c.number}};
  if (!event.reason.empty()) change["reason"] = event.reason;
  if (event.on_behalf_of) change["on_behalf_of"] = *event.on_behalf_of;
  audit::Append(env.tx, env.now, caller.actor, "cases.case." + event.action, "case", std::to_string(c.id), change);
}

void StartReview(const Env& env, Case& c, const Loaded& loaded, time::Date clock_start) {
  const auto& e = loaded.version.elements;
  // Art. 42: 20 working days unless the item says otherwise; the committed limit never exceeds it.
  const int statutory = e.statutory_limit_days > 0 ? e.statutory_limit_days : ParamInt(env.tx, "cases.decision_days");
  const int committed = std::min(e.immediate ? 0 : e.committed_limit_days, statutory);
  clocks::Stop(env.tx, c.id, "acceptance", env.Today());
  clocks::Start(env.tx, env.calendar, c.id, "decision", clock_start, committed, statutory);
  c.accepted_at = env.now;
  c.step_index = loaded.plan.first_review;
  c.step_role = loaded.plan.At(c.step_index).role;
  c.pending_refusal = nullptr;
}

void StopAllClocks(const Env& env, const Case& c) {
  for (const auto& k : store::Clocks(env.tx, c.id))
    if (k.state != "stopped") clocks::Stop(env.tx, c.id, k.kind, env.Today());
}

Case Act(const Env& env, const Caller& caller, std::int64_t id, const std::string& action, const ActionInput& in) {
  const Transition& t = FindTransition(action);
  Loaded l = LoadVisible(env, caller, id, true);
  if (in.expected_version && *in.expected_version != l.c.version)
    throw Error::Conflict("cases.stale", "办件已被他人更新，请刷新后重试", "The case changed meanwhile; reload and retry");
  RequireFrom(t, l.c.state);
  RequireParty(env, caller, l.c, l.plan, t);
  if (t.reason_required && Blank(in.reason))
    FailField("/reason", "required", std::string("「") + t.name_zh + "」必须填写理由",
              std::string(t.name_en) + " needs a reason");
  const int expected = l.c.version;
  Event event;
  event.action = std::string(t.action);
  event.from_state = ToString(l.c.state);
  if (l.c.step_index >= 0) event.step_name = l.plan.At(l.c.step_index).name;
  event.reason = in.reason;
  ActionContext context{env, caller, l, in, t, event};
  Handlers().at(t.action)(context);
  if (t.to) l.c.state = *t.to;
  if (!IsOpen(l.c.state)) {
    l.c.closed_at = env.now;
    l.c.step_role.clear();
  }
  event.to_state = ToString(l.c.state);
  Save(env, l.c, expected);
  Record(env, caller, l.c, std::move(event), t.party == Party::kOwner || t.party == Party::kOwnerOrClerk);
  return l.c;
}

}  // namespace tongban::cases
