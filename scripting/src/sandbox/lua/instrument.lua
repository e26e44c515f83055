-- TEMPORARY: the old token-level instrumenter, emitting the new check form until the C++
-- instrumenter (sandbox/instrumenter.cpp) replaces it.
-- instrument.lua: makes every loop and function of a script pay into the VM's CPU budget.
--
-- LuaJIT never runs debug hooks inside compiled traces, so a count hook cannot stop
-- `while true do end` once it is compiled. Instead a check is written into the source, on the
-- same line (line numbers in errors stay right), after every `do` (the body of every while/for),
-- every `repeat`, every function's parameter list and every `::label::` (goto loops):
--
--   __sb_q[0]=__sb_q[0]-1 if __sb_q[0]<0 then __sb_slow() end
--
-- __sb_q is an int32 counter in memory the host shares (an immutable upvalue, so the JIT turns
-- the check into four instructions); __sb_slow runs every REFILL checks and decides whether the
-- budget is spent. The instrumented chunk is wrapped as
--   return function(__sb_q, __sb_slow) return function(...) <source>
--   end end
-- The caller must compile the raw source first: only a chunk that compiles on its own can be
-- wrapped without its text escaping the wrapper (e.g. an `end` too many).
--
-- Returns instrument(source) -> text | nil, message.
local byte, sub, find, concat = string.byte, string.sub, string.find, table.concat

local CHECK = " __sb_c(); "

local B_DASH, B_LBRACKET, B_EQ, B_QUOTE, B_DQUOTE, B_BACKSLASH = 45, 91, 61, 39, 34, 92
local B_NL, B_COLON, B_LPAREN, B_RPAREN = 10, 58, 40, 41

-- If a long bracket ([[, [=[, ...) opens at i, returns the position just after its closing
-- bracket (or nil if unterminated), else false.
local function long_bracket_end(s, i)
  if byte(s, i) ~= B_LBRACKET then return false end
  local j = i + 1
  while byte(s, j) == B_EQ do j = j + 1 end
  if byte(s, j) ~= B_LBRACKET then return false end
  local level = j - i - 1
  local close = "]" .. string.rep("=", level) .. "]"
  local _, e = find(s, close, j + 1, true)
  return e and e + 1 or nil
end

local function instrument(s)
  local out, n = {}, 0
  local last = 1            -- s[last..] not yet copied to out
  local i, len = 1, #s
  local in_params = false    -- between `function ... (` and its `)`
  local await_params = false -- after `function`, before its `(`

  local function emit_after(pos) -- insert CHECK after s[pos]
    n = n + 1; out[n] = sub(s, last, pos)
    n = n + 1; out[n] = CHECK
    last = pos + 1
  end

  while i <= len do
    local c = byte(s, i)
    if c == B_DASH and byte(s, i + 1) == B_DASH then -- comment
      local e = long_bracket_end(s, i + 2)
      if e then i = e
      elseif e == nil then return nil, "unfinished long comment"
      else
        local nl = find(s, "\n", i + 2, true)
        i = nl and nl + 1 or len + 1
      end
    elseif c == B_QUOTE or c == B_DQUOTE then -- short string
      local j = i + 1
      while true do
        local d = byte(s, j)
        if d == nil or d == B_NL then return nil, "unfinished string" end
        if d == B_BACKSLASH then j = j + 2
        elseif d == c then break
        else j = j + 1 end
      end
      i = j + 1
    elseif c == B_LBRACKET and long_bracket_end(s, i) ~= false then -- long string
      local e = long_bracket_end(s, i)
      if not e then return nil, "unfinished long string" end
      i = e
    elseif find(s, "^[%a_]", i) then -- name or keyword
      local _, e = find(s, "^[%w_]*", i + 1)
      local word = sub(s, i, e)
      if sub(word, 1, 5) == "__sb_" then
        return nil, "names starting with '__sb_' are reserved"
      end
      if word == "do" or word == "repeat" then
        emit_after(e)
      elseif word == "function" then
        await_params = true
      end
      i = e + 1
    elseif find(s, "^%d", i) or (c == 46 and find(s, "^%.%d", i)) then -- number (with LuaJIT suffixes)
      local _, e = find(s, "^[%w_%.]*", i)
      -- exponents with signs: 1e-5
      while find(s, "^[eEpP][%+%-]", e) do
        local _, e2 = find(s, "^[%w_%.]*", e + 2)
        e = e2
      end
      i = e + 1
    elseif c == B_COLON and byte(s, i + 1) == B_COLON then -- ::label::
      local _, e = find(s, "^::%s*[%a_][%w_]*%s*::", i)
      if not e then return nil, "malformed label" end
      emit_after(e)
      i = e + 1
    else
      if c == B_LPAREN and await_params then
        await_params, in_params = false, true
      elseif c == B_RPAREN and in_params then
        in_params = false
        emit_after(i)
      end
      i = i + 1
    end
  end
  n = n + 1; out[n] = sub(s, last)
  return "local __sb_c=__sb_g;" .. concat(out, "", 1, n), "__sb_c", "__sb_g"
end

return instrument
