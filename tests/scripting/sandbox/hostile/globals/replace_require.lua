-- expect: error: replace_require.lua:5: undefined global "require"
-- require is this script's own (every script has its own): removing it harms no one else, and
-- the name does not fall through to anything but the sandbox's globals.
require = nil
return require("canarylib")
