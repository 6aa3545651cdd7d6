-- wrk script: cycles through pre-signed distinct webhook bodies ("signature<TAB>body" lines).
local bodies = {}
local i = 0
function init(args)
  for line in io.lines(args[1]) do
    local sig, body = line:match("^([^\t]+)\t(.*)$")
    bodies[#bodies + 1] = wrk.format("POST", "/webhooks/meta",
      { ["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = sig }, body)
  end
  i = math.random(#bodies)
end
function request()
  i = i % #bodies + 1
  return bodies[i]
end
