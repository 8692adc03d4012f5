// Constants that do not fit where they go: a typed constant's value, an expression's value named in the
// message when its text is not it (1 << 63, 2 + 3), a typed constant named with its value and type, and every
// error of the file though the first is at the top.
package main

import "fmt"

const x int8 = 300
const s string = 1 << 3
const c int8 = 5

func main() {
	var t string = 2 + 3
	var big int64 = 1 << 63
	var u string = c
	fmt.Println(x, s, t, big, u)
}
