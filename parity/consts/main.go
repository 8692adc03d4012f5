package main

import (
	"fmt"
	"time"
)

const (
	Idle = iota
	Running
	Stopped
)

const big = 1 << 10

func main() {
	fmt.Println(Idle, Running, Stopped, big)
	d := 1500 * time.Millisecond
	fmt.Println(d, 90*time.Second, 2*time.Hour+3*time.Minute, 250*time.Microsecond, time.Duration(0))
	fmt.Println(d.Seconds(), d.Milliseconds())
}
