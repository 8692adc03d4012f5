package main

import "fmt"

var (
	order    []string
	greeting = compose("hello", "gopher")
	total    = sum(1, 2, 3)
)

func compose(a, b string) string {
	order = append(order, "compose")
	return a + ", " + b
}

func sum(xs ...int) int {
	order = append(order, "sum")
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

func init() {
	order = append(order, "init 1")
}

func init() {
	order = append(order, "init 2")
}

func main() {
	fmt.Println(greeting, total, order)
}
