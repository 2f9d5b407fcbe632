#include "platform/schema/uri.hpp"

#include <cctype>
#include <optional>

namespace tongban::schema::internal {
namespace {

struct Parts {
  std::optional<std::string> scheme, authority, query, fragment;
  std::string path;
};

Parts Parse(std::string_view s) {
  Parts p;
  if (auto hash = s.find('#'); hash != std::string_view::npos) {
    p.fragment = std::string(s.substr(hash + 1));
    s = s.substr(0, hash);
  }
  if (auto q = s.find('?'); q != std::string_view::npos) {
    p.query = std::string(s.substr(q + 1));
    s = s.substr(0, q);
  }
  // A scheme is letters, digits, + - . before the first ':', starting with a letter, and no '/'
  // before it (so "a/b:c" is a path).
  if (auto colon = s.find(':'); colon != std::string_view::npos && colon > 0 &&
                                s.substr(0, colon).find('/') == std::string_view::npos &&
                                std::isalpha(static_cast<unsigned char>(s[0]))) {
    p.scheme = std::string(s.substr(0, colon));
    s = s.substr(colon + 1);
  }
  if (s.substr(0, 2) == "//") {
    s = s.substr(2);
    const auto slash = s.find('/');
    p.authority = std::string(s.substr(0, slash));
    s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
  }
  p.path = std::string(s);
  return p;
}

// RFC 3986 5.2.4.
std::string RemoveDotSegments(std::string in) {
  std::string out;
  while (!in.empty()) {
    if (in.rfind("../", 0) == 0) {
      in.erase(0, 3);
    } else if (in.rfind("./", 0) == 0) {
      in.erase(0, 2);
    } else if (in.rfind("/./", 0) == 0) {
      in.erase(0, 2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.rfind("/../", 0) == 0 || in == "/..") {
      in = in == "/.." ? "/" : in.substr(3);
      const auto last = out.rfind('/');
      out.erase(last == std::string::npos ? 0 : last);
    } else if (in == "." || in == "..") {
      in.clear();
    } else {
      const auto next = in.find('/', in[0] == '/' ? 1 : 0);
      out += in.substr(0, next);
      in.erase(0, next == std::string::npos ? in.size() : next);
    }
  }
  return out;
}

std::string Merge(const Parts& base, const std::string& path) {
  if (base.authority && base.path.empty()) return "/" + path;
  const auto slash = base.path.rfind('/');
  return slash == std::string::npos ? path : base.path.substr(0, slash + 1) + path;
}

std::string Recompose(const Parts& p) {
  std::string out;
  if (p.scheme) out += *p.scheme + ":";
  if (p.authority) out += "//" + *p.authority;
  out += p.path;
  if (p.query) out += "?" + *p.query;
  if (p.fragment) out += "#" + *p.fragment;
  return out;
}

}  // namespace

std::string ResolveUri(std::string_view base_text, std::string_view reference) {
  const Parts base = Parse(base_text), r = Parse(reference);
  Parts t;
  if (r.scheme) {
    t = r;
    t.path = RemoveDotSegments(r.path);
  } else {
    t.scheme = base.scheme;
    if (r.authority) {
      t.authority = r.authority;
      t.path = RemoveDotSegments(r.path);
      t.query = r.query;
    } else {
      t.authority = base.authority;
      if (r.path.empty()) {
        t.path = base.path;
        t.query = r.query ? r.query : base.query;
      } else {
        t.path = RemoveDotSegments(r.path[0] == '/' ? r.path : Merge(base, r.path));
        t.query = r.query;
      }
    }
  }
  t.fragment = r.fragment;
  return Recompose(t);
}

std::pair<std::string, std::string> SplitFragment(std::string_view uri) {
  const auto hash = uri.find('#');
  if (hash == std::string_view::npos) return {std::string(uri), ""};
  return {std::string(uri.substr(0, hash)), std::string(uri.substr(hash + 1))};
}

}  // namespace tongban::schema::internal
