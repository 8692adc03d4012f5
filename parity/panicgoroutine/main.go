package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		panic(fmt.Sprintf("worker %d failed", 3))
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("unreachable")
}
