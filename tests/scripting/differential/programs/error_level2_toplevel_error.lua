-- Ends in an error on purpose: error(msg, 2) at the top level of the
-- chunk; level 2 is whoever called the chunk (the host, from C), so no
-- position is added.
error("blame the caller", 2)
