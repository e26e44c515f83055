local r = {}
for i = 1, 6 do
  if i % 2 == 0 then goto continue end
  local odd = i
  r[#r + 1] = odd
  ::continue::
end
local k = 0
::top:: k = k + 1 if k < 3 then goto top end
do goto out local z = 1 ::out:: end
return table.concat(r, ','), k
