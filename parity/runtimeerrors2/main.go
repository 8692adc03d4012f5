// Runtime errors of sizes and bounds computed at run time: a negative make, negative slice bounds of a slice
// and of a string; and strings made of multi-byte runes, ranged with their byte offsets.
package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	n, i, j := -1, -2, -1
	s := []int{1, 2, 3}
	str := "hello"
	try("make len", func() { _ = make([]byte, n) })
	try("make ints", func() { _ = make([]int, n, 4) })
	try("make cap", func() { _ = make([]byte, 2, 1+n) })
	try("slice low", func() { fmt.Println(s[i:]) })
	try("slice high", func() { fmt.Println(s[:j]) })
	try("string low", func() { fmt.Println(str[i:]) })
	try("string high", func() { fmt.Println(str[:j]) })
	for _, b := range [][]byte{{0xf0, 0x9f, 0x98, 0x80}, {0xe2, 0x82, 0xac, '!'}} {
		for k, r := range string(b) {
			fmt.Print(k, ":", r, " ")
		}
		fmt.Println(len(b))
	}
}
