package main

import "fmt"

func main() {
	m := map[string]int{"b": 2, "a": 1}
	m["c"] = 3
	v, ok := m["a"]
	w, ok2 := m["z"]
	fmt.Println(v, ok, w, ok2, len(m))
	delete(m, "b")
	fmt.Println(m)
	counts := make(map[int]int)
	for _, x := range []int{1, 2, 1, 3, 1} {
		counts[x]++
	}
	fmt.Println(counts)
	total := 0
	for k, v := range counts {
		total += k * v
	}
	fmt.Println(total)
}
