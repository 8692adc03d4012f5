// An if's init statement declares names for that if alone: the next if may declare them again.
package main

import (
	"fmt"
	"strings"
)

func main() {
	line := "key=value"
	if i := strings.Index(line, "="); i >= 0 {
		fmt.Println("key:", line[:i])
	}
	if i := strings.Index(line, "v"); i >= 0 {
		fmt.Println("from v:", line[i:])
	}
	if n, ok := map[string]int{"a": 1}["a"]; ok {
		fmt.Println("found", n)
	} else if n, ok := map[string]int{}["b"]; !ok {
		fmt.Println("missing", n)
	}
	if n := len(line); n > 100 {
		fmt.Println("long")
	} else {
		fmt.Println("short:", n)
	}
}
