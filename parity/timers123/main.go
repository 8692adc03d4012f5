package main

import (
	"fmt"
	"time"
)

// Go 1.23 timers: the channel is unbuffered, Stop of a fired but unread timer returns true and drops the
// value, and Reset leaves no stale value behind.
func main() {
	t := time.NewTimer(time.Millisecond)
	fmt.Println("cap", cap(t.C), "len", len(t.C))
	time.Sleep(5 * time.Millisecond)
	fmt.Println("stop after firing, unread:", t.Stop())
	select {
	case <-t.C:
		fmt.Println("stale value")
	default:
		fmt.Println("no stale value")
	}
	t.Reset(2 * time.Millisecond)
	<-t.C
	fmt.Println("fired after reset; stop now:", t.Stop())
	u := time.NewTimer(time.Hour)
	fmt.Println("reset of a pending timer:", u.Reset(time.Millisecond))
	<-u.C
	fmt.Println("done")
}
