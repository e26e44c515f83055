-- Each kind of bad command, chosen by the damage of the hit.
return {
  name = "Bad", hp = 100, speed = 100, radius = 10, color = "#ffffff", score = 1,
  think = function(self, world) return 0, 0 end,
  on_hit = function(self, damage, source)
    if damage == 1 then arena.spawn("nope", 1, 2) end
    if damage == 2 then arena.spawn("bad", 0 / 0, 2) end
    if damage == 3 then self.hp = 1000 end
    if damage == 4 then self:damage(-1) end
    if damage == 5 then arena.add_score(1e9) end
    if damage == 6 then arena.spawn("bad", 1, 2, { speed = 5 }) end
    if damage == 7 then source.x = 5 end
    if damage == 8 then WEAK = 1 end
    if damage == 9 then while true do end end
  end,
}
