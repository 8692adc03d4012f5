package main

import "fmt"

// fmt's ...any takes a []any, and nothing else beside it but a Printf's format.
func main() {
	words := []string{"a"}
	fmt.Println(words...)
	fmt.Println("fixed", []any{1}...)
	fmt.Printf([]any{"%d", 1}...)
	fmt.Printf("%d %d\n", []any{1, 2}...)
}
