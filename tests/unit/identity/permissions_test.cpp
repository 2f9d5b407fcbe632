// The permission registry and the built-in roles: every role DOMAIN.md names exists, grants only
// registered permissions, and data scopes widen as they should.
#include "identity/permissions.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "identity/service.hpp"
#include "platform/codes/test_data_dir.hpp"

namespace tongban::identity {
namespace {

TEST(PermissionRegistryTest, EveryPermissionIsWellFormedAndUnique) {
  std::set<std::string> seen;
  for (const auto& p : Permissions()) {
    EXPECT_TRUE(IsWellFormedPermission(p.code)) << p.code;
    EXPECT_TRUE(seen.insert(p.code).second) << "duplicate " << p.code;
    EXPECT_FALSE(p.name_zh.empty()) << p.code;
    EXPECT_FALSE(p.name_en.empty()) << p.code;
  }
}

TEST(PermissionRegistryTest, WellFormedness) {
  for (const char* good : {"cases.case.accept", "system.user.read_pii", "a1.b2.c3"}) EXPECT_TRUE(IsWellFormedPermission(good)) << good;
  for (const char* bad : {"cases.case", "cases.case.accept.now", "Cases.case.accept", "cases..accept", ".a.b", "a.b.", "a b.c.d", ""})
    EXPECT_FALSE(IsWellFormedPermission(bad)) << bad;
  EXPECT_EQ(FindPermission("system.nuke.all"), nullptr);
  EXPECT_NE(FindPermission("cases.case.accept"), nullptr);
}

TEST(BuiltinRolesTest, EveryRoleOfTheDomainExistsWithKnownPermissions) {
  const std::vector<std::string> domain = {"admin",     "hall_supervisor", "window_clerk", "reviewer",
                                           "approver",  "department_head", "inspector",    "dispatcher",
                                           "handler",   "leader",          "applicant",    "system"};
  for (const auto& code : domain) {
    const auto* role = FindBuiltinRole(code);
    ASSERT_NE(role, nullptr) << code;
    EXPECT_FALSE(role->permissions.empty()) << code;
    EXPECT_TRUE(std::is_sorted(role->permissions.begin(), role->permissions.end())) << code;
    for (const auto& p : role->permissions) EXPECT_NE(FindPermission(p), nullptr) << code << " grants unknown " << p;
  }
  EXPECT_EQ(BuiltinRoles().size(), domain.size());
  EXPECT_EQ(FindBuiltinRole("admin")->scope, DataScope::kAll);
  const auto& clerk = FindBuiltinRole("window_clerk")->permissions;
  EXPECT_TRUE(std::binary_search(clerk.begin(), clerk.end(), "cases.case.accept"));
  const auto& admin = FindBuiltinRole("admin")->permissions;
  EXPECT_TRUE(std::binary_search(admin.begin(), admin.end(), "system.user.edit"));
  EXPECT_FALSE(std::binary_search(admin.begin(), admin.end(), "cases.case.approve")) << "administrators do not decide cases";
}

// The README and docs/roles.md publish the role table: both must say what the code does.
TEST(BuiltinRolesTest, PublishedRoleTablesMatchTheCode) {
  for (const char* file : {"docs/roles.md", "README.md"}) {
    std::ifstream in(testing::TestDataDir().parent_path() / file);
    ASSERT_TRUE(in) << file << " not found beside " << testing::TestDataDir();
    std::map<std::string, std::string> rows;
    for (std::string line; std::getline(in, line);)
      if (line.rfind("| `", 0) == 0) rows[line.substr(3, line.find('`', 3) - 3)] = line;
    for (const auto& role : BuiltinRoles()) {
      ASSERT_TRUE(rows.count(role.code)) << role.code << " is missing from " << file;
      std::ostringstream expected;
      expected << "| `" << role.code << "` | " << role.name_zh << " " << role.name_en << " | ";
      for (std::size_t i = 0; i < role.permissions.size(); ++i)
        expected << (i ? ", " : "") << "`" << role.permissions[i] << "`";
      expected << " | " << ToString(role.scope) << " | " << (role.demo_user.empty() ? "—" : "`" + role.demo_user + "`")
               << " |";
      EXPECT_EQ(rows[role.code], expected.str()) << "regenerate the row of " << role.code << " in " << file;
    }
  }
}

TEST(DataScopeTest, ParsesAndWidens) {
  EXPECT_EQ(ParseDataScope("own"), DataScope::kOwn);
  EXPECT_EQ(ParseDataScope("children"), DataScope::kChildren);
  EXPECT_EQ(ParseDataScope("all"), DataScope::kAll);
  EXPECT_FALSE(ParseDataScope("everything"));
  EXPECT_EQ(Wider(DataScope::kOwn, DataScope::kChildren), DataScope::kChildren);
  EXPECT_EQ(Wider(DataScope::kAll, DataScope::kChildren), DataScope::kAll);
}

TEST(DataScopeTest, ReachesOwnChildrenOrAll) {
  // 1 city → 2 bureau → 4 hall; 1 → 3 district → 5 street
  std::vector<Department> tree(5);
  for (int i = 0; i < 5; ++i) tree[i].id = i + 1;
  tree[1].parent_id = 1;
  tree[2].parent_id = 1;
  tree[3].parent_id = 2;
  tree[4].parent_id = 3;
  EXPECT_EQ(*ScopeDepartments(tree, 2, DataScope::kOwn), (std::set<std::int64_t>{2}));
  EXPECT_EQ(*ScopeDepartments(tree, 2, DataScope::kChildren), (std::set<std::int64_t>{2, 4}));
  EXPECT_EQ(*ScopeDepartments(tree, 1, DataScope::kChildren), (std::set<std::int64_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(*ScopeDepartments(tree, 5, DataScope::kChildren), (std::set<std::int64_t>{5}));
  EXPECT_FALSE(ScopeDepartments(tree, 2, DataScope::kAll).has_value()) << "all: no filter";
  EXPECT_TRUE(ScopeDepartments(tree, 0, DataScope::kChildren)->empty()) << "no department: sees nothing";
}

}  // namespace
}  // namespace tongban::identity
