// Every route of the running app declares a permission the registry knows, and some human role
// holds it: a route nobody may call, or one guarded by a typo, fails here.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/app.hpp"
#include "identity/permissions.hpp"
#include "platform/crypto/hash.hpp"
#include "platform/http/router.hpp"

namespace tongban::identity {
namespace {

TEST(RoutePermissionsTest, EveryRouteNamesAKnownPermissionSomeRoleHolds) {
  const auto dir = std::filesystem::temp_directory_path() / ("tongban-routes-" + crypto::RandomHex(4));
  std::filesystem::create_directories(dir);
  Config config;
  config.db = "sqlite://" + (dir / "t.db").string();
  config.kek = std::string(64, 'b');
  {
    App app(config);
    int checked = 0;
    for (const auto& route : app.router().routes()) {
      const std::string& p = route.permission;
      if (p == http::kPublic || p == http::kAuthenticated || p == http::kTestOnly) continue;
      ++checked;
      ASSERT_NE(FindPermission(p), nullptr) << route.method << " " << route.pattern << " needs unknown " << p;
      bool held = false;
      for (const auto& role : BuiltinRoles())
        if (role.code != "system" && std::binary_search(role.permissions.begin(), role.permissions.end(), p)) held = true;
      EXPECT_TRUE(held) << route.method << " " << route.pattern << ": no role holds " << p;
    }
    EXPECT_GT(checked, 25);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tongban::identity
