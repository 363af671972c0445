-- POST /v1/guarantee/exposures with a new loan and a new enterprise on every request,
-- round-robin over the guarantors in WRK_GUARANTORS ("key|agreement_id,key|agreement_id,...").
--   WRK_TAG   unique per run (loan_ref is unique per bank)
--   WRK_SEED  integer, the first USCC body number of this run
-- Ends with the same WRK_JSON line as report.lua.

local ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
local WEIGHTS = {}
do
   local w = 1
   for i = 1, 17 do
      WEIGHTS[i] = w
      w = (w * 3) % 31
   end
end

-- GB 32100: 91 (enterprise), 620100 (Lanzhou), nine body characters, check character.
local function uscc(n)
   local body = {}
   for i = 9, 1, -1 do
      local d = n % 31
      n = math.floor(n / 31)
      body[i] = ALPHABET:sub(d + 1, d + 1)
   end
   local first17 = "91620100" .. table.concat(body)
   local total = 0
   for i = 1, 17 do
      total = total + (ALPHABET:find(first17:sub(i, i), 1, true) - 1) * WEIGHTS[i]
   end
   local c = (31 - total % 31) % 31
   return first17 .. ALPHABET:sub(c + 1, c + 1)
end

local guarantors = {}
for entry in string.gmatch(os.getenv("WRK_GUARANTORS") or "", "[^,]+") do
   local key, agreement = entry:match("([^|]+)|(.+)")
   guarantors[#guarantors + 1] = { auth = "Bearer " .. key, agreement = agreement }
end
local tag = os.getenv("WRK_TAG") or "run"
local seed = tonumber(os.getenv("WRK_SEED") or "0")

local threads = 0
function setup(thread)
   thread:set("tid", threads)
   threads = threads + 1
end

local counter = 0
function request()
   counter = counter + 1
   local g = guarantors[(counter % #guarantors) + 1]
   local n = seed + tid * 100000000 + counter
   local body = string.format(
      '{"agreement_id":"%s","loan_ref":"%s-%d-%d","uscc":"%s","principal_fen":10000000,'
         .. '"small_micro":true,"fee_rate_bp":80,"start_date":"2026-01-10","maturity_date":"2027-01-10"}',
      g.agreement, tag, tid, counter, uscc(n))
   return wrk.format("POST", "/v1/guarantee/exposures",
      { ["Authorization"] = g.auth, ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,'
         .. '"status":%d,"timeout":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"mean_us":%.1f,"max_us":%d}\n',
      summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
      e.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99),
      latency.mean, latency.max))
end
