package main

import "fmt"

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }

type Circle struct{ R float64 }

func (r Rect) Area() float64    { return r.W * r.H }
func (r Rect) Name() string     { return "rect" }
func (c *Circle) Area() float64 { return 3 * c.R * c.R }
func (c *Circle) Name() string  { return "circle" }

func describe(s Shape) string {
	return fmt.Sprintf("%s of area %.1f", s.Name(), s.Area())
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1}}
	for _, s := range shapes {
		fmt.Println(describe(s))
	}
	var s Shape
	fmt.Println(s == nil, s)
	s = Rect{1, 1}
	fmt.Println(s == nil, s, s == Rect{1, 1}, s == Rect{2, 1})
	fmt.Printf("%v %T\n", s, s)
	var empty any = 42
	fmt.Println(empty, empty == 42)
}
