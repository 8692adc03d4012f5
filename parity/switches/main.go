package main

import "fmt"

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	default:
		return "positive"
	}
}

func main() {
	for _, n := range []int{-1, 0, 4} {
		fmt.Println(n, classify(n))
	}
	switch x := 3; x {
	case 1, 2:
		fmt.Println("small")
	case 3:
		fmt.Println("three")
		break
	default:
		fmt.Println("big")
	}
}
