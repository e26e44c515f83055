-- expect: 4: '}' expected (to close '{' at line 2) near '3'
return {
  name = "Broken",
  hp 3, speed = 10,
}
