-- wrk script for bench/05_cases.sh: every request creates and submits a case in one call
-- (POST /api/v1/cases with "submit": true), rotating over the logged-in demo companies. The
-- sessions file (CASES_SESSIONS, written by the script after logging each company in) returns
-- { { cookie = "tb_session=...", csrf = "...", body = "{...}" }, ... }: each company's own name
-- and credit code in the form. Answers other than 201 are counted and printed by done(), so the
-- script can refuse a run that was not all real submissions.
local sessions = dofile(os.getenv("CASES_SESSIONS"))
local requests = {}
local i = 0
-- Globals, so done() can read each thread's through thread:get().
not_created = 0
sample = nil

function init(args)
  for _, s in ipairs(sessions) do
    requests[#requests + 1] = wrk.format("POST", "/api/v1/cases", {
      ["Content-Type"] = "application/json",
      ["Cookie"] = s.cookie,
      ["x-csrf-token"] = s.csrf,
    }, s.body)
  end
end

function request()
  i = i + 1
  return requests[(i % #requests) + 1]
end

function response(status, headers, body)
  if status ~= 201 then
    not_created = not_created + 1
    if not sample then sample = status .. " " .. body:sub(1, 300) end
  end
end

local threads = {}
function setup(thread) threads[#threads + 1] = thread end

function done(summary, latency, _)
  local bad, first = 0, nil
  for _, t in ipairs(threads) do
    bad = bad + t:get("not_created")
    first = first or t:get("sample")
  end
  io.write(string.format("not created: %d\n", bad))
  if first then io.write("first refusal: " .. first .. "\n") end
end
