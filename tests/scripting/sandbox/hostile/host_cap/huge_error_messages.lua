-- expect: error: (4194304 bytes in all)
-- A 4 MiB error message: the host keeps a bounded copy.
error(("m"):rep(4194304), 0)
