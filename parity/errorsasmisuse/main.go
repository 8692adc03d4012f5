// errors.As given a target it cannot store into: false for a nil error, else the panic Go's errors package
// raises, a string, for a nil target, a nil or non-pointer one, and a pointer to a type that is no error.
package main

import (
	"errors"
	"fmt"
)

type E struct{}

func (*E) Error() string { return "e" }

type notErr struct{}

func try(f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%T %v\n", r, r)
	}()
	f()
}

func main() {
	var p **E
	fmt.Println(errors.As(nil, p))
	try(func() { errors.As(errors.New("x"), p) })
	try(func() { errors.As(errors.New("x"), nil) })
	try(func() { var n notErr; errors.As(errors.New("x"), &n) })
	try(func() { var e *E; errors.As(errors.New("x"), e) })
}
