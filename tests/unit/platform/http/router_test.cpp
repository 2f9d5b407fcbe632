#include "platform/http/router.hpp"

#include <gtest/gtest.h>

namespace tongban::http {
namespace {

Handler Named(std::string name) {
  return [name](Request&) { return Response::Text(name); };
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.AddAll({
        {"GET", "/api/v1/items/{code}", "public", Named("item")},
        {"GET", "/api/v1/items/search", "public", Named("search")},
        {"POST", "/api/v1/items/{code}", "catalog.item.edit", Named("edit")},
        {"GET", "/api/v1/cases/{id}/steps/{step}", "cases.case.read", Named("step")},
    });
  }
  std::string Run(const RouteMatch& m) {
    Request r;
    return m.route->handler(r).body;
  }
  Router router_;
};

TEST_F(RouterTest, MatchesParametersAndPrefersLiterals) {
  auto m = router_.Find("GET", "/api/v1/items/11370200MB0001");
  ASSERT_TRUE(m.route);
  EXPECT_EQ(Run(m), "item");
  EXPECT_EQ(m.params.at("code"), "11370200MB0001");
  EXPECT_EQ(Run(router_.Find("GET", "/api/v1/items/search")), "search");
  auto step = router_.Find("GET", "/api/v1/cases/42/steps/3");
  EXPECT_EQ(step.params.at("id"), "42");
  EXPECT_EQ(step.params.at("step"), "3");
  EXPECT_EQ(Run(router_.Find("HEAD", "/api/v1/items/x")), "item") << "HEAD is served by GET";
}

TEST_F(RouterTest, WrongMethodListsTheAllowedOnes) {
  auto m = router_.Find("DELETE", "/api/v1/items/x");
  EXPECT_FALSE(m.route);
  std::sort(m.allowed_methods.begin(), m.allowed_methods.end());
  EXPECT_EQ(m.allowed_methods, (std::vector<std::string>{"GET", "POST"}));
}

TEST_F(RouterTest, UnknownPathMatchesNothing) {
  auto m = router_.Find("GET", "/api/v1/nothing/here");
  EXPECT_FALSE(m.route);
  EXPECT_TRUE(m.allowed_methods.empty());
  EXPECT_FALSE(router_.Find("GET", "/api/v1/items").route);
}

TEST_F(RouterTest, ProgrammingErrorsFailAtStartUp) {
  EXPECT_THROW(router_.Add({"GET", "/api/v1/items/{code}", "public", Named("dup")}), std::logic_error);
  EXPECT_THROW(router_.Add({"GET", "/api/v1/x", "", Named("no permission")}), std::logic_error);
  EXPECT_THROW(router_.Add({"GET", "/api/v1/y", "cases.case.read", Named("inline"), Exec::kInline}), std::logic_error);
  EXPECT_THROW(router_.Add({"GET", "no-slash", "public", Named("bad")}), std::logic_error);
}

TEST(PercentDecodeTest, DecodesAndRefusesMalformed) {
  EXPECT_EQ(PercentDecode("/a%20b/%E9%80%9A").value(), "/a b/通");
  EXPECT_FALSE(PercentDecode("/a%2").has_value());
  EXPECT_FALSE(PercentDecode("/a%zz").has_value());
  EXPECT_FALSE(PercentDecode("/a%00b").has_value());
}

TEST(ParseQueryTest, DecodesPairs) {
  auto q = ParseQuery("q=%E9%A3%9F%E5%93%81+%E7%BB%8F%E8%90%A5&page=2&&flag");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].second, "食品 经营");
  EXPECT_EQ(q[1], (std::pair<std::string, std::string>{"page", "2"}));
  EXPECT_EQ(q[2].first, "flag");
}

}  // namespace
}  // namespace tongban::http
