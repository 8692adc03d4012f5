package main

import (
	"fmt"
	"sync"
	"time"
)

type job struct {
	id   int
	cost time.Duration
}

func main() {
	jobs := make(chan job)
	results := make(chan string, 10)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go func(worker int) {
			defer wg.Done()
			for j := range jobs {
				time.Sleep(j.cost)
				results <- fmt.Sprintf("job %d by worker %d", j.id, worker)
			}
		}(w)
	}
	for i := 1; i <= 6; i++ {
		jobs <- job{id: i, cost: time.Duration(i*10) * time.Millisecond}
	}
	close(jobs)
	wg.Wait()
	close(results)
	count := 0
	for range results {
		count++
	}
	fmt.Println("done:", count)
}
