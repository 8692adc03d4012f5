package main

import "fmt"

func add(a, b int) int { return a + b }

func sum(label string, xs ...int) string { return fmt.Sprint(label, len(xs)) }

// An argument of the wrong type is reported at the argument, not at the call.
func main() {
	if got := add("1", 2); got != 3 {
		fmt.Println(got)
	}
	fmt.Println(sum("n", 1, "two", 3))
	fmt.Println(add(1, 2.5))
}
