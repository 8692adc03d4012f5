package main

import "fmt"

func main() {
	var ch chan int
	fmt.Println(ch == nil, len(ch))
	select {
	case ch <- 1:
		fmt.Println("sent")
	default:
		fmt.Println("a nil channel is never ready")
	}
	<-ch
}
