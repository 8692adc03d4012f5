// Go's names for functions without names of their own: init functions are init.0, init.1, a closure in a
// package variable's initialiser is init.func1, and a goroutine time.AfterFunc starts is created by
// time.goFunc.
package main

import (
	"fmt"
	"time"

	"leaklab/parity/profile"
)

var ch = make(chan int)

var starter = func() int {
	go func() { <-ch }()
	return 1
}()

func init() {
	go func() { make(chan int) <- 1 }()
}

func init() {
	go func() {
		go func() { select {} }()
		<-ch
	}()
}

func main() {
	fired := make(chan bool)
	time.AfterFunc(time.Millisecond, func() {
		fired <- true
		<-ch
	})
	<-fired
	profile.Settle()
	fmt.Println("starter:", starter)
	profile.Print()
}
