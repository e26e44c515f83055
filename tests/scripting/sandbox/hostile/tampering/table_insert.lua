-- expect: error: attempt to modify read-only library table 'table'
table.insert = nil
