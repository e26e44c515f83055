-- director.lua: decides what to spawn when. Runs once per tick on the main VM, after the hooks.
--
--   update(state, info) -> wave number (shown in the HUD)
--
-- `state` is the director's own table: it keeps whatever it puts there until the round ends.
-- `info`: tick, time (seconds into the round), round_ticks, score, round, live (enemies alive),
-- width, height, types (the enemy type ids), random (in [0, 1), from the engine).
-- It spawns with arena.spawn(type, x, y [, { hp = n }]).

-- Types join the waves in this order, one more each wave, and lead the wave they join; a missing
-- file is skipped.
local ORDER = { "chaser", "swarm", "orbiter", "dasher", "splitter", "sniper", "brute" }
-- The share of a wave's groups that are the type joining in it.
local NEWCOMER = 0.6
-- The longest a wave holds back the next: 40 s of 60 ticks.
local WAVE_TICKS = 40 * 60
-- How many arrive together.
local GROUP = { chaser = 3, swarm = 9, orbiter = 2, dasher = 2, splitter = 2, sniper = 1, brute = 1 }

local floor, max, min = math.floor, math.max, math.min

-- A small deterministic generator, reseeded from the engine's random every tick.
local function next_random(state)
  state.seed = (state.seed * 1103515245 + 12345) % 2147483648
  return state.seed / 2147483648
end

local function edge_point(state, info)
  local t, side = next_random(state), floor(next_random(state) * 4)
  if side == 0 then return t * info.width, -30 end
  if side == 1 then return t * info.width, info.height + 30 end
  if side == 2 then return -30, t * info.height end
  return info.width + 30, t * info.height
end

local function available(info)
  local present, list = {}, {}
  for _, key in ipairs(info.types) do present[key] = true end
  for _, key in ipairs(ORDER) do
    if present[key] then list[#list + 1] = key end
  end
  return list
end

return {
  update = function(state, info)
    if not state.wave then
      state.wave, state.size, state.to_spawn, state.timer, state.spawn_timer = 0, 0, 0, 40, 0
    end
    state.seed = floor(info.random * 2147483647)

    state.age = (state.age or 0) + 1
    if state.to_spawn == 0 then
      -- Between waves: the next starts once this one is half cleared, after a short breath, or
      -- when it has lasted WAVE_TICKS (enemies that keep their distance never stall a round).
      if state.wave > 0 and info.live > state.size / 2 and state.age < WAVE_TICKS then
        return state.wave
      end
      state.timer = state.timer - 1
      if state.timer > 0 then return state.wave end
      state.wave, state.age = state.wave + 1, 0
      state.size = 8 + 5 * state.wave
      state.to_spawn, state.timer, state.spawn_timer = state.size, 45, 0
    end

    state.spawn_timer = state.spawn_timer - 1
    if state.spawn_timer > 0 then return state.wave end
    state.spawn_timer = max(8, 30 - 2 * state.wave)

    local types = available(info)
    if #types == 0 then return state.wave end
    local unlocked = min(#types, state.wave)
    -- While types are still joining, the newcomer makes most of its wave (NEWCOMER of the
    -- groups), so the player meets each alone before the mix; after that, all mix evenly.
    local kind
    if state.wave <= #types and next_random(state) < NEWCOMER then
      kind = types[unlocked]
    else
      kind = types[1 + floor(next_random(state) * unlocked)]
    end
    local count = min(state.to_spawn, (GROUP[kind] or 1) + floor(state.wave / 4))
    local x, y = edge_point(state, info)
    for _ = 1, count do
      arena.spawn(kind, x + (next_random(state) - 0.5) * 90, y + (next_random(state) - 0.5) * 90)
    end
    state.to_spawn = state.to_spawn - count
    return state.wave
  end,
}
