// sync.RWMutex: readers share it, a writer has it alone, a waiting writer holds back readers that come after
// it, and where each goroutine waits reads as Go's dump says.
package main

import (
	"fmt"
	"sync"
	"time"

	"leaklab/parity/profile"
)

type cache struct {
	mu   sync.RWMutex
	data map[string]int
}

func (c *cache) get(k string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.data[k]
}

func (c *cache) add(k string, d int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data[k] += d
}

func main() {
	c := &cache{data: map[string]int{"a": 1}}
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(2)
		go func() { defer wg.Done(); c.add("a", i) }()
		go func() { defer wg.Done(); _ = c.get("a") }()
	}
	wg.Wait()
	fmt.Println("a =", c.get("a"))

	// A reader holds the lock; a writer waits for it; a reader after the writer waits for the writer.
	var order []string
	var omu sync.Mutex
	note := func(s string) { omu.Lock(); order = append(order, s); omu.Unlock() }
	c.mu.RLock()
	writerDone := make(chan bool)
	go func() {
		c.mu.Lock()
		note("writer")
		c.mu.Unlock()
		writerDone <- true
	}()
	profile.Settle()
	go func() { c.mu.Lock(); note("second writer"); c.mu.Unlock() }()
	profile.Settle()
	readerDone := make(chan bool)
	go func() {
		c.mu.RLock()
		note("late reader")
		c.mu.RUnlock()
		readerDone <- true
	}()
	profile.Settle()
	profile.Print()
	note("first reader leaves")
	c.mu.RUnlock()
	<-writerDone
	<-readerDone
	time.Sleep(10 * time.Millisecond)
	fmt.Println(order[0], "|", order[1])

	defer func() { fmt.Println("recovered:", recover()) }()
	var m sync.RWMutex
	m.RUnlock()
}
