-- expect: 2: missing required field 'think'
return {
  name = "No think", hp = 3, speed = 10, radius = 10, color = "#ffffff", score = 1,
}
