package main

import (
	"errors"
	"fmt"
	"runtime"
	"time"
)

// The classic leak: the caller gives up after a timeout, and the worker blocks forever sending a result
// nobody will receive. The fix is a buffered channel of one. The worker sends only once the caller has given
// up, so that a busy machine, late to wake the caller, cannot let the result win the race.
func fetch(timeout time.Duration, buffered bool) error {
	var ch chan string
	if buffered {
		ch = make(chan string, 1)
	} else {
		ch = make(chan string)
	}
	gaveUp := make(chan struct{})
	go func() {
		time.Sleep(20 * time.Millisecond)
		<-gaveUp
		ch <- "result"
	}()
	select {
	case <-ch:
		return nil
	case <-time.After(timeout):
		close(gaveUp)
		return errors.New("timeout")
	}
}

func main() {
	for i := 0; i < 10; i++ {
		fmt.Print(fetch(5*time.Millisecond, false), " ")
	}
	time.Sleep(50 * time.Millisecond)
	fmt.Println("\nleaked:", runtime.NumGoroutine()-1)
	for i := 0; i < 10; i++ {
		_ = fetch(5*time.Millisecond, true)
	}
	// The fixed workers end once their sleep is over: wait for them, however busy the machine.
	for deadline := time.Now().Add(10 * time.Second); runtime.NumGoroutine()-1 > 10 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("leaked with the fix:", runtime.NumGoroutine()-1)
}
