package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan string)
	go func() {
		time.Sleep(5 * time.Millisecond)
		ch <- "late"
	}()
	fmt.Println(<-ch)
}
