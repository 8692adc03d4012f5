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
	time.Sleep(time.Millisecond)
	fmt.Println("goroutines:", runtime.NumGoroutine())
	start := time.Now()
	time.Sleep(1500 * time.Millisecond)
	fmt.Println(time.Since(start) >= 1500*time.Millisecond)
}
