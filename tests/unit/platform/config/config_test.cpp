#include "platform/config/config.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace tongban
