package main

import (
	"fmt"
	"runtime"
	"time"
)

// Each upload starts a reporter that waits on a channel nobody closes: the goroutine leaks.
func upload(n int) {
	progress := make(chan int)
	go func() {
		for p := range progress {
			_ = p
		}
	}()
	for i := 0; i < n; i++ {
		progress <- i
	}
}

func main() {
	before := runtime.NumGoroutine()
	for i := 0; i < 100; i++ {
		upload(3)
	}
	time.Sleep(time.Millisecond)
	fmt.Println("leaked:", runtime.NumGoroutine()-before)
}
