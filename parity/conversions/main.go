// Conversions between types of one underlying type: a function to a named function type with methods (as
// http.HandlerFunc is), a struct to another struct type (a copy), a named map type back to its map.
package main

import "fmt"

type handlerFunc func(name string) string

func (f handlerFunc) serve(name string) string { return "[" + f(name) + "]" }

type point struct{ X, Y int }

type vertex point

type header map[string]string

func (h header) set(k, v string) { h[k] = v }

func main() {
	greet := handlerFunc(func(name string) string { return "hello " + name })
	fmt.Println(greet.serve("ada"), greet("grace"))

	p := point{1, 2}
	v := vertex(p)
	v.X = 10
	fmt.Println(p, v)

	h := make(header)
	h.set("a", "1")
	m := map[string]string(h)
	m["b"] = "2"
	fmt.Println(len(h), h["b"])
	fmt.Printf("%T %T %T\n", greet, v, h)
}
