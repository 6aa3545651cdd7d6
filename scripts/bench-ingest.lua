-- wrk script: sends pre-signed distinct webhook bodies ("path<TAB>header<TAB>value<TAB>body" lines). Each wrk
-- thread takes every n-th line, so no body is sent twice across threads; a thread that runs out of bodies
-- starts over, and done() says how many requests reused a body (0 for a valid measurement of unique events).
local bodies = {}
local i = 0
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local n = 0
  local nthreads = tonumber(args[2]) or 1
  for line in io.lines(args[1]) do
    if n % nthreads == id then
      local path, header, value, body = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t(.*)$")
      bodies[#bodies + 1] = wrk.format("POST", path, { ["Content-Type"] = "application/json", [header] = value }, body)
    end
    n = n + 1
  end
  bodies_count = #bodies
  sent = 0
end

function request()
  i = i % #bodies + 1
  sent = sent + 1
  return bodies[i]
end

function done(summary, latency, requests)
  local unique = 0
  local reused = 0
  for _, t in ipairs(threads) do
    local c = t:get("bodies_count")
    local s = t:get("sent")
    unique = unique + c
    if s > c then reused = reused + (s - c) end
  end
  io.write(string.format("bodies: %d unique, requests reusing a body: %d\n", unique, reused))
end
