package main

import "fmt"

func main() {
	var s []int
	fmt.Println(s == nil, len(s), cap(s), s)
	for i := 0; i < 10; i++ {
		s = append(s, i)
		fmt.Print(cap(s), " ")
	}
	fmt.Println()
	a := []int{1, 2, 3}
	b := append(a, 4)
	b[0] = 99
	fmt.Println(a, b, len(b), cap(b))
	c := make([]int, 2, 10)
	d := append(c, 5)
	e := append(c, 6)
	fmt.Println(d, e)
	words := []string{"a"}
	for i := 0; i < 5; i++ {
		words = append(words, "w")
	}
	fmt.Println(len(words), cap(words))
}
