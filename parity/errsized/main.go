// Constants that do not fit their integer type, as go build words each, at the constant's column.
package main

import "fmt"

func f(x int8) {}

func g() uint8 { return 256 }

func main() {
	var x int8 = 1
	fmt.Println(x + 300)
	fmt.Println(uint8(-1))
	var b byte = 300
	f(128)
	x = 1000
	var r rune = 'a'
	fmt.Println(b, r+x)
	const u uint8 = 255
	fmt.Println(u + 1)
	fmt.Println(-u)
	var f uint = 1
	fmt.Println(1.5 + f)
}
