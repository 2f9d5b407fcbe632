-- Chinese full-text search over the published catalogue (TOOLING.md: a trigram index answers
-- only terms of three or more characters; most Chinese words are two). Two FTS5 tables keyed by
-- entry id: `catalog_search_tri` (trigram tokenizer) answers long terms, `catalog_search_gram`
-- holds the same text rewritten as single characters and overlapping pairs (src/catalog/search.cpp)
-- for the unicode61 tokenizer, and answers one- and two-character terms.
CREATE VIRTUAL TABLE catalog_search_tri USING fts5(name, body, tokenize = 'trigram');
CREATE VIRTUAL TABLE catalog_search_gram USING fts5(name, body, tokenize = 'unicode61');
