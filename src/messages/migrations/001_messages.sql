-- The in-app message centre 消息中心: every notice reaches its user here, and through the outbound
-- sender (SMS / e-mail; the default writes to the log) by the job messages.send.
CREATE TABLE messages (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  read_at BIGINT
);
CREATE INDEX messages_user ON messages (user_id, id);
