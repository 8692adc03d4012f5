package main

import (
	"fmt"
	"sync"
	"time"
)

func worker(id int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(time.Duration(id) * time.Millisecond)
	results <- id * id
}

func main() {
	results := make(chan int, 10)
	var wg sync.WaitGroup
	for i := 1; i <= 5; i++ {
		wg.Add(1)
		go worker(i, results, &wg)
	}
	wg.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println("sum:", sum)
}
