-- wrk script for bench/02_identity.sh: every request logs the demo administrator in with the right
-- password (so the lockout never trips); each success writes a session, a login-log row and an
-- audit record, as a real login does.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"username":"admin","password":"Tongban@2026"}'
