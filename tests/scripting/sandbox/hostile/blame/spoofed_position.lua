-- expect: error: enemies/other.lua:7: not me
-- A message naming another script's line: the host files it under this one (from the stack).
error("enemies/other.lua:7: not me", 0)
