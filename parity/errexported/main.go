// Names another package does not export are compile errors where the selector names them.
package main

import (
	"fmt"

	"leaklab/parity/errexported/counter"
)

func main() {
	fmt.Println(counter.Count, counter.Hidden())
	fmt.Println(counter.hidden)
	var n counter.count
	fmt.Println(n)
}
