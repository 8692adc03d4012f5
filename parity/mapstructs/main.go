package main

import "fmt"

type session struct {
	user  string
	bytes int
}

func main() {
	byID := map[int]session{1: {"ana", 10}}
	s := byID[1]
	s.bytes = 99
	fmt.Println(byID[1], s)
	byID[1] = s
	fmt.Println(byID)
	ptrs := map[int]*session{}
	ptrs[2] = &session{user: "bo"}
	ptrs[2].bytes += 5
	fmt.Println(*ptrs[2], len(ptrs))
	missing := ptrs[3]
	fmt.Println(missing == nil)
	got, ok := byID[1]
	got.user = "changed"
	fmt.Println(got, ok, byID[1])
}
