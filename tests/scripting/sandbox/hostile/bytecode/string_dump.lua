-- expect: result: nil
-- No string.dump: no way to make bytecode in the first place.
return string.dump
