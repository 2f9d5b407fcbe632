#include "platform/config/config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "platform/errors/error.hpp"

namespace tongban {
namespace {

TEST(ConfigTest, AppliesValuesAndRefusesTypos) {
  Config c;
  ApplyConfigValues(c, {{"port", "9090"}, {"db", "postgresql://u@h:1/d"}, {"access_log", "false"}});
  EXPECT_EQ(c.port, 9090);
  EXPECT_EQ(c.db, "postgresql://u@h:1/d");
  EXPECT_FALSE(c.access_log);
  EXPECT_THROW(ApplyConfigValues(c, {{"prot", "1"}}), Error);
  EXPECT_THROW(ApplyConfigValues(c, {{"port", "80x"}}), Error);
  EXPECT_THROW(ApplyConfigValues(c, {{"port", "70000"}}), Error);
  EXPECT_THROW(ApplyConfigValues(c, {{"access_log", "maybe"}}), Error);
}

TEST(ConfigTest, ReadsCommentedFile) {
  const std::string path = ::testing::TempDir() + "/tongban.conf";
  std::ofstream(path) << "# comment\n\nPORT = 8181\nbody_limit=2048\n";
  Config c;
  ApplyConfigValues(c, ReadConfigFile(path));
  EXPECT_EQ(c.port, 8181);
  EXPECT_EQ(c.body_limit, 2048u);
  std::ofstream(path) << "port 8181\n";
  EXPECT_THROW(ReadConfigFile(path), Error);
}

TEST(ConfigTest, ExampleFileListsEveryKeyAndIsValid) {
  // Found from the source tree, as the tests run from the build or the project directory.
  std::string path;
  for (auto dir = std::filesystem::current_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path())
    if (std::filesystem::exists(dir / "docs" / "tongban.conf.example")) {
      path = (dir / "docs" / "tongban.conf.example").string();
      break;
    }
  ASSERT_FALSE(path.empty()) << "docs/tongban.conf.example not found above " << std::filesystem::current_path();
  const auto values = ReadConfigFile(path);
  Config c;
  ApplyConfigValues(c, values);  // no unknown key, no bad value
  for (const auto& key : ConfigKeys()) EXPECT_TRUE(values.count(key)) << key << " is missing from the example";
}

}  // namespace
}  // namespace tongban
