package main

import (
	"fmt"
	"time"
)

// Three ticks, counted as they come (a busy machine may deliver them late, never early), then Stop: from Go
// 1.23 no tick is delivered after Stop returns, not even one the ticker had already made.
func main() {
	start := time.Now()
	ticker := time.NewTicker(10 * time.Millisecond)
	defer ticker.Stop()
	ticks := 0
	for ticks < 3 {
		<-ticker.C
		ticks++
	}
	fmt.Println("ticks:", ticks, "after at least 30ms:", time.Since(start) >= 30*time.Millisecond)
	ticker.Stop()
	select {
	case <-ticker.C:
		fmt.Println("a tick after Stop")
	case <-time.After(30 * time.Millisecond):
		fmt.Println("no tick after Stop")
	}
}
