package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	select {
	case v := <-ch:
		fmt.Println("got", v)
	default:
		fmt.Println("nothing ready")
	}
	quit := make(chan bool)
	data := make(chan int, 3)
	go func() {
		for i := 0; i < 3; i++ {
			data <- i
		}
		time.Sleep(time.Millisecond)
		quit <- true
	}()
	for {
		select {
		case v := <-data:
			fmt.Println("data", v)
			continue
		case <-quit:
			// select picks at random among ready cases: a main that runs late may see quit while data still
			// holds values, which were all sent before quit.
			for len(data) > 0 {
				fmt.Println("data", <-data)
			}
			fmt.Println("quit")
		}
		break
	}
	select {
	case <-time.After(2 * time.Millisecond):
		fmt.Println("timeout")
	case v, ok := <-ch:
		fmt.Println(v, ok)
	}
}
