package main

import (
	"errors"
	"fmt"
)

// A logger's helpers hand their ...any on to fmt, as testing.T's Errorf and slog's do.
func logf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

func line(args ...any) string { return fmt.Sprintln(args...) }

func main() {
	fmt.Print(logf("%d uploads, %s\n", 3, "done"))
	fmt.Print(line("a", 1, nil, 2.5))
	var none []any
	fmt.Println(none...)
	fmt.Println(fmt.Sprint([]any{"x", 1, 2, "y"}...))
	err := fmt.Errorf("wrapped: %w", []any{errors.New("inner")}...)
	fmt.Println(err, errors.Unwrap(err))
	fmt.Printf("%v|%v|%d\n", []any{nil, "s", 7}...)
}
