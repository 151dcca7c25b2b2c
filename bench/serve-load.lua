-- wrk script of bench/serve-load.sh: a mixed load over a list of request paths.
--
-- usage: SERVE_LOAD_PATHS=FILE SERVE_LOAD_RESULT=JSON wrk ... -s bench/serve-load.lua URL
--   SERVE_LOAD_PATHS   one request path a line (`/api/v1/search?q=...`); blank
--                      lines and lines starting with # are skipped
--   SERVE_LOAD_RESULT  written at the end: requests, latency percentiles, errors
-- (The environment, not wrk's `-- ARGS`: wrk hands those only to the threads'
-- `init`, and `done`, which writes the result, runs in its main Lua state.)
--
-- Every connection sends the next path of the list, so the clients go round the
-- whole mix; each wrk thread starts at a different place in it, so the threads
-- do not ask the same thing at the same moment. wrk counts only statuses of 400
-- and above as errors; `response` counts every status, so that 3xx answers show
-- too (the API sends none).

local paths = {}
local next_path = 1
-- Global, not local: `thread:get` reads globals.
statuses = {}
local threads = {}
local thread_count = 0

-- Runs once per wrk thread, in the main Lua state: number the threads.
function setup(thread)
   thread_count = thread_count + 1
   thread:set("thread_number", thread_count)
   table.insert(threads, thread)
end

-- Runs in each thread's own Lua state.
function init(args)
   local name = env("SERVE_LOAD_PATHS")
   local file = assert(io.open(name, "r"), "cannot read the paths file " .. name)
   for line in file:lines() do
      if line:match("%S") and not line:match("^%s*#") then
         table.insert(paths, line)
      end
   end
   file:close()
   assert(#paths > 0, "no request paths in " .. name)
   local step = math.max(1, math.floor(#paths / 2))
   next_path = ((thread_number - 1) * step) % #paths + 1
end

function request()
   local path = paths[next_path]
   next_path = next_path % #paths + 1
   return wrk.format("GET", path)
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

-- Runs once at the end, in the main Lua state. Latencies are in microseconds.
function done(summary, latency, requests)
   local counts = {}
   for _, thread in ipairs(threads) do
      for status, n in pairs(thread:get("statuses")) do
         counts[status] = (counts[status] or 0) + n
      end
   end
   local non_2xx = 0
   local status_parts = {}
   for status, n in pairs(counts) do
      if status < 200 or status > 299 then
         non_2xx = non_2xx + n
      end
      table.insert(status_parts, string.format('"%d": %d', status, n))
   end
   local e = summary.errors
   local out = assert(io.open(env("SERVE_LOAD_RESULT"), "w"))
   out:write(string.format([[{
  "requests": %d,
  "duration_us": %d,
  "bytes": %d,
  "latency_us": {"min": %d, "mean": %.1f, "stdev": %.1f, "p50": %d, "p90": %d, "p99": %d, "p999": %d, "max": %d},
  "statuses": {%s},
  "non_2xx": %d,
  "socket_errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d},
  "wrk_status_errors": %d
}
]],
      summary.requests, summary.duration, summary.bytes,
      latency.min, latency.mean, latency.stdev,
      latency:percentile(50), latency:percentile(90), latency:percentile(99),
      latency:percentile(99.9), latency.max,
      table.concat(status_parts, ", "), non_2xx,
      e.connect, e.read, e.write, e.timeout, e.status))
   out:close()
end

function env(name)
   return assert(os.getenv(name), name .. " is not set")
end
