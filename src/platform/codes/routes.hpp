#pragma once
// Public checks of the codes people type (DOMAIN.md "Codes"), for forms and integrators: nothing is
// looked up beyond the reference data and nothing is stored.
#include "app/context.hpp"
#include "platform/http/router.hpp"

namespace tongban::codes {
void RegisterRoutes(http::Router& router, AppContext& context);
}
