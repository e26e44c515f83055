-- expect: error: read_undefined.lua:2: undefined global "undefined_thing"
return undefined_thing
