// []byte as Go has it: append grows it by Go's size classes for one-byte elements, copy and append work on
// overlapping windows of one array, a string made from bytes, and fmt's verbs for bytes.
package main

import "fmt"

func main() {
	var b []byte
	caps := []int{}
	for i := 0; i < 200; i++ {
		b = append(b, byte(i))
		if len(caps) == 0 || caps[len(caps)-1] != cap(b) {
			caps = append(caps, cap(b))
		}
	}
	fmt.Println(caps)

	s := []byte("hello, world")
	n := copy(s[2:], s)
	fmt.Println(n, string(s))
	t := append(s[:3], s[5:8]...)
	fmt.Println(string(t), string(s), len(t), cap(t))

	big := make([]byte, 3, 1<<20)
	fmt.Println(len(big), cap(big), big[2], len(append(big, "xyz"...)))
	fmt.Println(string([]byte{104, 105, 33}) == "hi!", len(string([]byte{0xe2, 0x82, 0xac})))
	for i, r := range string([]byte{'a', 0xe2, 0x82, 0xac, 'b'}) {
		fmt.Print(i, ":", r, " ")
	}
	fmt.Println()
	fmt.Println([]byte("abc"), fmt.Sprintf("%v %s %x", []byte("hi"), []byte("hi"), []byte("hi")))
}
