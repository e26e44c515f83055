local a = [==[
x]]y]=]z]==]
local b = '\65\x42\u{43}\u{20AC}\z   
  end'
--[=[ while true do end ]] ]=]
return a, b, #a, [[do]] .. "function"
