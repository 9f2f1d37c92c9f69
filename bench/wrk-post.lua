-- wrk script for bench/gateway.sh: POSTs the body in $WRK_BODY_FILE with the extra headers in $WRK_HEADERS
-- ("Name: value" lines) and prints one JSON line of counts and latency percentiles (ms) when the run ends.
-- wrk counts a status >= 400 as an error (summary.errors.status); socket errors are connect/read/write/timeout.
local file = assert(io.open(os.getenv("WRK_BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = (file:read("*a"):gsub("%s+$", ""))
file:close()
wrk.headers["Content-Type"] = "application/json"
for line in (os.getenv("WRK_HEADERS") or ""):gmatch("[^\n]+") do
  local name, value = line:match("^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local ms = function(p) return latency:percentile(p) / 1000 end
  io.write(string.format(
    '{"requests":%d,"ok":%d,"non2xx":%d,"socket_errors":%d,"seconds":%.3f,"rps":%.1f,' ..
    '"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"p999_ms":%.3f,"max_ms":%.3f}\n',
    summary.requests, summary.requests - e.status, e.status, e.connect + e.read + e.write + e.timeout,
    seconds, summary.requests / seconds, ms(50), ms(90), ms(99), ms(99.9), latency.max / 1000))
end
