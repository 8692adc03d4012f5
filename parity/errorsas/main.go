// errors.As finds the first error of a type in a chain wrapped with %w: a pointer type, a struct type (copied
// into the variable), an interface; it reports false for an error without one, and for nil.
package main

import (
	"errors"
	"fmt"
	"io"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Timeout struct{ After int }

func (e Timeout) Error() string { return fmt.Sprint("timeout after ", e.After) }

type temporary interface{ Temporary() bool }

type flaky struct{}

func (flaky) Error() string   { return "flaky" }
func (flaky) Temporary() bool { return true }

func lookup(key string) error {
	if key == "" {
		return io.EOF
	}
	return fmt.Errorf("lookup %q: %w", key, &NotFound{Key: key})
}

func main() {
	err := lookup("blob-7")
	var nf *NotFound
	if errors.As(err, &nf) {
		fmt.Println("as *NotFound:", nf.Key, nf == errors.Unwrap(err))
	}
	var to Timeout
	fmt.Println(errors.As(err, &to), to.After)
	wrapped := fmt.Errorf("ctx: %w", fmt.Errorf("call: %w", Timeout{After: 30}))
	fmt.Println(errors.As(wrapped, &to), to.After, to)
	to.After = 1
	fmt.Println(errors.Unwrap(errors.Unwrap(wrapped)))
	var tmp temporary
	fmt.Println(errors.As(fmt.Errorf("x: %w", flaky{}), &tmp), tmp != nil && tmp.Temporary())
	fmt.Println(errors.As(lookup(""), &nf), errors.As(nil, &nf), errors.Is(err, nf))
	var target error
	fmt.Println(errors.As(err, &target), target)
}
