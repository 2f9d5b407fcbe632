#include "platform/ops/routes.hpp"

#include "platform/db/migrate.hpp"
#include "platform/errors/error.hpp"
#include "platform/openapi/openapi.hpp"

namespace tongban::ops {
namespace {

const char* DialectName(db::Dialect d) { return d == db::Dialect::kSqlite ? "sqlite" : "postgresql"; }

http::Response Healthz(http::Request&) { return http::Response::Text("ok\n"); }

http::Response Readyz(AppContext& ctx, http::Request& request) {
  // A failure here (database away) becomes 503 through the error's status, which is what a load
  // balancer's readiness probe needs.
  db::MigrationStatus status;
  try {
    status = db::GetMigrationStatus(ctx.db, db::BuiltInMigrations());
  } catch (const Error& e) {
    throw Error::Unavailable("ops.database_unreachable", "数据库不可用", std::string("Database unreachable: ") + e.what(),
                             5);
  }
  nlohmann::json body = {{"database", DialectName(ctx.db.dialect())},
                         {"migrations", {{"applied", status.applied}, {"total", status.total}}}};
  if (!status.up_to_date())
    return http::Response::Problem(
        Error::Unavailable("ops.migrations_pending", "数据库迁移尚未完成", "Database migrations are pending", 5)
            .WithDetails(body),
        request);
  body["status"] = "ready";
  return http::Response::Json(body);
}

http::Response MetricsText(AppContext& ctx, http::Request&) {
  return http::Response::Text(ctx.metrics.Render(), "text/plain; version=0.0.4; charset=utf-8");
}

http::Response OpenApi(http::Request&) {
  // Built once: the fragments are compiled in.
  static const std::string kDocument = openapi::BuildDocument().dump();
  return http::Response::Text(kDocument, "application/json");
}

http::Response Version(AppContext& ctx, http::Request&) {
  return http::Response::Json({{"version", TONGBAN_VERSION}, {"database", DialectName(ctx.db.dialect())}});
}

}  // namespace

void RegisterRoutes(http::Router& router, AppContext& ctx) {
  using http::Exec;
  using http::kPublic;
  const std::string pub(kPublic);
  router.AddAll({
      {"GET", "/healthz", pub, Healthz, Exec::kInline},
      {"GET", "/readyz", pub, [&ctx](http::Request& r) { return Readyz(ctx, r); }},
      {"GET", "/metrics", pub, [&ctx](http::Request& r) { return MetricsText(ctx, r); }, Exec::kInline},
      {"GET", "/api/v1/openapi.json", pub, OpenApi, Exec::kInline},
      {"GET", "/api/v1/version", pub, [&ctx](http::Request& r) { return Version(ctx, r); }, Exec::kInline},
  });
}

}  // namespace tongban::ops
