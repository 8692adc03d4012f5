package main

import (
	"fmt"
	"runtime"
	"time"
)

// main returns while goroutines are blocked forever: Go exits 0 and says nothing. The leak is silent.
func main() {
	ch := make(chan int)
	for i := 0; i < 3; i++ {
		go func() { ch <- i }()
	}
	go func() {
		for {
			time.Sleep(time.Millisecond)
		}
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
