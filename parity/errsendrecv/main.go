package main

func consume(ch <-chan int) {
	ch <- 1
}

func main() {
	consume(make(chan int))
}
