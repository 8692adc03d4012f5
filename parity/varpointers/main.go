// Pointers to variables of any type: through a parameter, a package variable, new; two pointers to one
// variable are equal; a closure and the pointer see one variable; a nil pointer's dereference panics.
package main

import "fmt"

var hits int

func bump(n *int) { *n += 1 }

func swap(a, b *string) { *a, *b = *b, *a }

func grow(s *[]int, n int) {
	for i := range n {
		*s = append(*s, i)
	}
}

// sum's loop variable shares its name with a variable whose address main takes: it stays a loop variable.
func sum(n int) (total int) {
	for i := range n {
		total += i
	}
	return total
}

func reset(limit int) func() int {
	p := &limit
	return func() int { *p--; return limit }
}

func main() {
	count := 0
	p := &count
	*p = 41
	bump(p)
	bump(&count)
	fmt.Println(count, *p, p == &count)
	bump(&hits)
	fmt.Println(hits)
	x, y := "left", "right"
	swap(&x, &y)
	fmt.Println(x, y)
	var list []int
	grow(&list, 3)
	fmt.Println(list, len(list))
	q := new(int)
	*q += 5
	r := q
	*r *= 2
	(*r)++
	fmt.Println(*q, q == r, new(int) == new(int))
	i := 7
	pi := &i
	*pi++
	fmt.Println(i, sum(4))
	next := reset(3)
	fmt.Println(next(), next())
	var pp **int
	pq := &q
	pp = pq
	**pp = 100
	fmt.Println(*q)
	var np *int
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(*np)
}
