// Package counter has one exported name and one that is its own.
package counter

// Count is exported.
var Count = 1

var hidden = 2

// Hidden reads the unexported variable.
func Hidden() int { return hidden }
