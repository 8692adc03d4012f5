// Where goroutines wait, as a dump names it: closures after the function they are in (func1, func1.1),
// methods with their receivers, and the line of each blocking operation and of each go statement.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"

	"leaklab/parity/profile"
)

type server struct {
	mu sync.Mutex
	wg sync.WaitGroup
}

func (s *server) serve(requests chan int) {
	go func() {
		for range requests {
		}
	}()
	go func() {
		go func() {
			select {
			case <-requests:
			case <-time.After(time.Hour):
			}
		}()
		s.mu.Lock()
	}()
}

type watcher struct{ name string }

func (w watcher) idle(done chan struct{}) {
	<-done
}

func waitFor(wg *sync.WaitGroup) {
	wg.Wait()
}

func main() {
	s := &server{}
	s.mu.Lock()
	s.serve(make(chan int))
	go watcher{"w"}.idle(make(chan struct{}))
	s.wg.Add(1)
	for i := 0; i < 2; i++ {
		go waitFor(&s.wg)
	}
	go func() {
		time.Sleep(time.Hour)
	}()
	results := make(chan string, 1)
	go func() {
		results <- "one"
		results <- "two"
	}()
	profile.Settle()
	fmt.Println("goroutines:", runtime.NumGoroutine())
	profile.Print()
}
