-- Identity 身份: departments, users and roles, applicants, sessions, API keys, the login log.
-- See src/identity/model.hpp for the words; personal data is sealed by platform/pii.
CREATE TABLE departments (
  id @ID@,
  parent_id BIGINT REFERENCES departments (id),
  name TEXT NOT NULL,
  division_code TEXT NOT NULL,           -- GB/T 2260, 6 or 9 digits
  is_service_hall INTEGER NOT NULL DEFAULT 0,
  sort INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX departments_sibling_name ON departments (COALESCE(parent_id, 0), name);
CREATE INDEX departments_parent ON departments (parent_id);

-- Built-in roles are rows too (users reference them); their permissions live in code
-- (src/identity/permissions.cpp), role_permissions holds those of roles administrators create.
CREATE TABLE roles (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  data_scope TEXT NOT NULL CHECK (data_scope IN ('own', 'children', 'all')),
  builtin INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE TABLE role_permissions (
  role_id BIGINT NOT NULL REFERENCES roles (id),
  permission TEXT NOT NULL,
  PRIMARY KEY (role_id, permission)
);
INSERT INTO roles (code, name_zh, name_en, data_scope, builtin, created_at) VALUES
  ('admin', '系统管理员', 'System administrator', 'all', 1, 0),
  ('hall_supervisor', '大厅负责人', 'Hall supervisor', 'children', 1, 0),
  ('window_clerk', '综合窗口人员', 'Window clerk', 'children', 1, 0),
  ('reviewer', '审查人员', 'Reviewer', 'own', 1, 0),
  ('approver', '审批人员', 'Approver', 'own', 1, 0),
  ('department_head', '部门负责人', 'Department head', 'children', 1, 0),
  ('inspector', '执法检查人员', 'Inspector', 'own', 1, 0),
  ('dispatcher', '12345派单员', '12345 dispatcher', 'all', 1, 0),
  ('handler', '诉求承办人员', 'Demand handler', 'own', 1, 0),
  ('leader', '领导', 'Leader', 'all', 1, 0),
  ('applicant', '申请人', 'Applicant', 'own', 1, 0),
  ('system', '系统', 'System', 'all', 1, 0);

CREATE TABLE users (
  id @ID@,
  username TEXT NOT NULL UNIQUE,         -- stored lower-case
  display_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('staff', 'applicant')),
  department_id BIGINT REFERENCES departments (id),   -- required for staff
  password_hash TEXT NOT NULL,           -- libsodium crypto_pwhash_str (argon2id)
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  phone_sealed @BLOB@,
  phone_index TEXT,
  phone_masked TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX users_department ON users (department_id);
CREATE INDEX users_phone_index ON users (phone_index);
CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users (id),
  role_id BIGINT NOT NULL REFERENCES roles (id),
  PRIMARY KEY (user_id, role_id)
);
CREATE INDEX user_roles_role ON user_roles (role_id);

-- Applicants 申请人: natural persons 自然人 (ID number) and legal persons 法人 (credit code).
CREATE TABLE applicants (
  id @ID@,
  user_id BIGINT NOT NULL UNIQUE REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind IN ('natural', 'legal')),
  name TEXT NOT NULL,                    -- the person's or the organisation's name
  id_number_sealed @BLOB@,               -- natural person, or a legal person's representative
  id_number_index TEXT,
  id_number_masked TEXT NOT NULL DEFAULT '',
  credit_code TEXT UNIQUE,               -- legal person (public by law, not sealed)
  verified INTEGER NOT NULL DEFAULT 0,
  verified_at BIGINT,
  verified_by TEXT,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX applicants_natural_id ON applicants (id_number_index) WHERE kind = 'natural';

CREATE TABLE sessions (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES users (id),
  token_hash TEXT NOT NULL UNIQUE,       -- SHA-256 hex of the cookie's token; the token is never stored
  csrf_token TEXT NOT NULL,
  client_addr TEXT NOT NULL,
  user_agent TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,            -- sliding: last_seen_at + auth.session_hours
  revoked_at BIGINT
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_keys (
  id @ID@,
  name TEXT NOT NULL,
  prefix TEXT NOT NULL,                  -- the first characters, to recognise a key in lists
  key_hash TEXT NOT NULL UNIQUE,         -- SHA-256 hex of the whole key
  scope TEXT NOT NULL,                   -- permissions, space-separated, sorted
  created_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT,
  revoked_at BIGINT,
  last_used_at BIGINT
);

CREATE TABLE login_log (
  id @ID@,
  at BIGINT NOT NULL,
  username TEXT NOT NULL,
  user_id BIGINT,
  result TEXT NOT NULL CHECK (result IN ('success', 'failure', 'locked')),
  client_addr TEXT NOT NULL,
  user_agent TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX login_log_username ON login_log (username, at);
CREATE INDEX login_log_at ON login_log (at);

-- Failures in a row per account and client address, and the lock they led to.
CREATE TABLE login_counters (
  username TEXT NOT NULL,
  client_addr TEXT NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,
  locked_until BIGINT,
  PRIMARY KEY (username, client_addr)
);
