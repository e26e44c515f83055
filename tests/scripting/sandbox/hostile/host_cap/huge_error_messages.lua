-- expect: error: (8388608 bytes in all)
-- An 8 MiB error message: the host keeps a bounded copy.
error(("m"):rep(8388608), 0)
