package main

import "fmt"

func sum(label string, nums ...int) string {
	total := 0
	for _, n := range nums {
		total += n
	}
	return fmt.Sprintf("%s=%d (%d values, nil=%v)", label, total, len(nums), nums == nil)
}

func main() {
	fmt.Println(sum("none"))
	fmt.Println(sum("three", 1, 2, 3))
	xs := []int{4, 5}
	fmt.Println(sum("spread", xs...))
	a := []int{1}
	a = append(a, xs...)
	fmt.Println(a)
}
