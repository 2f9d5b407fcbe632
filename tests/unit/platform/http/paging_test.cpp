#include "platform/http/paging.hpp"

#include <gtest/gtest.h>

#include "platform/errors/error.hpp"

namespace tongban::http {
namespace {

Request WithQuery(std::string q) {
  Request r;
  r.query = ParseQuery(q);
  return r;
}

TEST(PagingTest, DefaultsAndValues) {
  auto p = ParsePaging(WithQuery(""));
  EXPECT_EQ(p.page, 1);
  EXPECT_EQ(p.size, 20);
  p = ParsePaging(WithQuery("page=3&size=100&sort=name,-created_at"), {"name", "created_at"});
  EXPECT_EQ(p.offset(), 200);
  ASSERT_EQ(p.sort.size(), 2u);
  EXPECT_TRUE(p.sort[1].descending);
}

TEST(PagingTest, RefusesOutOfRange) {
  for (const char* q : {"size=101", "size=0", "page=0", "page=-1", "page=x", "size=1e3", "sort=password"}) {
    try {
      ParsePaging(WithQuery(q), {"name"});
      FAIL() << q;
    } catch (const Error& e) {
      EXPECT_EQ(e.status(), 400) << q;
    }
  }
}

}  // namespace
}  // namespace tongban::http
