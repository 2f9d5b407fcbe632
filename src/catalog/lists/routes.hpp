#pragma once
// The government lists over HTTP: /api/v1/catalog/lists/… (catalog.list.read / catalog.list.edit),
// /api/v1/catalog/responsibility, and the public /api/v1/public/lists/… (no login).
#include "app/context.hpp"
#include "platform/http/router.hpp"

namespace tongban::catalog::lists {
void RegisterRoutes(http::Router& router, AppContext& context);
}
