#include "app/modules.hpp"

#include "audit/routes.hpp"
#include "cases/routes.hpp"
#include "catalog/lists/routes.hpp"
#include "catalog/routes.hpp"
#include "identity/routes.hpp"
#include "messages/routes.hpp"
#include "platform/codes/routes.hpp"
#include "platform/config/config.hpp"
#include "platform/jobs/routes.hpp"
#include "platform/ops/routes.hpp"
#include "platform/ops/test_routes.hpp"
#include "system/routes.hpp"

namespace tongban {

void RegisterAllRoutes(http::Router& router, AppContext& context) {
  ops::RegisterRoutes(router, context);
  jobs::RegisterRoutes(router, context);
  codes::RegisterRoutes(router, context);
  audit::RegisterRoutes(router, context);  // sets context.audit
  system::RegisterRoutes(router, context);  // sets context.calendar
  identity::RegisterRoutes(router, context);  // sets context.authenticator
  catalog::lists::RegisterRoutes(router, context);
  catalog::RegisterRoutes(router, context);
  messages::RegisterRoutes(router, context);
  cases::RegisterRoutes(router, context);
  if (TestModeEnabled()) ops::RegisterTestRoutes(router, context);
}

void RegisterAllJobHandlers(jobs::JobRunner& runner, AppContext& context) {
  audit::RegisterJobHandlers(runner, context);
  messages::RegisterJobHandlers(runner, context);
  cases::RegisterJobHandlers(runner, context);
  if (TestModeEnabled()) ops::RegisterTestJobHandlers(runner, context);
}

void RegisterAllDemoSteps(demo::Registry& registry) {
  demo::AddCityStep(registry);
  demo::AddCatalogStep(registry);
  demo::AddCasesStep(registry);
}

}  // namespace tongban
