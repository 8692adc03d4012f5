package main

type T struct {
	a int
}

func main() {
	t := T{a: 1, b: 2}
	_ = t
}
