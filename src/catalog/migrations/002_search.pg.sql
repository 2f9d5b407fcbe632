-- Chinese full-text search over the published catalogue (see 002_search.sqlite.sql): pg_trgm
-- indexes answer terms of three or more characters through ILIKE; a tsvector of single characters
-- and overlapping pairs (built in src/catalog/search.cpp, name weighted A) answers shorter ones.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE catalog_search (
  entry_id BIGINT PRIMARY KEY,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  grams TSVECTOR NOT NULL
);
CREATE INDEX catalog_search_name_trgm ON catalog_search USING gin (name gin_trgm_ops);
CREATE INDEX catalog_search_body_trgm ON catalog_search USING gin (body gin_trgm_ops);
CREATE INDEX catalog_search_grams ON catalog_search USING gin (grams);
