// A program of two packages: main and one of its own, found under the module's path.
package main

import (
	"fmt"

	"leaklab/parity/packages/shapes"
)

// Rect is main's own, a different type from shapes.Rect.
type Rect struct{ W, H int }

func init() {
	fmt.Println("main: init")
}

func main() {
	var all []shapes.Shape
	all = append(all, shapes.Rect{W: 2, H: 3}, shapes.NewSquare(4))
	sq := shapes.NewSquare(1)
	sq.Grow(2)
	all = append(all, sq)
	for _, s := range all {
		fmt.Printf("%T %d\n", s, s.Area())
	}
	var any interface{} = Rect{1, 1}
	_, isTheirs := any.(shapes.Rect)
	fmt.Println(isTheirs, shapes.Created(), shapes.Unit)
	defer fmt.Println("deferred", shapes.Created())
	go shapes.Created()
	fmt.Printf("%v %+v\n", shapes.Rect{W: 5, H: 6}, any)
}
