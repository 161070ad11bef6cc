-- wrk script for the benchmark (scripts/bench/wrk.ts): requests come from a file, one a line (a path, then
-- tab-separated "Name: value" headers), are built once in init() and picked at random in request(); done()
-- prints one line of JSON for the runner, with the latency distribution as 1,000 quantiles.
local requests = {}
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  -- A different but repeatable sequence per thread.
  math.randomseed(thread_number or 1)
  for line in io.lines(args[1]) do
    local fields = {}
    for field in string.gmatch(line, "[^\t]+") do fields[#fields + 1] = field end
    local headers = {}
    for name, value in pairs(wrk.headers) do headers[name] = value end
    for i = 2, #fields do
      local name, value = string.match(fields[i], "^([^:]+):%s*(.*)$")
      headers[name] = value
    end
    requests[#requests + 1] = wrk.format("GET", fields[1], headers)
  end
end

function request()
  return requests[math.random(#requests)]
end

function done(summary, latency, _)
  local quantiles = {}
  for i = 1, 1000 do quantiles[i] = string.format("%d", latency:percentile(i / 10)) end
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"durationUs":%d,"bytes":%d,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"quantilesUs":[%s]}\n',
    summary.requests, summary.duration, summary.bytes, e.status, e.connect, e.read, e.write, e.timeout,
    table.concat(quantiles, ",")))
end
