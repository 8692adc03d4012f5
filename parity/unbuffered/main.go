package main

import "fmt"

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		for v := range ch {
			fmt.Println("got", v)
		}
		done <- true
	}()
	for i := 0; i < 3; i++ {
		ch <- i
	}
	close(ch)
	<-done
	v, ok := <-ch
	fmt.Println(v, ok, len(ch), cap(ch))
}
