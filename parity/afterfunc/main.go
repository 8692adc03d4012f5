package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	fired := make(chan string)
	time.AfterFunc(5*time.Millisecond, func() { fired <- "fired" })
	t := time.AfterFunc(time.Hour, func() { fmt.Println("never") })
	fmt.Println(<-fired, t.Stop(), t.Stop())
	// The fired function's goroutine ends soon after its send, not at once: wait for it.
	for deadline := time.Now().Add(10 * time.Second); runtime.NumGoroutine() > 1 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("goroutines:", runtime.NumGoroutine())
	start := time.Now()
	time.Sleep(1500 * time.Millisecond)
	fmt.Println(time.Since(start) >= 1500*time.Millisecond)
}
