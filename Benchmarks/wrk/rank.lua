-- wrk script for scripts/load-test: POST /api/v1/rank with a requirements document.
--   SOVEREIGN_REQUIREMENTS  the document (default examples/health-data-warehouse.yaml)
--   SOVEREIGN_DISTINCT=1    append a different comment to every request, so none is answered
--                           from the server's cache of rendered rankings (each one is ranked)
-- Prints one JSON line (prefixed "RESULT ") with the counts and latency percentiles.
local path = os.getenv("SOVEREIGN_REQUIREMENTS") or "examples/health-data-warehouse.yaml"
local file = assert(io.open(path, "rb"))
local body = file:read("*a")
file:close()

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/yaml"

local distinct = os.getenv("SOVEREIGN_DISTINCT") == "1"
local counter = 0

function setup(thread)
  thread:set("id", tostring(thread))
end

function request()
  if distinct then
    counter = counter + 1
    return wrk.format(nil, nil, nil, body .. "\n# request " .. (id or "") .. " " .. counter .. "\n")
  end
  return wrk.format()
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local non2xx = summary.errors.status
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %.2f, "requests_per_second": %.1f, "p50_ms": %.2f, "p90_ms": %.2f, '
      .. '"p99_ms": %.2f, "max_ms": %.2f, "non_2xx": %d, "socket_errors": %d, "bytes": %d}\n',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, non2xx,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.bytes))
end
