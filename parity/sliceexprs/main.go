package main

import "fmt"

func main() {
	s := []int{0, 1, 2, 3, 4, 5}
	a := s[1:3]
	fmt.Println(a, len(a), cap(a))
	a = append(a, 99)
	fmt.Println(s)
	b := s[2:4:4]
	b = append(b, 7)
	b[0] = -1
	fmt.Println(s, b, cap(b))
	fmt.Println(s[:2], s[4:], s[:])
	dst := make([]int, 3)
	n := copy(dst, s)
	fmt.Println(n, dst)
	var empty []int
	fmt.Println(empty[:0] == nil, len(empty[0:0]))
	i := 7
	fmt.Println(s[1:i])
}
