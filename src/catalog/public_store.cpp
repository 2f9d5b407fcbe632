// The public read model and its search (store.hpp; the index design is in search_text.hpp and the
// migrations 002_search.*.sql). The only file that knows the two engines' full-text syntax.
#include <cctype>
#include <map>

#include "catalog/search_text.hpp"
#include "catalog/store.hpp"
#include "catalog/store_util.hpp"

namespace tongban::catalog::store {
namespace {

constexpr const char* kPublicColumns =
    "p.entry_id, p.code, p.name, p.department_id, p.power_type, p.level, p.audience, p.themes, "
    "p.committed_limit_days, p.statutory_limit_days, p.immediate, p.visits, p.online_depth, p.snippet";
constexpr const char* kInsertPublic =
    "INSERT INTO catalog_public (entry_id, code, name, department_id, power_type, level, audience, themes, "
    "committed_limit_days, statutory_limit_days, immediate, visits, online_depth, snippet) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// A name hit weighs ten times a hit in the conditions and materials.
constexpr const char* kSqliteLongTerm =
    "SELECT rowid AS entry_id, bm25(catalog_search_tri, 10.0, 1.0) AS s FROM catalog_search_tri "
    "WHERE catalog_search_tri MATCH ?";
constexpr const char* kSqliteShortTerm =
    "SELECT rowid AS entry_id, bm25(catalog_search_gram, 10.0, 1.0) AS s FROM catalog_search_gram "
    "WHERE catalog_search_gram MATCH ?";
// PostgreSQL: pg_trgm answers ILIKE for three or more characters; the gram tsvector the rest.
// Scores are negated so that both engines sort ascending, best first.
constexpr const char* kPgLongTerm =
    "SELECT entry_id, -(CASE WHEN name ILIKE ? ESCAPE '\\' THEN 10 ELSE 0 END + "
    "similarity(name, ?)) AS s FROM catalog_search WHERE name ILIKE ? ESCAPE '\\' OR body ILIKE ? ESCAPE '\\'";
constexpr const char* kPgShortTerm =
    "SELECT entry_id, -(CASE WHEN name LIKE ? ESCAPE '\\' THEN 10 ELSE 0 END + ts_rank(grams, CAST(? AS tsquery))) "
    "AS s FROM catalog_search WHERE grams @@ CAST(? AS tsquery)";

PublicItem PublicFromRow(const db::Row& r) {
  PublicItem p;
  p.entry_id = r.Int(0);
  p.code = r.Text(1);
  p.name = r.Text(2);
  p.department_id = r.Int(3);
  p.power_type = r.Text(4);
  p.level = r.Text(5);
  p.audience = SplitPipes(r.Text(6));
  p.themes = SplitPipes(r.Text(7));
  p.committed_limit_days = static_cast<int>(r.Int(8));
  p.statutory_limit_days = static_cast<int>(r.Int(9));
  p.immediate = r.Bool(10);
  p.visits = static_cast<int>(r.Int(11));
  p.online_depth = static_cast<int>(r.Int(12));
  p.snippet = r.Text(13);
  return p;
}

// One term's (entry_id, s) subquery and its parameters. Terms hold only letters and digits
// (QueryTerms), so quoting them into FTS5 phrases and tsquery lexemes is safe.
std::string TermQuery(db::Dialect dialect, const std::string& term, db::Params& params) {
  const bool long_term = CodePoints(term) >= 3;
  // A short term is one token of the gram text as written: a character, a pair, or an ASCII word.
  std::string lexeme = term;
  for (auto& c : lexeme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (dialect == db::Dialect::kSqlite) {
    params.push_back("\"" + lexeme + "\"");
    return long_term ? kSqliteLongTerm : kSqliteShortTerm;
  }
  const std::string like = LikeContains(term);
  if (long_term) {
    params.insert(params.end(), {like, term, like, like});
    return kPgLongTerm;
  }
  params.insert(params.end(), {like, "'" + lexeme + "'", "'" + lexeme + "'"});
  return kPgShortTerm;
}

}  // namespace

void UpsertPublic(db::Tx& tx, const PublicItem& p, const std::string& body) {
  DeletePublic(tx, p.entry_id);
  tx.Exec(kInsertPublic, {p.entry_id, p.code, p.name, p.department_id, p.power_type, p.level, JoinPipes(p.audience),
                          JoinPipes(p.themes), p.committed_limit_days, p.statutory_limit_days, p.immediate, p.visits,
                          p.online_depth, p.snippet});
  if (tx.dialect() == db::Dialect::kSqlite) {
    tx.Exec("INSERT INTO catalog_search_tri (rowid, name, body) VALUES (?, ?, ?)", {p.entry_id, p.name, body});
    tx.Exec("INSERT INTO catalog_search_gram (rowid, name, body) VALUES (?, ?, ?)",
            {p.entry_id, GramText(p.name), GramText(body)});
  } else {
    // Gram text never holds empty tokens, so string_to_array gives array_to_tsvector what it accepts.
    tx.Exec("INSERT INTO catalog_search (entry_id, name, body, grams) VALUES (?, ?, ?, "
            "array_to_tsvector(string_to_array(?, ' ')))",
            {p.entry_id, p.name, body, GramText(p.name + " " + body)});
  }
}

void DeletePublic(db::Tx& tx, std::int64_t entry_id) {
  tx.Exec("DELETE FROM catalog_public WHERE entry_id = ?", {entry_id});
  if (tx.dialect() == db::Dialect::kSqlite) {
    tx.Exec("DELETE FROM catalog_search_tri WHERE rowid = ?", {entry_id});
    tx.Exec("DELETE FROM catalog_search_gram WHERE rowid = ?", {entry_id});
  } else {
    tx.Exec("DELETE FROM catalog_search WHERE entry_id = ?", {entry_id});
  }
}

void ClearPublic(db::Tx& tx) {
  tx.Exec("DELETE FROM catalog_public");
  if (tx.dialect() == db::Dialect::kSqlite) {
    tx.Exec("DELETE FROM catalog_search_tri");
    tx.Exec("DELETE FROM catalog_search_gram");
  } else {
    tx.Exec("DELETE FROM catalog_search");
  }
}

std::vector<PublicItem> SearchPublic(db::Tx& tx, const PublicFilter& f, const http::Paging& paging,
                                     std::int64_t* total) {
  db::Params params;
  std::string from = " FROM catalog_public p";
  std::string score;
  const auto terms = QueryTerms(f.q);
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const std::string alias = "t" + std::to_string(i);
    from += " JOIN (" + TermQuery(tx.dialect(), terms[i], params) + ") " + alias + " ON " + alias +
            ".entry_id = p.entry_id";
    score += (score.empty() ? "" : " + ") + alias + ".s";
  }
  std::string where = " WHERE 1 = 1";
  if (!f.audience.empty()) {
    where += " AND p.audience LIKE ? ESCAPE '\\'";
    params.push_back(LikeContains("|" + f.audience + "|"));
  }
  if (!f.theme.empty()) {
    where += " AND p.themes LIKE ? ESCAPE '\\'";
    params.push_back(LikeContains("|" + f.theme + "|"));
  }
  if (f.department_id) {
    where += " AND p.department_id = ?";
    params.push_back(*f.department_id);
  }
  // One statement answers the page and the total (COUNT(*) OVER ()), so the index is read once.
  const std::string order = score.empty() ? "p.code" : "score, p.code";
  const std::string sql = std::string("SELECT ") + kPublicColumns + ", COUNT(*) OVER ()" +
                          (score.empty() ? "" : ", " + score + " AS score") + from + where + " ORDER BY " + order +
                          " LIMIT " + std::to_string(paging.size) + " OFFSET " + std::to_string(paging.offset());
  const auto result = tx.Query(sql, params);
  std::vector<PublicItem> out;
  for (const auto& r : result.rows) out.push_back(PublicFromRow(r));
  if (!result.rows.empty()) {
    *total = result.rows.front().Int(14);
  } else if (paging.page == 1) {
    *total = 0;
  } else {  // past the last page: count separately
    *total = tx.QueryOne("SELECT COUNT(*)" + from + where, params)->Int(0);
  }
  return out;
}

std::optional<PublicItem> FindPublic(db::Tx& tx, const std::string& code) {
  auto row = tx.QueryOne(std::string("SELECT ") + kPublicColumns + " FROM catalog_public p WHERE p.code = ?", {code});
  if (!row) return std::nullopt;
  return PublicFromRow(*row);
}

std::vector<std::pair<std::string, Count>> PublicThemeCounts(db::Tx& tx) {
  // Few distinct (audience, themes) combinations: group in SQL, split the lists here.
  std::map<std::pair<std::string, std::string>, std::int64_t> counts;
  for (const auto& r : tx.Query("SELECT audience, themes, COUNT(*) FROM catalog_public GROUP BY audience, themes").rows)
    for (const auto& audience : SplitPipes(r.Text(0)))
      for (const auto& theme : SplitPipes(r.Text(1))) counts[{audience, theme}] += r.Int(2);
  std::vector<std::pair<std::string, Count>> out;
  for (const auto& [key, n] : counts) out.push_back({key.first, {key.second, n}});
  return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> PublicDepartmentCounts(db::Tx& tx) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& r :
       tx.Query("SELECT department_id, COUNT(*) FROM catalog_public GROUP BY department_id ORDER BY COUNT(*) DESC").rows)
    out.push_back({r.Int(0), r.Int(1)});
  return out;
}

}  // namespace tongban::catalog::store
