-- expect: error: require: bad module name "/etc/passwd"
return require("/etc/passwd")
