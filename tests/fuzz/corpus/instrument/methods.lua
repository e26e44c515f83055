local a = {b = {}}
function a.b:c(x, ...) return self == a.b, x, select('#', ...) end
function a.f(...) local t = {...} return #t end
return a.b:c(1, 2, 3), a.f(nil, nil)
