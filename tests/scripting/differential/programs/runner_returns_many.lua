-- Only the first value counts: this returns a string and two more values.
return "first value only", 2, {}
