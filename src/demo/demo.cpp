#include "demo/demo.hpp"

#include "audit/service.hpp"
#include "identity/password.hpp"
#include "identity/service.hpp"

namespace tongban::demo {

Report Run(AppContext& app, const Registry& registry, const Options& options) {
  Report report;
  report.as_of = options.as_of.value_or(*time::Date::Parse(time::ShanghaiDate(app.clock.Now())));
  db::Tx tx = app.db.Begin(db::TxMode::kWrite);
  if (options.if_empty && !identity::HasNoUsers(tx)) {
    report.skipped = true;
    return report;
  }
  const auto day = std::chrono::sys_days{std::chrono::days{report.as_of.serial()}};
  DemoContext ctx{tx,
                  app,
                  report.as_of,
                  std::chrono::time_point_cast<std::chrono::microseconds>(day) - time::kShanghaiOffset + std::chrono::hours(9),
                  identity::HashPassword(kDemoPassword),
                  audit::SystemActor(),
                  {},
                  {}};
  ctx.actor.request_id = "demo";
  for (const auto& step : registry.steps()) {
    step.run(ctx);
    report.steps.push_back(step.name);
  }
  tx.Commit();
  return report;
}

}  // namespace tongban::demo
