package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(f func(int) int, x int) int { return f(x) }

func main() {
	c := counter()
	c()
	c()
	fmt.Println(c())
	fmt.Println(apply(func(x int) int { return x * x }, 7))
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
}
