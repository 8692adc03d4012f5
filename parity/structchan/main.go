package main

import (
	"fmt"
	"sync"
)

type result struct {
	id    int
	value string
}

type pool struct {
	mu      sync.Mutex
	results map[int]string
}

func (p *pool) store(r result) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.results[r.id] = r.value
}

func main() {
	p := &pool{results: make(map[int]string)}
	ch := make(chan result)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ch <- result{id: i, value: fmt.Sprint("job-", i)}
		}()
	}
	go func() {
		wg.Wait()
		close(ch)
	}()
	for r := range ch {
		p.store(r)
	}
	fmt.Println(len(p.results), p.results)
}
