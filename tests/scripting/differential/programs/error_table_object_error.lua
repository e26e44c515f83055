-- Ends in an error on purpose: the error object is a table, so the runner
-- reports "(error object is a table value)".
local payload = { code = 42 }
error(payload)
