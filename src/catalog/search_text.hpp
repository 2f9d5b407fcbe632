#pragma once
// Chinese search text (TOOLING.md: trigram indexes find nothing for one- and two-character words,
// and most Chinese words are two characters). Pure functions; thread-safe.
//
// Documents are indexed twice: as they are, under a trigram index (FTS5 `trigram` / pg_trgm) that
// answers terms of three or more characters, and as "gram text" — each run of Chinese characters
// rewritten as its single characters and its overlapping pairs, ASCII words kept whole and
// lower-cased, space-separated — under a word index (FTS5 `unicode61` / a tsvector) that answers
// the shorter terms exactly.
#include <string>
#include <string_view>
#include <vector>

namespace tongban::catalog {

// The gram text of `text` (see above). "食品经营" → "食 食品 品 品经 经 经营 营".
std::string GramText(std::string_view text);

// The user's query as search terms: split on spaces and punctuation (ASCII and Chinese), empty
// parts dropped, at most `max_terms` terms of at most 32 characters each, in order. The terms
// hold only letters and digits, so they can be quoted into FTS5 and tsquery syntax safely.
std::vector<std::string> QueryTerms(std::string_view query, std::size_t max_terms = 6);

// The everyday short forms people search for whose full forms `text` contains (社会保险 → 社保,
// 医疗保险 → 医保, 个体工商户 → 个体户 ...), space-separated: indexed beside the document, so a
// search for the short form finds the official wording.
std::string ShortFormsIn(std::string_view text);

// The first `n` characters (code points) of `text`, never cutting one in half.
std::string FirstCodePoints(std::string_view text, std::size_t n);

// Characters (code points) in a valid UTF-8 string.
std::size_t CodePoints(std::string_view text);

}  // namespace tongban::catalog
