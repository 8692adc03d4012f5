// Package shapes is a package of the program's own, imported by its import path under the module.
package shapes

import "fmt"

// Unit is exported; scale is not.
const Unit = 2

var created int

// Shape is anything with an area.
type Shape interface {
	Area() int
}

// Rect is a rectangle.
type Rect struct {
	W, H int
}

// Area of the rectangle.
func (r Rect) Area() int { return r.W * r.H * scale() }

// Square is a square, kept by pointer.
type Square struct {
	side int
}

// NewSquare counts the squares made.
func NewSquare(side int) *Square {
	created++
	return &Square{side: side}
}

// Area of the square.
func (s *Square) Area() int { return s.side * s.side * scale() }

// Grow makes the square bigger.
func (s *Square) Grow(by int) { s.side += by }

// Created is how many squares NewSquare made.
func Created() int { return created }

func scale() int { return Unit / 2 }

func init() {
	fmt.Println("shapes: init")
}
