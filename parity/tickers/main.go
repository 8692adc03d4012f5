package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(10 * time.Millisecond)
	defer ticker.Stop()
	done := time.After(35 * time.Millisecond)
	ticks := 0
	for {
		select {
		case <-ticker.C:
			ticks++
		case <-done:
			fmt.Println("ticks:", ticks)
			ticker.Stop()
			select {
			case <-ticker.C:
				fmt.Println("a tick after Stop")
			case <-time.After(30 * time.Millisecond):
				fmt.Println("no tick after Stop")
			}
			return
		}
	}
}
