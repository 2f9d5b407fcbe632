#pragma once
// System parameters and calendar administration over HTTP; sets AppContext::calendar.
#include "app/context.hpp"
#include "platform/http/router.hpp"

namespace tongban::system {
void RegisterRoutes(http::Router& router, AppContext& context);
}
