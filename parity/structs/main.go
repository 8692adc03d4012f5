package main

import "fmt"

type Point struct {
	X, Y int
}

type Line struct {
	From, To Point
	Label    string
}

func main() {
	p := Point{1, 2}
	q := p
	q.X = 10
	fmt.Println(p, q)
	fmt.Printf("%v %+v %T\n", p, q, p)
	l := Line{From: p, Label: "diagonal"}
	m := l
	m.From.Y = 99
	fmt.Println(l, m)
	fmt.Printf("%+v\n", l)
	var zero Line
	fmt.Println(zero, zero.Label == "")
	fmt.Println(p == Point{1, 2}, p == q, l == m, l.From == m.From, zero == Line{})
}
