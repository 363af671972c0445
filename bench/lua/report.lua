-- A fixed request (method and body from the environment) and one JSON line at the end.
--   WRK_METHOD     e.g. POST (default GET)
--   WRK_BODY_FILE  a file whose bytes are the request body
-- Headers come from wrk's -H options. bench/wrk.py reads the WRK_JSON line.

local method = os.getenv("WRK_METHOD")
if method and method ~= "" then
   wrk.method = method
end

local body_file = os.getenv("WRK_BODY_FILE")
if body_file and body_file ~= "" then
   local f = assert(io.open(body_file, "rb"))
   wrk.body = f:read("*a")
   f:close()
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
