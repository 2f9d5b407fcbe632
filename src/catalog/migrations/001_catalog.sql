-- Catalogue 事项目录 (DOMAIN.md "Catalogue of services and the lists"): base items, their
-- implementation entries by department, each entry's versions, the dated changes 动态调整, and
-- the licence types 证照目录. See src/catalog/model.hpp for the words.

-- The base item 基本目录事项: one code and the standard elements at every level.
CREATE TABLE catalog_base_items (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  power_type TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  audience TEXT NOT NULL,                -- '|natural|legal|': searchable with LIKE on both stores
  themes TEXT NOT NULL,                  -- '|开办企业|食品药品|'
  levels TEXT NOT NULL,                  -- '|city|district|'
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE catalog_licence_types (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  issuing_department_id BIGINT NOT NULL REFERENCES departments (id),
  holder_type TEXT NOT NULL CHECK (holder_type IN ('natural', 'legal', 'both')),
  validity_years INTEGER,                -- NULL: 长期有效
  fields_schema TEXT NOT NULL,           -- JSON Schema draft-07 of the licence's fields
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- The implementation entry 实施清单事项: a base item as one department implements it.
CREATE TABLE catalog_entries (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  base_item_id BIGINT NOT NULL REFERENCES catalog_base_items (id),
  department_id BIGINT NOT NULL REFERENCES departments (id),
  division_code TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('city', 'district', 'street')),
  status TEXT NOT NULL CHECK (status IN ('active', 'cancelled', 'delegated')),
  handled_since TEXT NOT NULL,           -- Shanghai date the department began handling it
  ended_on TEXT,                         -- date it was cancelled or delegated away
  origin_entry_id BIGINT REFERENCES catalog_entries (id),   -- the higher entry it was delegated from
  published_version_no INTEGER,          -- the version the public sees; NULL when none
  latest_version_no INTEGER NOT NULL,
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX catalog_entries_base ON catalog_entries (base_item_id);
CREATE INDEX catalog_entries_department ON catalog_entries (department_id);

-- An entry's versions. The elements are one JSON document (the guide, the form, the workflow);
-- the figures the statistics and lists need are copied into columns.
CREATE TABLE catalog_versions (
  id @ID@,
  entry_id BIGINT NOT NULL REFERENCES catalog_entries (id),
  version_no INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('draft', 'published', 'superseded', 'withdrawn')),
  elements TEXT NOT NULL,
  statutory_limit_days INTEGER NOT NULL,
  committed_limit_days INTEGER NOT NULL,
  immediate INTEGER NOT NULL,
  visits INTEGER NOT NULL,
  online_depth INTEGER NOT NULL,
  window_category TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  published_at BIGINT,
  withdrawn_at BIGINT,
  UNIQUE (entry_id, version_no),
  CHECK (committed_limit_days <= statutory_limit_days)
);
CREATE UNIQUE INDEX catalog_versions_one_draft ON catalog_versions (entry_id) WHERE state = 'draft';

-- 动态调整: every dated change of an entry.
CREATE TABLE catalog_changes (
  id @ID@,
  entry_id BIGINT NOT NULL REFERENCES catalog_entries (id),
  kind TEXT NOT NULL CHECK (kind IN ('created', 'published', 'withdrawn', 'cancelled', 'delegated', 'taken_over')),
  effective_on TEXT NOT NULL,            -- Shanghai date
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  version_no INTEGER,
  from_department_id BIGINT,
  to_department_id BIGINT,
  related_entry_id BIGINT REFERENCES catalog_entries (id),
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX catalog_changes_entry ON catalog_changes (entry_id);
CREATE INDEX catalog_changes_effective ON catalog_changes (effective_on);

-- The public read model: one row per entry with a published version, what the portal lists and
-- filters on without joins. Kept by the service on publish, withdraw, cancel and delegate.
CREATE TABLE catalog_public (
  entry_id BIGINT PRIMARY KEY REFERENCES catalog_entries (id),
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  department_id BIGINT NOT NULL,
  power_type TEXT NOT NULL,
  level TEXT NOT NULL,
  audience TEXT NOT NULL,
  themes TEXT NOT NULL,
  committed_limit_days INTEGER NOT NULL,
  statutory_limit_days INTEGER NOT NULL,
  immediate INTEGER NOT NULL,
  visits INTEGER NOT NULL,
  online_depth INTEGER NOT NULL,
  snippet TEXT NOT NULL                  -- the start of the conditions, for result lists
);
CREATE INDEX catalog_public_department ON catalog_public (department_id);
