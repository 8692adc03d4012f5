package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		panic(fmt.Sprintf("worker %d failed", 3))
	}()
	// The panic ends the program long before; a short sleep could end first on a busy machine.
	time.Sleep(time.Hour)
	fmt.Println("unreachable")
}
