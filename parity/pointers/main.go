package main

import "fmt"

type Counter struct {
	name string
	n    int
}

func bump(c *Counter) { c.n++ }

func bumpCopy(c Counter) { c.n++ }

func main() {
	c := Counter{name: "hits"}
	bump(&c)
	bump(&c)
	bumpCopy(c)
	fmt.Println(c.n)
	p := &c
	p.n = 10
	fmt.Println(c.n, p.n, *p)
	q := &Counter{name: "misses"}
	fmt.Println(q, q.name)
	var nilPtr *Counter
	fmt.Println(nilPtr == nil, nilPtr)
	*p = Counter{name: "reset"}
	fmt.Println(c)
	fmt.Println(nilPtr.n)
}
