package main

import (
	"errors"
	"fmt"
)

// Functions whose last statement terminates in the spec's sense, some with breaks that do not leave it.
func firstEven(xs []int) int {
	for {
		for _, x := range xs {
			if x%2 == 0 {
				return x
			}
			if x > 100 {
				break
			}
		}
		return -1
	}
}

func sign(n int) string {
outer:
	for {
		switch {
		case n > 0:
			break outer
		case n < 0:
			return "negative"
		default:
			return "zero"
		}
	}
	return "positive"
}

func recovered() (int, error) {
	defer func() { recover() }()
	panic(errors.New("lost"))
}

func main() {
	fmt.Println(firstEven([]int{1, 3, 4}), firstEven([]int{1, 101}), sign(5), sign(-2), sign(0))
	fmt.Println(recovered())
}
