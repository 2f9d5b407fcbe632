#pragma once
// Operators' view of background jobs: list by state (dead jobs stay visible) and retry a dead one.
#include "app/context.hpp"
#include "platform/http/router.hpp"

namespace tongban::jobs {
void RegisterRoutes(http::Router& router, AppContext& context);
}
