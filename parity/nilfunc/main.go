package main

import "fmt"

type handler struct {
	onDone func(string)
}

func main() {
	h := handler{}
	fmt.Println(h.onDone == nil)
	h.onDone = func(s string) { fmt.Println("done:", s) }
	h.onDone("a")
	var f func()
	f()
}
