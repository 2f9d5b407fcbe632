// The dispatcher without sockets: path hygiene, 404/405, permission checks, and every failure
// rendered as problem+json in the caller's language.
#include "platform/http/dispatcher.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace tongban::http {
namespace {

class DispatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    web_ = std::filesystem::temp_directory_path() / ("tongban-web-" + std::to_string(::getpid()));
    std::filesystem::create_directories(web_ / "assets");
    std::ofstream(web_ / "index.html") << "<!doctype html><title>通办</title>";
    std::ofstream(web_ / "assets" / "index-3f2a9c1b.js") << "console.log(1)";
    std::ofstream(web_.parent_path() / "secret.txt") << "outside the web dir";
    files_ = std::make_unique<StaticFiles>(web_);
    router_.AddAll({
        {"GET", "/api/v1/open", "public", [](Request&) { return Response::Json({{"ok", true}}); }},
        {"POST", "/api/v1/guarded", "cases.case.accept", [](Request&) { return Response::Json({{"ok", true}}); }},
        {"GET", "/api/v1/boom", "public", [](Request&) -> Response { throw std::runtime_error("bug"); }},
    });
    dispatcher_ = std::make_unique<Dispatcher>(router_, files_.get(), 1024);
  }
  void TearDown() override { std::filesystem::remove_all(web_); }

  Response Call(std::string method, std::string target, std::shared_ptr<Principal> who = nullptr,
                std::string lang = "") {
    Request r;
    r.method = method;
    r.target = target;
    r.request_id = "rid-1";
    if (!lang.empty()) r.headers.emplace_back("accept-language", lang);
    const auto plan = dispatcher_->Plan(method, target);
    r.path = plan.path;
    r.query = plan.query;
    r.path_params = plan.params;
    if (who) dispatcher_->SetAuthenticator([who](Request&) { return who; });
    return dispatcher_->Run(r, plan);
  }
  static nlohmann::json Body(const Response& r) { return nlohmann::json::parse(r.body); }

  std::filesystem::path web_;
  std::unique_ptr<StaticFiles> files_;
  Router router_;
  std::unique_ptr<Dispatcher> dispatcher_;
};

TEST_F(DispatcherTest, UnknownApiRouteIsProblem404) {
  auto r = Call("GET", "/api/v1/nope");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "application/problem+json");
  EXPECT_EQ(Body(r)["code"], "http.no_route");
  EXPECT_EQ(Body(r)["request_id"], "rid-1");
}

TEST_F(DispatcherTest, WrongMethodIs405WithAllow) {
  auto r = Call("DELETE", "/api/v1/open");
  EXPECT_EQ(r.status, 405);
  ASSERT_FALSE(r.headers.empty());
  EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>{"Allow", "GET"}));
}

TEST_F(DispatcherTest, PermissionsAreChecked) {
  EXPECT_EQ(Call("POST", "/api/v1/guarded").status, 401);
  auto clerk = std::make_shared<Principal>();
  clerk->permissions = {"cases.case.read"};
  EXPECT_EQ(Call("POST", "/api/v1/guarded", clerk).status, 403);
  auto acceptor = std::make_shared<Principal>();
  acceptor->permissions = {"cases.case.accept", "cases.case.read"};
  EXPECT_EQ(Call("POST", "/api/v1/guarded", acceptor).status, 200);
}

TEST_F(DispatcherTest, UnexpectedExceptionIs500ProblemInTheCallersLanguage) {
  auto zh = Call("GET", "/api/v1/boom");
  EXPECT_EQ(zh.status, 500);
  EXPECT_EQ(Body(zh)["title"], "服务器内部错误");
  EXPECT_EQ(Body(zh)["detail"].get<std::string>().find("bug"), std::string::npos) << "internals never leak";
  auto en = Call("GET", "/api/v1/boom", nullptr, "en-US,en;q=0.9");
  EXPECT_EQ(Body(en)["title"], "Internal server error");
}

TEST_F(DispatcherTest, StaticFilesWithCachingAndSpaFallback) {
  auto asset = Call("GET", "/assets/index-3f2a9c1b.js");
  EXPECT_EQ(asset.status, 200);
  EXPECT_EQ(asset.content_type, "text/javascript; charset=utf-8");
  EXPECT_NE(std::find(asset.headers.begin(), asset.headers.end(),
                      std::pair<std::string, std::string>{"Cache-Control", "public, max-age=31536000, immutable"}),
            asset.headers.end());
  auto route = Call("GET", "/system/users");
  EXPECT_EQ(route.status, 200);
  EXPECT_NE(route.body.find("通办"), std::string::npos);
  EXPECT_EQ(Call("GET", "/assets/missing-0000.js").status, 404);
}

TEST_F(DispatcherTest, NoPathEscapesTheWebDir) {
  for (const char* evil : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/etc/passwd",
                           "/assets%2F..%2F..%2Fsecret.txt", "/..%5csecret.txt", "/a/%00/b"}) {
    auto r = Call("GET", evil);
    EXPECT_TRUE(r.status == 400 || r.status == 404) << evil << " → " << r.status;
    EXPECT_EQ(r.body.find("outside the web dir"), std::string::npos) << evil;
  }
}

}  // namespace
}  // namespace tongban::http
